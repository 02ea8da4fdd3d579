using System.Globalization;

namespace Sim.Core;

/// <summary>An sRGB colour, as scenarios name it ("#e69f00").</summary>
public readonly record struct Colour(byte R, byte G, byte B)
{
    /// <summary>
    /// Okabe–Ito's palette, safe for the common colour-vision deficiencies, in the order balls
    /// take them; black is replaced by a light grey that shows on the dark background.
    /// </summary>
    public static IReadOnlyList<Colour> Palette { get; } =
    [
        new(0xE6, 0x9F, 0x00), new(0x56, 0xB4, 0xE9), new(0x00, 0x9E, 0x73), new(0xF0, 0xE4, 0x42),
        new(0x00, 0x72, 0xB2), new(0xD5, 0x5E, 0x00), new(0xCC, 0x79, 0xA7), new(0xDD, 0xDD, 0xDD),
    ];

    /// <summary>CIE76 colour difference under which two colours read as one on a projector (Okabe–Ito's sky blue and blue are 26 apart, orange and vermillion 33, orange and yellow 35; blue and green 72).</summary>
    public const double CloseDistance = 40;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are nearer than <see cref="CloseDistance"/> in CIELAB.</summary>
    public static bool Close(Colour a, Colour b)
    {
        var (l1, a1, b1) = a.Lab();
        var (l2, a2, b2) = b.Lab();
        return Math.Sqrt((l1 - l2) * (l1 - l2) + (a1 - a2) * (a1 - a2) + (b1 - b2) * (b1 - b2)) < CloseDistance;
    }

    /// <summary>CIELAB (D65) of this sRGB colour.</summary>
    public (double L, double A, double B) Lab()
    {
        static double Linear(byte c) => c / 255.0 <= 0.04045 ? c / 255.0 / 12.92 : Math.Pow((c / 255.0 + 0.055) / 1.055, 2.4);
        double r = Linear(R), g = Linear(G), b = Linear(B);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b, z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : 7.787 * t + 16.0 / 116;
        return (116 * F(y) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }

    public static bool TryParse(string text, out Colour colour)
    {
        colour = default;
        if (text.Length != 7 || text[0] != '#') return false;
        if (!uint.TryParse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) return false;
        colour = new Colour((byte)(v >> 16), (byte)(v >> 8), (byte)v);
        return true;
    }

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";
}
