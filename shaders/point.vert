#version 330 core
// One swarm point: a round dot of u_size pixels (GL_POINTS, gl_PointSize).
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec4 a_color;

uniform mat4 u_viewProj;
uniform float u_size;

out vec4 v_color;

void main()
{
    gl_Position = u_viewProj * vec4(a_position, 1.0);
    // Nudged towards the eye so a point lying on the surface wins the depth test.
    gl_Position.z -= 0.002 * gl_Position.w;
    gl_PointSize = u_size;
    v_color = a_color;
}
