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
