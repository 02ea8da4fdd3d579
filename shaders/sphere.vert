#version 330 core
// Instanced sphere impostors: each sphere is one quad facing the eye, and the fragment shader
// ray-traces the exact sphere inside it (normal, depth). Two triangles per ball instead of a
// tessellated mesh: a thousand balls cost a software renderer almost nothing.
layout(location = 0) in vec2 a_corner;     // (±1, ±1)
layout(location = 1) in vec4 a_instance;   // xyz centre, w radius
layout(location = 2) in vec4 a_color;

uniform mat4 u_viewProj;
uniform vec3 u_eye;
uniform vec3 u_viewDir;      // unit, from the eye into the scene
uniform int u_orthographic;

out vec3 v_world;
flat out vec3 v_centre;
flat out float v_radius;
flat out float v_order;     // the instance's place in the call
out vec4 v_color;

void main()
{
    vec3 centre = a_instance.xyz;
    float r = a_instance.w;
    // Face the viewer: towards the eye in perspective, against the view direction in orthographic.
    vec3 n = u_orthographic == 1 ? -u_viewDir : normalize(u_eye - centre);
    vec3 helper = abs(n.y) < 0.99 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
    vec3 right = normalize(cross(helper, n));
    vec3 up = cross(n, right);
    // A sphere seen in perspective looks a little wider than its radius: the quad leaves room,
    // and sits in front of the centre so it is not cut by the sphere's own surroundings.
    float grow = 1.25;
    vec3 world = centre + n * r + (right * a_corner.x + up * a_corner.y) * r * grow;
    v_world = world;
    v_centre = centre;
    v_radius = r;
    v_order = float(min(gl_InstanceID, 15)); // a crowd's balls are dots; sixteen steps keep the nudge far below a radius
    v_color = a_color;
    gl_Position = u_viewProj * vec4(world, 1.0);
}
