#version 330 core
// Instanced spheres: a shared unit sphere scaled and moved per instance.
layout(location = 0) in vec3 a_position;   // unit sphere; also the normal
layout(location = 1) in vec4 a_instance;   // xyz centre, w radius
layout(location = 2) in vec4 a_color;

uniform mat4 u_viewProj;

out vec3 v_world;
out vec3 v_normal;
out vec4 v_color;

void main()
{
    vec3 world = a_instance.xyz + a_position * a_instance.w;
    v_world = world;
    v_normal = a_position;
    v_color = a_color;
    gl_Position = u_viewProj * vec4(world, 1.0);
}
