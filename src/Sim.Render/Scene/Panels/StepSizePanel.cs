using Sim.Core.Lessons;
using Sim.Render.Playground;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// What RMSprop, Adam, momentum and the gains adapt: each axis's effective learning rate |Δxᵢ| / |gᵢ|
/// against step (x bright, y faint, log axis), and under the plot each ball's latest values with their
/// ratio to lr (Hinton's gain, 1 for plain gradient descent). Shows the selected ball, or the first four.
/// </summary>
public sealed class StepSizePanel : IPanel
{
    public const int MaxBalls = 4;

    /// <summary>Decades below the largest value the axis reaches: a momentum step crossing zero would pull it down forever.</summary>
    public const double Decades = 4;

    private readonly PlotArea _plot = new();
    private readonly PlotPen _pen = new();
    private readonly TextLine[] _rows = [new(), new(), new(), new()];

    public static PanelKind Kind { get; } = new()
    {
        IsPlot = true,
        CliName = "step-size", Title = "step-size panel", Key = Key.F6, KeyLabel = "F6", Lesson = LessonPanels.StepSizePlot,
        Help = "each axis's effective learning rate |Δ|/|g|", Create = () => new StepSizePanel(),
    };

    public float PreferredHeight(in PanelContext c) => c.TextSize * 8.5f + Rows(c) * RowHeight(c);

    private static int Rows(in PanelContext c) =>
        c.Selected >= 0 && c.Selected < c.World.Balls.Count ? 1 : Math.Min(Math.Min(c.World.Balls.Count, c.Session.History.Count), MaxBalls);

    private static float RowHeight(in PanelContext c) => c.Small * 1.2f;

    private float[] _values = new float[1024];

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var room = PanelChrome.Draw(window, rect, "effective lr |Δ|/|g| (y faint)", c);
        var history = c.Session.History;
        int rows = Rows(c);
        int from = rows == 1 && c.Selected >= 0 ? c.Selected : 0;
        if (from >= history.Count) return;
        int first = int.MaxValue, last = 0, count = 0;
        for (int i = from; i < from + rows; i++)
        {
            var h = history.Of(i);
            for (int k = 0; k < h.Count; k++)
            {
                if (h[k].Step == 0) continue;
                first = Math.Min(first, h[k].Step);
                last = Math.Max(last, h[k].Step);
                for (int axis = 0; axis < 2; axis++)
                {
                    float v = h[k].EffectiveLearningRate(axis);
                    if (!float.IsFinite(v) || v <= 0) continue;
                    if (count == _values.Length) Array.Resize(ref _values, _values.Length * 2);
                    _values[count++] = v;
                }
            }
        }
        var plotRoom = room.Inset(0, 0, 0, rows * RowHeight(c) + c.Small * 0.2f);
        float rowsTop = plotRoom.Bottom + c.Small * 0.2f;
        if (first != int.MaxValue)
        {
            var (min, max) = Range(_values.AsSpan(0, count));
            _plot.Set(plotRoom, first, last, PlotScale.LogWithin(min, max, Decades), c);
            _plot.DrawAxes(window, c);
            var balls = c.World.Balls;
            for (int i = from; i < from + rows; i++)
            {
                var h = history.Of(i);
                // y first and faint, so x reads over it.
                for (int axis = 1; axis >= 0; axis--)
                {
                    var colour = c.Theme.Of(balls[i]);
                    _pen.Begin(axis == 1 ? colour.WithAlpha(110) : colour);
                    for (int k = 0; k < h.Count; k++)
                        if (h[k].Step > 0) _pen.To(_plot.X(h[k].Step), Y(h[k].EffectiveLearningRate(axis)));
                }
            }
            _pen.Draw(window, c.LineWidth);
            _plot.DrawLabels(window, c);
        }
        // One size for every row, the largest at which each fits: rows of different sizes read as a mistake.
        int size = c.Small * 9 / 10;
        for (int r = 0; r < rows; r++) size = Math.Min(size, TextFit.Size(window, Line(r, from + r, history), size, c.Small * 2 / 3, room.Width - c.Small));
        for (int r = 0; r < rows; r++)
        {
            int i = from + r;
            var ball = c.World.Balls[i];
            float y = rowsTop + r * RowHeight(c);
            PanelChrome.Swatch(window, room.X, y, c, i);
            TextFit.Draw(window, _rows[r].Span, room.X + c.Small, y, size, size, room.Width - c.Small,
                ball.Status == BallStatus.Diverged ? c.Theme.DimText : c.Theme.Stats);
        }
    }

    /// <summary>Row <paramref name="r"/>'s text, ball <paramref name="i"/>'s effective rate on each axis now and its ratio to lr.</summary>
    private ReadOnlySpan<char> Line(int r, int i, WorldHistory history)
    {
        var h = history.Of(i);
        var line = _rows[r].Clear();
        if (h.Count == 0 || h.Latest.Step == 0) return line.Append("no step yet").Span;
        ref readonly var s = ref h.Latest;
        for (int axis = 0; axis < 2; axis++)
        {
            float eff = s.EffectiveLearningRate(axis);
            line.Append(axis == 0 ? "x " : "   y ");
            // No gradient on this axis (the ball sits on its floor): no rate to speak of.
            if (!float.IsFinite(eff)) line.Append("–");
            else
            {
                line.AppendShort(eff);
                if (s.LearningRate > 0) line.Append(" ×").AppendShort(eff / s.LearningRate);
            }
        }
        return line.Span;
    }

    /// <summary>Of the values' logs, leave out the top and bottom 2%.</summary>
    public const double OutlierShare = 0.02;

    /// <summary>
    /// The axis's range: from the 2nd to the 98th percentile, not the extremes, so one step where the
    /// gradient nearly vanished (|Δ|/|g| of 10¹³) does not squash every other value onto the floor.
    /// Sorts the buffer in place; allocates nothing.
    /// </summary>
    public static (double Min, double Max) Range(Span<float> values)
    {
        if (values.IsEmpty) return (double.NaN, double.NaN);
        values.Sort();
        int cut = (int)(values.Length * OutlierShare);
        return (values[cut], values[values.Length - 1 - cut]);
    }

    // Below the axis's floor: drawn on the floor, so a step that crossed zero dips instead of vanishing.
    private float Y(float v) => !float.IsFinite(v) ? float.NaN : _plot.Y(v > 0 ? Math.Max(v, _plot.Scale.ValueAt(0)) : _plot.Scale.ValueAt(0));
}
