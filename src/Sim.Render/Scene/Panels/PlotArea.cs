using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// The axes of one plot: steps across, a <see cref="PlotScale"/> up, the labels of both ends of each
/// (formatted into reused buffers) and faint lines at the decades of a log axis.
/// </summary>
public sealed class PlotArea
{
    private readonly TextLine _top = new(), _bottom = new(), _first = new(), _last = new();

    public PanelRect Area { get; private set; }
    public PlotScale Scale { get; private set; }
    public double XMin { get; private set; }
    public double XMax { get; private set; }

    /// <summary>Sets the axes inside <paramref name="room"/>, leaving a line under it for the step labels.</summary>
    public void Set(PanelRect room, double xMin, double xMax, PlotScale scale, in PanelContext c)
    {
        Area = room.Inset(0, c.Small * 0.3f, 0, c.Small * 1.25f);
        XMin = xMin;
        XMax = xMax > xMin ? xMax : xMin + 1;
        Scale = scale;
    }

    public float X(double x) => Area.X + (float)((x - XMin) / (XMax - XMin)) * Area.Width;

    /// <summary>Pixel row of <paramref name="value"/>, kept inside the area (noise beyond the axis is cut); NaN where the axis cannot show it.</summary>
    public float Y(double value) => Area.Bottom - (float)Math.Clamp(Scale.Fraction(value), -0.02, 1.02) * Area.Height;

    /// <summary>The frame and decade lines, under the plot's lines; <see cref="DrawLabels"/> goes over them.</summary>
    public void DrawAxes(Window window, in PanelContext c)
    {
        var line = c.Theme.DimText.WithAlpha(90);
        var a = Area;
        if (Scale.Log)
            for (double d = Math.Ceiling(Scale.Min); d <= Scale.Max && d - Math.Ceiling(Scale.Min) < 12; d++)
                window.DrawRectangle(a.X, Y(Math.Pow(10, d)), a.Width, 1, line.WithAlpha(45));
        else if (Scale.Min < 0 && Scale.Max > 0)
            window.DrawRectangle(a.X, Y(0), a.Width, 1, line.WithAlpha(60));
        window.DrawRectangle(a.X, a.Y, 1, a.Height, line);
        window.DrawRectangle(a.X, a.Bottom, a.Width, 1, line);
    }

    /// <summary>The values at the top and bottom of the axis (on a dark backing, over the lines) and the first and last step under it.</summary>
    public void DrawLabels(Window window, in PanelContext c, string xLabel = "step")
    {
        var a = Area;
        int size = c.Small * 4 / 5;
        var dim = c.Theme.DimText;
        Label(window, _top.Clear().AppendShort(Scale.ValueAt(1)).Span, a.X + 3, a.Y, size, c.Theme);
        Label(window, _bottom.Clear().AppendShort(Scale.ValueAt(0)).Span, a.X + 3, a.Bottom - size * 1.2f, size, c.Theme);
        float below = a.Bottom + c.Small * 0.15f;
        window.DrawText(_first.Clear().Append(xLabel).Append(" ").Append((int)Math.Round(XMin)).Span, a.X, below, size, dim);
        var last = _last.Clear().Append((int)Math.Round(XMax)).Span;
        window.DrawText(last, a.Right - window.MeasureText(last, size).X, below, size, dim);
    }

    private static void Label(Window window, ReadOnlySpan<char> text, float x, float y, int size, Theme theme)
    {
        var extent = window.MeasureText(text, size);
        window.DrawRectangle(x - 2, y, extent.X + 4, extent.Y, theme.Panel);
        window.DrawText(text, x, y, size, theme.DimText);
    }
}
