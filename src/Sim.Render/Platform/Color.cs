using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>An 8-bit RGBA colour; laid out as four bytes so instance buffers upload it as is.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Color(byte R, byte G, byte B, byte A = 255)
{
    public static readonly Color White = new(255, 255, 255);
    public static readonly Color Black = new(0, 0, 0);
    public static readonly Color Transparent = new(0, 0, 0, 0);

    public Vector4 ToVector4() => new(R / 255f, G / 255f, B / 255f, A / 255f);

    public Color WithAlpha(byte a) => this with { A = a };

    /// <summary>From components in [0, 1], clamped.</summary>
    public static Color FromFloats(float r, float g, float b, float a = 1) =>
        new(ToByte(r), ToByte(g), ToByte(b), ToByte(a));

    private static byte ToByte(float v) => (byte)Math.Clamp(MathF.Round(v * 255f), 0f, 255f);

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}{A:x2}";
}
