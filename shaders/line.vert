#version 330 core
// One instance per segment, expanded to a screen-space quad of u_width pixels (plus 1 px for anti-aliasing).
layout(location = 0) in vec3 a_from;
layout(location = 1) in vec3 a_to;
layout(location = 2) in vec4 a_colorFrom;
layout(location = 3) in vec4 a_colorTo;

uniform mat4 u_viewProj;
uniform vec2 u_viewport;   // pixels
uniform float u_width;     // pixels
uniform float u_outline;   // pixels of outline on each side

out vec4 v_color;
out float v_across;        // signed distance from the centre line, pixels

const vec2 corners[6] = vec2[6](vec2(0, -1), vec2(1, -1), vec2(1, 1), vec2(0, -1), vec2(1, 1), vec2(0, 1));

void main()
{
    vec2 corner = corners[gl_VertexID];
    vec4 a = u_viewProj * vec4(a_from, 1.0);
    vec4 b = u_viewProj * vec4(a_to, 1.0);
    v_color = mix(a_colorFrom, a_colorTo, corner.x);
    v_across = 0.0;

    // Cut a segment that reaches behind the eye, or the divide by w would flip it across the screen.
    const float nearW = 1e-4;
    if (a.w < nearW && b.w < nearW) { gl_Position = vec4(0.0, 0.0, 2.0, 1.0); return; }
    if (a.w < nearW) a = mix(a, b, (nearW - a.w) / (b.w - a.w));
    if (b.w < nearW) b = mix(b, a, (nearW - b.w) / (a.w - b.w));

    vec2 halfViewport = 0.5 * u_viewport;
    vec2 sa = a.xy / a.w * halfViewport;
    vec2 sb = b.xy / b.w * halfViewport;
    vec2 along = sb - sa;
    float len = length(along);
    along = len > 1e-6 ? along / len : vec2(1.0, 0.0);
    vec2 across = vec2(-along.y, along.x);

    float halfWidth = 0.5 * u_width + u_outline + 1.0;
    // Butt ends: extending them would hide the notch at a polyline's joints, but translucent trails
    // of many short segments would then show every overlap as a darker dash.
    vec2 offset = across * corner.y * halfWidth;
    vec4 p = corner.x < 0.5 ? a : b;
    p.xy += offset / halfViewport * p.w;
    gl_Position = p;
    v_across = corner.y * halfWidth;
}
