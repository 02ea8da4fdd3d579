#version 330 core
// Linked into the programs of the 3D drawn over a backdrop (spheres, lines, points): the one rule by
// which it hides behind the backdrop's surface, as the depth test would inside the backdrop's picture.
uniform sampler2D u_backdropDepth;  // the backdrop's depth, texture unit 1, read texel by texel
uniform int u_backdrop;             // 1: hidden where the backdrop is nearer; 0: no backdrop, or drawn through it

bool behindBackdrop(float depth)
{
    // One step of a 24-bit depth buffer of slack: what lies on the surface passes, as with GL_LEQUAL.
    return u_backdrop == 1 && depth > texelFetch(u_backdropDepth, ivec2(gl_FragCoord.xy), 0).r + 1.0 / 16777215.0;
}
