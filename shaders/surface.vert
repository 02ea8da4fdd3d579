#version 330 core
// Landscape surface: world position, analytic normal, and the normalised height ("level") in [0, 1].
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in float a_level;

uniform mat4 u_viewProj;

out vec3 v_world;
out vec3 v_normal;
out float v_level;

void main()
{
    v_world = a_position;
    v_normal = a_normal;
    v_level = a_level;
    gl_Position = u_viewProj * vec4(a_position, 1.0);
}
