#version 330 core
in vec2 v_uv;
in vec4 v_color;

uniform sampler2D u_texture;   // text rendered white, or a 1x1 white texel for rectangles

out vec4 o_color;

void main()
{
    vec4 texel = texture(u_texture, v_uv);
    o_color = vec4(v_color.rgb * texel.rgb, v_color.a * texel.a);
}
