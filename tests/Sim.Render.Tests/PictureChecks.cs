using Sim.Render.Platform;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>Colour comparisons for rendered pictures, where lighting changes brightness but not hue.</summary>
internal static class PictureChecks
{
    /// <summary>Cosine between colours as RGB vectors: 1 for the same hue and saturation at any brightness.</summary>
    public static double Similarity(Color a, Color b)
    {
        double dot = a.R * b.R + a.G * b.G + a.B * b.B;
        double na = Math.Sqrt(a.R * a.R + a.G * a.G + a.B * a.B), nb = Math.Sqrt(b.R * b.R + b.G * b.G + b.B * b.B);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    public static double Distance(Color a, Color b) =>
        Math.Sqrt(Math.Pow(a.R - b.R, 2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2));

    /// <summary>Grey: no channel far from the others.</summary>
    public static bool IsGrey(Color c) => Math.Max(c.R, Math.Max(c.G, c.B)) - Math.Min(c.R, Math.Min(c.G, c.B)) < 24;

    public static void AssertSameHue(Color expected, Color actual, double minSimilarity, string what)
    {
        double s = Similarity(expected, actual);
        Assert.True(s >= minSimilarity, $"{what}: {actual} does not look like {expected} (similarity {s:F3})");
    }

    /// <summary>Pixels in a rectangle brighter than <paramref name="threshold"/> in every channel.</summary>
    public static int BrightPixels(Image image, int x0, int y0, int x1, int y1, int threshold = 200)
    {
        int n = 0;
        for (int y = Math.Max(y0, 0); y < Math.Min(y1, image.Height); y++)
            for (int x = Math.Max(x0, 0); x < Math.Min(x1, image.Width); x++)
            {
                var p = image.GetPixel(x, y);
                if (p.R > threshold && p.G > threshold && p.B > threshold) n++;
            }
        return n;
    }
}
