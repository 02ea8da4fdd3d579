using Sim.Render.Playground;
using System.Globalization;
using Sim.Core;
using Sim.Core.Lessons;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Exponentially weighted averages v = β·v + (1 − β)·θ over noisy data (dots): a lesson step's figure
/// (Ng's temperatures) when it has one, else one series of the selected ball's gradients, for
/// β = 0.5, 0.9 and 0.98, without or with bias correction. A figure's curve k is drawn in the colour of
/// the step's ball k (the EMA lesson lists its momentum balls in its figure's order), so the β = 0.5 curve
/// is the β = 0.5 ball's colour whatever colour the lesson gave that ball.
/// </summary>
public sealed class EmaPanel : IPanel
{
    private readonly PlotArea _plot = new();
    private readonly PlotPen _pen = new();
    private readonly TextMemo<(string, bool)> _liveTitle = new();
    private readonly TextMemo<(string, string)> _ballTitle = new();
    private EmaFigure? _figure;
    private IReadOnlyList<double> _series = [];
    private IReadOnlyList<EmaCurve> _curves = [];
    private string[] _legend = [];

    public static PanelKind Kind { get; } = new()
    {
        IsPlot = true,
        CliName = "ema", Title = "EMA panel", Key = Key.F4, KeyLabel = "F4", Lesson = LessonPanels.EmaPlot,
        Help = "exponentially weighted averages (G: what it averages)", Create = () => new EmaPanel(),
    };

    public float PreferredHeight(in PanelContext c) => c.TextSize * 10f + LegendHeight(c, 3);

    /// <summary>A plot of two ticks and its three legend lines.</summary>
    public float LeastHeight(in PanelContext c) => PanelChrome.TitleHeight(c) + c.Pad + PanelChrome.PlotLeast(c) + LegendHeight(c, 3);

    /// <summary>The legend goes under the plot, one line a curve, so it never covers one.</summary>
    private static float LegendHeight(in PanelContext c, int lines) => lines * LegendLine(c) + c.Small * 0.2f;

    private static float LegendLine(in PanelContext c) => c.Small * 4 / 5 * 1.15f;

    private static PanelRect PlotRoom(PanelRect room, in PanelContext c, int lines) => room.Inset(0, 0, 0, LegendHeight(c, lines));

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        if (c.Session.Step?.Ema is { } figure) DrawFigure(window, rect, c, figure);
        else DrawLive(window, rect, c);
    }

    private void DrawFigure(Window window, PanelRect rect, in PanelContext c, EmaFigure figure)
    {
        if (!ReferenceEquals(figure, _figure))
        {
            // Once per figure: its data and legend are fixed.
            _figure = figure;
            _series = figure.Series();
            _curves = figure.Curves();
            _legend = [.. _curves.Select(k => string.Create(CultureInfo.InvariantCulture,
                $"β = {k.Beta}{(k.BiasCorrected ? ", corrected" : "")}  (~{ExponentialAverage.Window(k.Beta):0} days)"))];
        }
        var room = PanelChrome.Draw(window, rect, "temperatures θ and averages v", c);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        Extend(_series, ref min, ref max);
        for (int k = 0; k < _curves.Count; k++) Extend(_curves[k].Values, ref min, ref max);
        _plot.Set(PlotRoom(room, c, _legend.Length), 1, _series.Count, PlotScale.For(min, max, allowLog: false), c);
        _plot.DrawAxes(window, c);
        float dot = DotSize(c);
        var grey = DotColour(c);
        for (int i = 0; i < _series.Count; i++) Dot(window, _plot.X(i + 1), _plot.Y(_series[i]), dot, grey);
        for (int k = 0; k < _curves.Count; k++)
        {
            var values = _curves[k].Values;
            _pen.Begin(FigureColour(c, k));
            for (int i = 0; i < values.Count; i++) _pen.To(_plot.X(i + 1), _plot.Y(values[i]));
        }
        _pen.Draw(window, c.LineWidth);
        _plot.DrawLabels(window, c, "day");
        Legend(window, c, _legend, figure: true);
    }

    private void DrawLive(Window window, PanelRect rect, in PanelContext c)
    {
        var live = c.Session.LiveEma;
        int ball = c.Focus;
        var history = c.Session.History;
        var title = ball < history.Count
            ? _ballTitle.Get((c.World.Balls[ball].Label, live.Label), static k => $"EMA of {k.Item1}'s {k.Item2}")
            : _liveTitle.Get((live.Label, live.BiasCorrected), static k => $"EMA of {k.Item1}");
        var room = PanelChrome.Draw(window, rect, title, c);
        if (ball >= history.Count || history.Of(ball).Count < 2) return;
        var h = history.Of(ball);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < h.Count; i++)
        {
            if (h[i].Step == 0) continue;
            float v = live.Value(h[i]);
            if (!float.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        _plot.Set(PlotRoom(room, c, LiveLegend.Length), h[0].Step, h.Latest.Step, PlotScale.For(min, max, allowLog: false), c);
        _plot.DrawAxes(window, c);
        var betas = LiveEma.Betas;
        // Dots while they can be told apart; beyond that the curves say enough.
        if (h.Count <= 600)
        {
            float dot = DotSize(c);
            var grey = DotColour(c);
            for (int i = 0; i < h.Count; i++)
                if (h[i].Step > 0) Dot(window, _plot.X(h[i].Step), _plot.Y(live.Value(h[i])), dot, grey);
        }
        for (int b = 0; b < betas.Length; b++)
        {
            _pen.Begin(CurveColour(b));
            double average = 0, weight = 1;
            for (int i = 0; i < h.Count; i++)
            {
                if (h[i].Step == 0) continue;
                float v = live.Value(h[i]);
                if (!float.IsFinite(v)) continue;
                average = betas[b] * average + (1 - betas[b]) * v;
                weight *= betas[b];
                _pen.To(_plot.X(h[i].Step), _plot.Y(live.BiasCorrected ? average / (1 - weight) : average));
            }
        }
        _pen.Draw(window, c.LineWidth);
        _plot.DrawLabels(window, c);
        Legend(window, c, live.BiasCorrected ? LiveLegendCorrected : LiveLegend);
    }

    private static readonly string[] LiveLegend = ["β = 0.5", "β = 0.9", "β = 0.98"];
    private static readonly string[] LiveLegendCorrected = ["β = 0.5, corrected", "β = 0.9, corrected", "β = 0.98, corrected"];

    private static Color CurveColour(int k) => Theme.From(Colour.Palette[k % Colour.Palette.Count]);

    /// <summary>The colour of a lesson figure's curve <paramref name="k"/>: ball k's, or the palette's k-th beyond the balls.</summary>
    internal static Color FigureColour(in PanelContext c, int k) =>
        k < c.World.Balls.Count ? Theme.From(c.World.Balls[k].Colour) : CurveColour(k);

    private static float DotSize(in PanelContext c) => Math.Max(2.5f, 2 * c.Theme.LineScale);
    private static Color DotColour(in PanelContext c) => c.Theme.DimText.WithAlpha(150);

    private static void Dot(Window window, float x, float y, float size, Color colour)
    {
        if (float.IsFinite(x) && float.IsFinite(y)) window.DrawRectangle(x - size / 2, y - size / 2, size, size, colour);
    }

    private static void Extend(IReadOnlyList<double> values, ref double min, ref double max)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i])) continue;
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
    }

    private void Legend(Window window, in PanelContext c, IReadOnlyList<string> lines, bool figure = false)
    {
        // Under the plot and its step labels, in each curve's colour.
        int size = c.Small * 4 / 5;
        float x = _plot.Area.X, y = _plot.Area.Bottom + c.Small * 1.25f;
        for (int k = 0; k < lines.Count; k++)
            TextFit.Draw(window, lines[k], x, y + k * LegendLine(c), size, size * 3 / 4, _plot.Area.Right - x, figure && k < c.World.Balls.Count ? c.Theme.TextOf(c.World.Balls[k].Colour) : CurveColour(k));
    }
}
