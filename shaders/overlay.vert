#version 330 core
// 2D overlay quads (text, rectangles) in pixels, origin top-left.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;

uniform vec2 u_screen;

out vec2 v_uv;
out vec4 v_color;

void main()
{
    v_uv = a_uv;
    v_color = a_color;
    vec2 ndc = vec2(a_position.x / u_screen.x * 2.0 - 1.0, 1.0 - a_position.y / u_screen.y * 2.0);
    gl_Position = vec4(ndc, 0.0, 1.0);
}
