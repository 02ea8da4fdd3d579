using Sim.Core.Simulation;

namespace Sim.Core.Basins;

/// <summary>
/// A basin map as a picture (RGBA, top row first, y up as in a plot): each cell in the colour of
/// the minimum it reached (the ball palette, in the order of <see cref="BasinMap.Minima"/>), bright
/// where it arrived early and dark where late; still-running cells grey, diverged ones near black;
/// each minimum a white dot ringed in black. Cells are drawn as squares of whole pixels, at least
/// <see cref="MinSide"/> pixels across in all.
/// </summary>
public static class BasinPicture
{
    public const int MinSide = 512;

    public static readonly Colour Running = new(0x6E, 0x6E, 0x6E);
    public static readonly Colour Diverged = new(0x14, 0x14, 0x14);
    private static readonly Colour Marker = new(0xFF, 0xFF, 0xFF);
    private static readonly Colour MarkerRing = new(0, 0, 0);

    /// <summary>Colours of the minima: the palette without its last, grey entry (kept for running cells' sake).</summary>
    public static Colour MinimumColour(int minimum) => Colour.Palette[minimum % (Colour.Palette.Count - 1)];

    /// <summary>The colour of one cell: its minimum's, scaled from full (arrived at step 0) to 35 % (arrived at the last step).</summary>
    public static Colour CellColour(BasinCell cell, int steps) => cell.Status switch
    {
        BallStatus.Diverged => Diverged,
        BallStatus.Running => Running,
        _ => Shade(MinimumColour(cell.Minimum), 1 - 0.65 * Math.Sqrt(cell.ArrivedAt / (double)Math.Max(steps, 1))),
    };

    /// <summary>
    /// One RGBA texel per cell in grid order (row 0 at the bottom of the domain, x fastest), coloured
    /// by <see cref="CellColour"/>, without markers: the window drapes it over the surface.
    /// </summary>
    public static byte[] Texels(BasinMap map)
    {
        var rgba = new byte[map.Cells.Count * 4];
        for (int k = 0; k < map.Cells.Count; k++) Put(rgba, map.Grid, k % map.Grid, k / map.Grid, CellColour(map.Cells[k], map.Steps));
        return rgba;
    }

    /// <summary>The picture's pixels and size.</summary>
    public static (byte[] Rgba, int Width, int Height) Draw(BasinMap map)
    {
        int scale = Math.Max(1, (MinSide + map.Grid - 1) / map.Grid), side = map.Grid * scale;
        var rgba = new byte[side * side * 4];
        for (int j = 0; j < map.Grid; j++)
            for (int i = 0; i < map.Grid; i++)
            {
                var c = CellColour(map.Cells[j * map.Grid + i], map.Steps);
                int top = (map.Grid - 1 - j) * scale;
                for (int py = top; py < top + scale; py++)
                    for (int px = i * scale; px < (i + 1) * scale; px++) Put(rgba, side, px, py, c);
            }
        DrawMarkers(map, rgba, side);
        return (rgba, side, side);
    }

    private static void DrawMarkers(BasinMap map, byte[] rgba, int side)
    {
        var d = map.Domain;
        int radius = Math.Max(3, side / 120);
        foreach (var m in map.Minima)
        {
            if (!d.Contains(m.X, m.Y)) continue;
            int cx = (int)((m.X - d.XMin) / d.Width * side), cy = (int)((d.YMax - m.Y) / d.Height * side);
            for (int py = cy - radius - 1; py <= cy + radius + 1; py++)
                for (int px = cx - radius - 1; px <= cx + radius + 1; px++)
                {
                    int r2 = (px - cx) * (px - cx) + (py - cy) * (py - cy);
                    if (px < 0 || py < 0 || px >= side || py >= side || r2 > (radius + 1) * (radius + 1)) continue;
                    Put(rgba, side, px, py, r2 <= radius * radius - radius ? Marker : MarkerRing);
                }
        }
    }

    private static Colour Shade(Colour c, double f) => new((byte)(c.R * f), (byte)(c.G * f), (byte)(c.B * f));

    private static void Put(byte[] rgba, int width, int x, int y, Colour c)
    {
        int k = (y * width + x) * 4;
        rgba[k] = c.R;
        rgba[k + 1] = c.G;
        rgba[k + 2] = c.B;
        rgba[k + 3] = 255;
    }
}
