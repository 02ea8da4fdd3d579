#version 330 core
in vec4 v_color;
in float v_across;

uniform float u_width;          // pixels, the coloured core
uniform float u_outline;        // pixels on each side of the core, 0 for none
uniform vec4 u_outlineColor;    // its alpha scales with the segment's

out vec4 o_color;

bool behindBackdrop(float depth);

void main()
{
    if (behindBackdrop(gl_FragCoord.z)) discard;
    float a = abs(v_across);
    // One-pixel ramps at the edges: anti-aliasing without multisampling.
    float coverage = clamp(0.5 * u_width + u_outline + 0.5 - a, 0.0, 1.0);
    float core = u_outline > 0.0 ? clamp(0.5 * u_width + 0.5 - a, 0.0, 1.0) : 1.0;
    vec3 rgb = mix(u_outlineColor.rgb, v_color.rgb, core);
    float alpha = v_color.a * mix(u_outlineColor.a, 1.0, core) * coverage;
    o_color = vec4(rgb, alpha);
}
