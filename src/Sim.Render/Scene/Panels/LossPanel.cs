using Sim.Core.Lessons;
using Sim.Render.Playground;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Loss against step for every ball, on a log axis once the losses span two decades. A ball on
/// mini-batches also shows its batch's loss, faint and noisy, behind its full-batch loss (Ng's
/// mini-batch cost curve).
/// </summary>
public sealed class LossPanel : IPanel
{
    private readonly PlotArea _plot = new();
    private readonly PlotPen _pen = new(), _faint = new();

    public static PanelKind Kind { get; } = new()
    {
        IsPlot = true,
        CliName = "loss", Title = "loss plot", Key = Key.F2, KeyLabel = "F2", Lesson = LessonPanels.LossPlot,
        Help = "loss against step for every ball (faint: each mini-batch's own)", Create = () => new LossPanel(),
    };

    public float PreferredHeight(in PanelContext c) => c.TextSize * 9.5f;

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var history = c.Session.History;
        var balls = c.World.Balls;
        int m = c.World.Objective.ExampleCount;
        bool anyMini = false;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, batchMin = min, batchMax = max;
        int first = int.MaxValue, last = 0;
        for (int i = 0; i < history.Count; i++)
        {
            var h = history.Of(i);
            if (h.Count == 0) continue;
            bool mini = OnMiniBatches(c, i, m);
            anyMini |= mini;
            first = Math.Min(first, h[0].Step);
            last = Math.Max(last, h.Latest.Step);
            for (int k = 0; k < h.Count; k++)
            {
                ref readonly var s = ref h[k];
                Extend(s.Loss, ref min, ref max);
                if (mini && s.Step > 0) Extend(s.BatchLoss, ref batchMin, ref batchMax);
            }
        }
        // The full losses set the axis; batch noise widens it by a decade down and ×3 up at most
        // (one example's loss can be almost zero), and beyond that is cut at the edge.
        if (anyMini && min <= max)
        {
            double floor = min > 0 ? min / 10 : min - (max - min);
            min = Math.Min(min, Math.Max(batchMin, floor));
            max = Math.Max(max, Math.Min(batchMax, max > 0 ? max * 3 : max));
        }
        var scale = PlotScale.For(min, max);
        string title = (scale.Log, anyMini) switch
        {
            (true, true) => "loss, log (faint: mini-batch)",
            (false, true) => "loss (faint: mini-batch)",
            (true, false) => "loss, log scale",
            _ => "loss",
        };
        var room = PanelChrome.Draw(window, rect, title, c);
        if (first == int.MaxValue) return;
        _plot.Set(room, first, last, scale, c);
        _plot.DrawAxes(window, c);
        // Faint batch losses under every full-batch line.
        for (int i = 0; i < history.Count; i++)
        {
            if (!OnMiniBatches(c, i, m)) continue;
            var h = history.Of(i);
            _faint.Begin(c.Theme.Of(balls[i]).WithAlpha(120));
            for (int k = 0; k < h.Count; k++)
                if (h[k].Step > 0) _faint.To(_plot.X(h[k].Step), _plot.Y(h[k].BatchLoss));
        }
        for (int i = 0; i < history.Count; i++)
        {
            var h = history.Of(i);
            _pen.Begin(c.Theme.Of(balls[i]));
            for (int k = 0; k < h.Count; k++) _pen.To(_plot.X(h[k].Step), _plot.Y(h[k].Loss));
        }
        _faint.Draw(window, c.LineWidth * 0.5f);
        _pen.Draw(window, c.LineWidth * 1.2f);
        _plot.DrawLabels(window, c);
    }

    private static bool OnMiniBatches(in PanelContext c, int ball, int examples) =>
        examples > 0 && (c.World.Balls[ball].BatchSize ?? c.World.BatchSize) < examples;

    private static void Extend(float v, ref double min, ref double max)
    {
        if (!float.IsFinite(v)) return;
        min = Math.Min(min, v);
        max = Math.Max(max, v);
    }
}
