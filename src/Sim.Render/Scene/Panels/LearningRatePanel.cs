using Sim.Core.Lessons;
using Sim.Render.Playground;
using Sim.Core.Schedules;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>Each ball's learning rate against step, after the schedule, headed by the schedule's formula.</summary>
public sealed class LearningRatePanel : IPanel
{
    private readonly PlotArea _plot = new();
    private readonly PlotPen _pen = new();
    private readonly TextMemo<(string, bool)> _title = new();

    public static PanelKind Kind { get; } = new()
    {
        IsPlot = true,
        CliName = "lr", Title = "learning-rate plot", Key = Key.F3, KeyLabel = "F3", Lesson = LessonPanels.LearningRatePlot,
        Help = "learning rate against step, after the schedule", Create = () => new LearningRatePanel(),
    };

    public float PreferredHeight(in PanelContext c) => c.TextSize * 8.5f;

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var schedule = c.World.Schedule;
        var title = _title.Get((schedule.Label, schedule is ConstantSchedule),
            static k => k.Item2 ? "learning rate (constant)" : $"learning rate: {k.Item1}");
        var room = PanelChrome.Draw(window, rect, title, c);
        var history = c.Session.History;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        int first = int.MaxValue, last = 0;
        for (int i = 0; i < history.Count; i++)
        {
            var h = history.Of(i);
            if (h.Count == 0) continue;
            first = Math.Min(first, h[0].Step);
            last = Math.Max(last, h.Latest.Step);
            for (int k = 0; k < h.Count; k++)
            {
                float v = h[k].LearningRate;
                if (!float.IsFinite(v)) continue;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }
        if (first == int.MaxValue) return;
        // From zero, so a decay reads as the share of the starting rate left; log once rates differ by decades.
        var scale = min > 0 && max / min >= PlotScale.LogFrom ? PlotScale.For(min, max) : PlotScale.For(0, max, allowLog: false);
        _plot.Set(room, first, last, scale, c);
        _plot.DrawAxes(window, c);
        var balls = c.World.Balls;
        for (int i = 0; i < history.Count; i++)
        {
            var h = history.Of(i);
            _pen.Begin(c.Theme.Of(balls[i]));
            for (int k = 0; k < h.Count; k++) _pen.To(_plot.X(h[k].Step), _plot.Y(h[k].LearningRate));
        }
        _pen.Draw(window, c.LineWidth);
        _plot.DrawLabels(window, c);
    }
}
