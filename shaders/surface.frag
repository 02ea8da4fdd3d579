#version 330 core
in vec3 v_world;
in vec3 v_normal;
in float v_level;

uniform vec3 u_eye;
uniform vec3 u_lightDir;       // unit, towards the light
uniform float u_ambient;
uniform int u_contours;        // evenly spaced levels in (0, 1); 0 = none
uniform float u_contourWidth;  // pixels
uniform float u_contourStrength;
uniform float u_opacity;
uniform sampler2D u_drape;     // a picture over the parameter plane (a basin map) instead of the colour map
uniform int u_drapeOn;
uniform vec4 u_drapeRect;      // xmin, ymin, width, height of the plane the picture covers

out vec4 o_color;

// Viridis as a degree-6 polynomial fit (Matt Zucker's CC0 fit of matplotlib's map).
// Keep in step with ColorMap.Viridis in C#, which the tests and legends use.
vec3 viridis(float t)
{
    const vec3 c0 = vec3(0.2777273272234177, 0.005407344544966578, 0.3340998053353061);
    const vec3 c1 = vec3(0.1050930431085774, 1.404613529898575, 1.384590162594685);
    const vec3 c2 = vec3(-0.3308618287255563, 0.214847559468213, 0.09509516302823659);
    const vec3 c3 = vec3(-4.634230498983486, -5.799100973351585, -19.33244095627987);
    const vec3 c4 = vec3(6.228269936347081, 14.17993336680509, 56.69055260068105);
    const vec3 c5 = vec3(4.776384997670288, -13.74514537774601, -65.35303263337234);
    const vec3 c6 = vec3(-5.435455855934631, 4.645852612178535, 26.3124352495832);
    return c0 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * (c5 + t * c6)))));
}

void main()
{
    vec3 n = normalize(v_normal);
    vec3 toEye = normalize(u_eye - v_world);
    // Seen from below, light the underside as if it were the top rather than leave it black.
    if (dot(n, toEye) < 0.0) n = -n;

    float t = clamp(v_level, 0.0, 1.0);
    vec3 base = viridis(t);
    // World (x, height, -y): the plane point under this fragment, and whether the picture covers it.
    vec2 uv = (vec2(v_world.x, -v_world.z) - u_drapeRect.xy) / u_drapeRect.zw;
    bool draped = u_drapeOn != 0 && all(greaterThanEqual(uv, vec2(0.0))) && all(lessThanEqual(uv, vec2(1.0)));
    if (draped) base = texture(u_drape, uv).rgb;
    // Key light plus some light from the eye, so walls facing the audience but not the light stay readable.
    float diffuse = 0.7 * max(dot(n, u_lightDir), 0.0) + 0.3 * max(dot(n, toEye), 0.0);
    vec3 color = base * (u_ambient + (1.0 - u_ambient) * diffuse);

    if (u_contours > 0)
    {
        // Distance to the nearest level, in pixels, via the screen-space rate of change of the level.
        float f = t * float(u_contours);
        float rate = fwidth(f);
        float d = abs(fract(f + 0.5) - 0.5) / max(rate, 1e-6);
        float halfWidth = 0.5 * u_contourWidth;
        float line = 1.0 - smoothstep(halfWidth - 0.5, halfWidth + 0.5, d);
        // Where levels crowd closer than a few pixels the lines would merge into noise: fade them out.
        line *= 1.0 - smoothstep(0.12, 0.3, rate);
        // No ring at level 0: that is the minimum itself, marked separately.
        line *= step(0.5, f);
        // Dark ink on the bright end of the map, light ink on the dark end, so lines read everywhere.
        float luminance = dot(base, vec3(0.2126, 0.7152, 0.0722));
        vec3 ink = luminance > 0.35 ? vec3(0.02, 0.03, 0.05) : vec3(0.92, 0.94, 1.0);
        // Over a basin map the contours only hint at the height: the colours are the message.
        color = mix(color, ink, line * u_contourStrength * (draped ? 0.35 : 1.0));
    }

    o_color = vec4(color, u_opacity);
}
