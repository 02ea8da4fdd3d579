#version 330 core
in vec3 v_world;
in vec3 v_normal;
in vec4 v_color;

uniform vec3 u_eye;
uniform vec3 u_lightDir;   // unit, towards the light

out vec4 o_color;

void main()
{
    vec3 n = normalize(v_normal);
    vec3 toEye = normalize(u_eye - v_world);
    // Key light plus a little light from the eye, so the face towards the audience keeps its true colour.
    float key = max(dot(n, u_lightDir), 0.0);
    float fill = max(dot(n, toEye), 0.0);
    float light = 0.30 + 0.45 * key + 0.35 * fill;
    vec3 h = normalize(u_lightDir + toEye);
    float specular = pow(max(dot(n, h), 0.0), 48.0) * 0.45;
    // A dark rim separates a ball from a surface of similar colour.
    float rim = smoothstep(0.0, 0.35, dot(n, toEye));
    vec3 color = v_color.rgb * light * mix(0.35, 1.0, rim) + vec3(specular);
    o_color = vec4(min(color, vec3(1.0)), v_color.a);
}
