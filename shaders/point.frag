#version 330 core
in vec4 v_color;
out vec4 o_color;

bool behindBackdrop(float depth);

void main()
{
    // A disc with a dark rim, so a dot reads on any part of the colour map.
    if (behindBackdrop(gl_FragCoord.z)) discard;
    vec2 d = gl_PointCoord * 2.0 - 1.0;
    float r2 = dot(d, d);
    if (r2 > 1.0) discard;
    vec3 c = r2 > 0.6 ? v_color.rgb * 0.45 : v_color.rgb;
    o_color = vec4(c, v_color.a);
}
