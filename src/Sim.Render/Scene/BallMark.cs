using System.Numerics;
using Sim.Core;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// How more balls than the palette has colours stay apart: ball i takes palette colour i mod 8 (the
/// Okabe–Ito colours, safe for colour-blind viewers) and, from the ninth on, a shape around it: a square
/// for 9–16, a triangle for 17–24, a diamond beyond. The legend's swatch and the ring on the surface
/// show the same shape, so "the orange one with a square" is a name the hall can use.
/// </summary>
public static class BallMark
{
    /// <summary>0 for the first eight balls (no shape), then 1, 2, 3 for square, triangle, diamond.</summary>
    public static int Group(int index) => Math.Min(index / Colour.Palette.Count, 3);

    /// <summary>Corners of the shape of <paramref name="group"/> and the angle of the first (radians); 0 corners for none.</summary>
    private static (int Corners, float Start) Shape(int group) => group switch
    {
        1 => (4, MathF.PI / 4),
        2 => (3, -MathF.PI / 2),
        3 => (4, 0),
        _ => (0, 0),
    };

    /// <summary>The shape around a ball on the surface, flat on the ground plane at 1.5 ball radii.</summary>
    public static void AppendOutline(Vector3 centre, float radius, int index, Color colour, SegmentBuffer into)
    {
        var (corners, start) = Shape(Group(index));
        float r = 1.5f * radius;
        for (int k = 0; k < corners; k++)
        {
            float a = start + 2 * MathF.PI * k / corners, b = start + 2 * MathF.PI * (k + 1) / corners;
            into.Add(new LineSegment(centre + new Vector3(MathF.Cos(a), 0, MathF.Sin(a)) * r,
                centre + new Vector3(MathF.Cos(b), 0, MathF.Sin(b)) * r, colour));
        }
    }

    [ThreadStatic] private static LineSegment[]? _swatch;

    /// <summary>
    /// A legend swatch <paramref name="size"/> pixels across at (x, y): a filled square for the first
    /// eight balls; the shape's outline round a smaller square after that.
    /// </summary>
    public static void Swatch(Window window, float x, float y, float size, int index, Color colour, Theme theme)
    {
        var (corners, start) = Shape(Group(index));
        if (corners == 0)
        {
            window.DrawRectangle(x, y, size, size, colour);
            return;
        }
        window.DrawRectangle(x + size * 0.3f, y + size * 0.3f, size * 0.4f, size * 0.4f, colour);
        var segments = _swatch ??= new LineSegment[4];
        float cx = x + size / 2, cy = y + size / 2, r = size * 0.62f;
        for (int k = 0; k < corners; k++)
        {
            float a = start + 2 * MathF.PI * k / corners, b = start + 2 * MathF.PI * (k + 1) / corners;
            segments[k] = new LineSegment(new Vector3(cx + MathF.Cos(a) * r, cy + MathF.Sin(a) * r, 0),
                new Vector3(cx + MathF.Cos(b) * r, cy + MathF.Sin(b) * r, 0), colour);
        }
        window.DrawLines2D(segments.AsSpan(0, corners), Math.Max(2f, size / 8) * theme.LineScale);
    }
}
