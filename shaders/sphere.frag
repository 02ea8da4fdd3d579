#version 330 core
in vec3 v_world;
flat in vec3 v_centre;
flat in float v_radius;
flat in float v_order;
in vec4 v_color;

uniform mat4 u_viewProj;
uniform vec3 u_eye;
uniform vec3 u_viewDir;
uniform int u_orthographic;
uniform vec3 u_lightDir;   // unit, towards the light

out vec4 o_color;

bool behindBackdrop(float depth);

void main()
{
    // The ray through this pixel, and where it first meets the sphere.
    vec3 dir = u_orthographic == 1 ? u_viewDir : normalize(v_world - u_eye);
    vec3 origin = u_orthographic == 1 ? v_world - dir * 4.0 * v_radius : u_eye;
    vec3 oc = origin - v_centre;
    float b = dot(oc, dir);
    float c = dot(oc, oc) - v_radius * v_radius;
    float disc = b * b - c;
    // Anti-aliased outline without multisampling: coverage from how far inside the silhouette this pixel
    // is, measured in pixels through the screen-space rate of change of the discriminant.
    float coverage = clamp(disc / max(fwidth(disc), 1e-12) + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    disc = max(disc, 0.0);
    float t = -b - sqrt(disc);
    vec3 hit = origin + dir * t;
    vec3 n = (hit - v_centre) / v_radius;
    vec4 clip = u_viewProj * vec4(hit, 1.0);
    // Balls that met at a minimum lie within a hair of each other: without a rule their depths would fight
    // pixel by pixel (confetti). Each later ball is a little nearer, so the last drawn is seen whole.
    gl_FragDepth = clip.z / clip.w * 0.5 + 0.5 - v_order * 4e-6;
    if (behindBackdrop(gl_FragDepth)) discard;

    vec3 toEye = -dir;
    // Key light plus a little light from the eye, so the face towards the audience keeps its true colour.
    float key = max(dot(n, u_lightDir), 0.0);
    float fill = max(dot(n, toEye), 0.0);
    float light = 0.30 + 0.45 * key + 0.35 * fill;
    vec3 h = normalize(u_lightDir + toEye);
    float specular = pow(max(dot(n, h), 0.0), 48.0) * 0.45;
    // A dark rim separates a ball from a surface of similar colour.
    float rim = smoothstep(0.0, 0.35, dot(n, toEye));
    vec3 color = v_color.rgb * light * mix(0.35, 1.0, rim) + vec3(specular);
    o_color = vec4(min(color, vec3(1.0)), v_color.a * coverage);
}
