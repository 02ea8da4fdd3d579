#version 330 core
in vec4 v_color;
in float v_across;

uniform float u_width;

out vec4 o_color;

void main()
{
    // One-pixel ramp at the edge: anti-aliasing without multisampling.
    float coverage = clamp(0.5 * u_width + 0.5 - abs(v_across), 0.0, 1.0);
    o_color = vec4(v_color.rgb, v_color.a * coverage);
}
