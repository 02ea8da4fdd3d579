using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// The axes of one plot: steps across, a <see cref="PlotScale"/> up with round tick values (1, 2 or 5
/// times a power of ten; decades on a log axis) labelled in a gutter left of the curves, so no label
/// sits on a line, and the first and last step under it. Labels are formatted into reused buffers.
/// </summary>
public sealed class PlotArea
{
    public const int MaxTicks = 4;

    private readonly TextLine _first = new(), _last = new();
    private readonly TextLine[] _tickText = [new(), new(), new(), new(), new(), new()];
    private readonly double[] _ticks = new double[6];
    private int _tickCount, _tickDigits = 3;

    public PanelRect Area { get; private set; }
    private PanelRect _room;
    public PlotScale Scale { get; private set; }
    public double XMin { get; private set; }
    public double XMax { get; private set; }

    private static int LabelSize(in PanelContext c) => c.Small * 4 / 5;

    /// <summary>Sets the axes inside <paramref name="room"/>, leaving a gutter at the left for the value labels and a line under it for the steps.</summary>
    public void Set(PanelRect room, double xMin, double xMax, PlotScale scale, in PanelContext c)
    {
        XMin = xMin;
        XMax = xMax > xMin ? xMax : xMin + 1;
        Scale = scale;
        float top = c.Small * 0.3f, bottom = c.Small * 1.25f;
        // As many ticks as leave a label's height and a half between them.
        int fit = Math.Clamp((int)((room.Height - top - bottom) / (LabelSize(c) * 1.5f)), 2, MaxTicks);
        _tickCount = Ticks(scale, fit, _ticks);
        _tickDigits = TickDigits(_ticks.AsSpan(0, _tickCount), scale.Log);
        // The gutter holds the longest label (about 0.6 of the text size a character), at least 3.6 sizes.
        Span<char> text = stackalloc char[32];
        int longest = 0;
        for (int i = 0; i < _tickCount; i++) longest = Math.Max(longest, NumberText.Format(_ticks[i], _tickDigits, text));
        float gutter = LabelSize(c) * Math.Max(3.6f, 0.62f * longest + 0.5f);
        _room = room;
        Area = room.Inset(Math.Min(gutter, room.Width * 0.4f), top, 0, bottom);
    }

    /// <summary>
    /// Significant digits that tell neighbouring ticks apart (0.69312 and 0.69314, not 0.693 twice): as
    /// many as the largest tick has down to the step's decimal; one for decades on a log axis (1e−4).
    /// </summary>
    public static int TickDigits(ReadOnlySpan<double> ticks, bool log)
    {
        if (log || ticks.Length < 2) return log ? 1 : 3;
        double step = Math.Abs(ticks[1] - ticks[0]), largest = 0;
        foreach (double t in ticks) largest = Math.Max(largest, Math.Abs(t));
        if (!(step > 0) || !(largest > 0)) return 3;
        int digits = (int)Math.Floor(Math.Log10(largest)) - (int)Math.Floor(Math.Log10(step) + 1e-9) + 1;
        return Math.Clamp(digits, 1, 15);
    }

    public float X(double x) => Area.X + (float)((x - XMin) / (XMax - XMin)) * Area.Width;

    /// <summary>Pixel row of <paramref name="value"/>, kept inside the area (noise beyond the axis is cut); NaN where the axis cannot show it.</summary>
    public float Y(double value) => Area.Bottom - (float)Math.Clamp(Scale.Fraction(value), -0.02, 1.02) * Area.Height;

    /// <summary>The frame and faint lines at the ticks, under the plot's lines; <see cref="DrawLabels"/> labels them.</summary>
    public void DrawAxes(Window window, in PanelContext c)
    {
        var line = c.Theme.DimText.WithAlpha(90);
        var a = Area;
        for (int i = 0; i < _tickCount; i++) window.DrawRectangle(a.X, Y(_ticks[i]), a.Width, 1, line.WithAlpha(45));
        window.DrawRectangle(a.X, a.Y, 1, a.Height, line);
        window.DrawRectangle(a.X, a.Bottom, a.Width, 1, line);
    }

    /// <summary>The tick values in the gutter beside their lines, and the first and last step under the axis.</summary>
    public void DrawLabels(Window window, in PanelContext c, string xLabel = "step")
    {
        var a = Area;
        int size = LabelSize(c);
        var dim = c.Theme.DimText;
        for (int i = 0; i < _tickCount; i++)
        {
            var text = _tickText[i].Clear().AppendNumber(_ticks[i], _tickDigits).Span;
            float y = Math.Clamp(Y(_ticks[i]) - size * 0.6f, a.Y - size * 0.3f, Math.Max(a.Bottom - size * 0.9f, a.Y - size * 0.3f)); // a squeezed plot: at its top
            float w = window.MeasureText(text, size).X;
            float gutter = a.X - _room.X - size * 0.3f;
            TextFit.Draw(window, text, Math.Max(a.X - w - size * 0.3f, _room.X), y, size, size * 3 / 4, gutter, dim);
        }
        float below = a.Bottom + c.Small * 0.15f;
        window.DrawText(_first.Clear().Append(xLabel).Append(" ").Append((int)Math.Round(XMin)).Span, a.X, below, size, dim);
        var last = _last.Clear().Append((int)Math.Round(XMax)).Span;
        window.DrawText(last, a.Right - window.MeasureText(last, size).X, below, size, dim);
    }

    /// <summary>
    /// Up to <paramref name="most"/> round values inside the axis: on a linear axis multiples of 1, 2 or 5
    /// times a power of ten; on a log axis whole decades (every second or third if there are many).
    /// </summary>
    public static int Ticks(PlotScale scale, int most, Span<double> into)
    {
        int n = 0;
        most = Math.Min(most, into.Length);
        if (scale.Log)
        {
            int first = (int)Math.Ceiling(scale.Min), last = (int)Math.Floor(scale.Max);
            // Under two whole decades in view (a flat series): 1, 2 and 5 times each, so the axis has more than one label.
            if (last - first < 1) return SubDecadeTicks(scale, most, into);
            int every = Math.Max((last - first + most) / most, 1);
            for (int d = last; d >= first && n < most; d -= every) into[n++] = Math.Pow(10, d);
            return n;
        }
        double span = scale.Max - scale.Min;
        if (!(span > 0) || !double.IsFinite(span)) return 0;
        double step = NiceStep(span / most);
        for (double v = Math.Ceiling(scale.Min / step) * step; v <= scale.Max + step * 1e-9 && n < most; v += step)
            into[n++] = Math.Abs(v) < step * 1e-9 ? 0 : v;
        return n;
    }

    private static int SubDecadeTicks(PlotScale scale, int most, Span<double> into)
    {
        int n = 0;
        for (int d = (int)Math.Floor(scale.Max); d >= (int)Math.Floor(scale.Min) && n < most; d--)
            foreach (double m in (ReadOnlySpan<double>)[5, 2, 1])
            {
                double v = m * Math.Pow(10, d), at = Math.Log10(v);
                if (at >= scale.Min && at <= scale.Max && n < most) into[n++] = v;
            }
        return n;
    }

    /// <summary>The smallest of 1, 2, 5 times a power of ten at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double m = rough / power;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
    }
}
