using Sim.Render.Platform;

namespace Sim.Render;

/// <summary>The perceptual colour map the surface shader uses, for legends and for checking pictures.</summary>
public static class ColorMap
{
    /// <summary>
    /// Viridis at t in [0, 1] (clamped): a degree-6 polynomial fit of matplotlib's map (Matt Zucker, CC0).
    /// Must match viridis() in shaders/surface.frag.
    /// </summary>
    public static Color Viridis(double t)
    {
        t = Math.Clamp(t, 0, 1);
        double r = Poly(t, 0.2777273272234177, 0.1050930431085774, -0.3308618287255563, -4.634230498983486, 6.228269936347081, 4.776384997670288, -5.435455855934631);
        double g = Poly(t, 0.005407344544966578, 1.404613529898575, 0.214847559468213, -5.799100973351585, 14.17993336680509, -13.74514537774601, 4.645852612178535);
        double b = Poly(t, 0.3340998053353061, 1.384590162594685, 0.09509516302823659, -19.33244095627987, 56.69055260068105, -65.35303263337234, 26.3124352495832);
        return Color.FromFloats((float)r, (float)g, (float)b);
    }

    private static double Poly(double t, double c0, double c1, double c2, double c3, double c4, double c5, double c6) =>
        c0 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * (c5 + t * c6)))));
}
