using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Planes;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// The text beside the scene, sized for a lecture hall (a 30th of the window's height), in a side
/// panel on the left that the camera's picture is shifted clear of: the landscape, step and epoch,
/// one legend entry per ball (its colour, name and state, then its loss and learning rate), and the
/// state of every toggle; along the bottom what the arrows mean, the frame time and where help is.
/// Strings are remade only when what they show changes, so a frame allocates nothing.
/// </summary>
public sealed class HeadsUpDisplay
{
    private const string StatsTemplate = "loss 8.88e−88   lr 8.88e−88";

    private readonly TextLine _progress = new(), _frame = new();
    private readonly PlaneSummary _planeSummary = new();
    private readonly TextMemo<(double, bool)> _speed = new();
    private readonly TextMemo<(object, int, bool)> _formula = new(); // a landscape, or a network (its slices change, its formula does not)
    private readonly TextMemo<(int, int)> _more = new();
    private readonly TextMemo<(string, bool)> _decay = new();
    private readonly TextMemo<(int, int, bool)> _batch = new();
    private readonly List<Row> _rows = [];
    private (int Width, int Height, int Balls, World? World, string? Title, float Scale) _widthFor;
    private float _width;

    /// <summary>A scene's own title and the landscape it belongs to.</summary>
    public (string? Text, Landscape? Landscape) Title { get; set; }

    /// <summary>
    /// Text height in pixels for a window: readable from the back of a room on a projector, times
    /// <paramref name="scale"/> (the text-scale keys) for a bigger hall.
    /// </summary>
    public static int TextSize(int windowHeight, float scale = 1) =>
        Math.Clamp((int)(windowHeight / 30 * scale), (int)(14 * Math.Min(scale, 1)), (int)(64 * Math.Max(scale, 1)));

    /// <summary>Where the switches drawn this frame can be clicked (the renderer's, cleared each frame), or null.</summary>
    public ClickTargets? Targets { get; set; }

    /// <summary>Multiplies the text size (the text-scale keys).</summary>
    public float Scale { get; set; } = 1;

    /// <summary>
    /// The side panel's width: the widest ball name or statistics line, at least 12 text heights,
    /// at most 40% of the window. Fixed for a world and window size, so the scene beside it stays still.
    /// </summary>
    public float PanelWidth(Window window, World world)
    {
        var key = (window.Width, window.Height, world.Balls.Count, world, Title.Text, Scale);
        if (_widthFor == key) return _width;
        int size = TextSize(window.Height, Scale), pad = size / 2;
        float widest = window.MeasureText(StatsTemplate, Small(size)).X;
        // A long title (a lesson's) widens the panel only so far; beyond that it is drawn smaller or cut.
        if (Title.Text is { } title) widest = Math.Max(widest, Math.Min(window.MeasureText(title, (int)(size * 1.3f)).X, 16 * size) - Indent(size) + pad);
        int shown = Math.Min(world.Balls.Count, RowsThatFit(window.Height, size));
        for (int i = 0; i < shown; i++)
        {
            widest = Math.Max(widest, window.MeasureText(world.Balls[i].Label + "  ✓ 88888", size).X);
            if (world.Balls[i].BatchSize is not null) widest = Math.Max(widest, window.MeasureText(StatsTemplate + "   b=8888", Small(size)).X);
        }
        _width = Math.Min(Math.Max(widest + Indent(size) + pad, 12 * size), 0.4f * window.Width);
        _widthFor = key;
        return _width;
    }

    public void Draw(Window window, World world, SceneLayers layers, in FrameInfo info)
    {
        var theme = info.Theme;
        int size = TextSize(window.Height, Scale), small = Small(size), pad = size / 2;
        float width = PanelWidth(window, world), indent = Indent(size), swatch = size * 0.8f;
        var balls = world.Balls;
        int shown = Math.Min(balls.Count, RowsThatFit(window.Height, size));
        if (balls.Count > shown) shown = Math.Max(shown - 1, 0); // room for the "… and N more" line
        while (_rows.Count < shown) _rows.Add(new Row());
        bool data = world.Objective.ExampleCount > 0, network = world.Objective is not Landscape;

        float y = pad;
        int rowsDrawn = shown + (balls.Count > shown ? 1 : 0);
        float height = HeaderHeight(size) + rowsDrawn * RowHeight(size) + ToggleLines(world) * ToggleLine(size) + pad * 2;
        window.DrawRectangle(0, 0, width, height, theme.Panel);

        // A network's slice is replaced as the balls move; the scene's title stays its own.
        bool titled = Title.Text is not null && (ReferenceEquals(Title.Landscape, world.Landscape) || (network && Title.Landscape is SliceLandscape));
        TextFit.Draw(window, titled ? Title.Text : world.Landscape.Name, pad, y, (int)(size * 1.3f), size, width - 2 * pad, theme.Text);
        y += size * 1.45f;
        // The formula in at most as many characters as fit the panel (about 0.55 em each).
        int chars = Math.Max((int)((width - 2 * pad) / (0.55f * small)), 8);
        // Keyed by the landscape, not its formula: a data landscape builds the formula text on every call.
        object described = network ? world.Objective : world.Landscape;
        var formula = _formula.Get((described, chars, titled), static k => k.Item1 is Landscape l
            ? Clip((k.Item3 ? l.Name + ":  f = " : "f = ") + l.Formula, k.Item2)
            : Clip("f(a, b) = " + SliceLandscape.SliceFormula, k.Item2)); // the title names the network
        window.DrawText(formula, pad, y, small, theme.DimText);
        y += small * 1.4f;
        var progress = _progress.Clear().Append("step ").Append(world.Step);
        if (world.CommonEpoch is { } epoch) progress.Append("   epoch ").Append(epoch); // not when the balls' epochs differ
        if (world.Objective.ExampleCount == 0 && world.StepsPerEpoch > 1) progress.Append(" (").Append(world.StepsPerEpoch).Append(" steps)");
        TextFit.Draw(window, progress.Span, pad, y, size, small, width - 2 * pad, theme.Text);
        y += size * 1.25f;
        var speed = _speed.Get((info.StepsPerSecond, info.Paused), static k => k.Item2 ? $"❚❚ PAUSED   ({NumberText.Short(k.Item1)} steps/s)" : $"▶ {NumberText.Short(k.Item1)} steps/s");
        window.DrawText(speed, pad, y, size, info.Paused ? theme.Accent : theme.Text);
        Targets?.Add(0, y, width, size * 1.3f, Key.Space);
        y += size * 1.6f;

        for (int i = 0; i < shown; i++)
        {
            var ball = balls[i];
            var row = _rows[i];
            var colour = theme.Of(ball);
            if (i == info.SelectedBall) window.DrawRectangle(0, y - size * 0.15f, width, RowHeight(size) - size * 0.1f, theme.SelectedRow);
            if (i < 9) Targets?.Add(0, y - size * 0.15f, width, RowHeight(size) - size * 0.1f, Key.D1 + i); // as its number key
            BallMark.Swatch(window, pad, y + size * 0.15f, swatch, i, colour, theme);
            var text = ball.Enabled ? theme.Text : theme.DimText;
            var label = row.Label.Get((ball.Label, BallFate.Escaped(ball) ? BallStatus.Running : ball.Status, ball.Enabled, ball.ConvergedAt ?? -1), static k => Label(k));
            window.DrawText(label, indent, y, size, BallFate.Failed(ball) ? theme.Bad : text);
            y += size * 1.15f;
            // The rate the next step will use: after the schedule, and at once after a key changed it.
            double lr = world.NextLearningRate(ball);
            var stats = row.Stats.Clear();
            if (BallFate.Escaped(ball)) stats.Append(World.EscapedDownhill);
            else if (ball.Status == BallStatus.Diverged) stats.Append("diverged: ").Append(ball.DivergedReason);
            else stats.Append("loss ").AppendShort(ball.Loss).Append("   lr ").AppendShort(lr);
            if (ball.BatchSize is { } own && ball.Status != BallStatus.Diverged) stats.Append("   b=").Append(own); // its own batch size
            window.DrawText(stats.Span, indent, y, small, ball.Enabled ? theme.Stats : theme.DimText);
            y += RowHeight(size) - size * 1.15f;
        }
        if (balls.Count > shown)
        {
            window.DrawText(_more.Get((balls.Count - shown, balls.Count), static k => $"… and {k.Item1} more ({k.Item2} balls)"), indent, y, small, theme.DimText);
            y += RowHeight(size);
        }

        y += pad * 0.5f;
        var bias = world.BiasCorrection switch
        {
            BiasCorrectionState.On => "Bias correction: ON",
            BiasCorrectionState.Off => "Bias correction: OFF",
            BiasCorrectionState.Mixed => "Bias correction: mixed",
            _ => "Bias correction: n/a",
        };
        window.DrawText(bias, pad, y, small, theme.Text);
        Targets?.Add(0, y, width, ToggleLine(size), Key.B);
        y += ToggleLine(size);
        var decay = _decay.Get((world.Schedule.Label, world.Schedule is ConstantSchedule), static k => "LR decay: " + (k.Item2 ? "off" : k.Item1));
        window.DrawText(decay, pad, y, small, theme.Text);
        Targets?.Add(0, y, width, ToggleLine(size), Key.D);
        y += ToggleLine(size);
        if (data)
        {
            // When a ball has a batch size of its own (b=N on its row), the world's is not every ball's.
            bool perBall = world.BatchPerBall;
            var batch = _batch.Get((world.BatchSize, world.Objective.ExampleCount, perBall),
                static k => k.Item3 ? $"Batch: per ball, of {k.Item2} examples"
                    : k.Item1 >= k.Item2 ? $"Batch: full ({k.Item2} examples)" : $"Batch: {k.Item1} of {k.Item2} examples");
            window.DrawText(batch, pad, y, small, theme.Text);
            Targets?.Add(0, y, width, ToggleLine(size), Key.M);
            y += ToggleLine(size);
            if (network) DrawPlane(window, world, info, pad, y, small, width - 2 * pad);
            else
            {
                window.DrawText(layers.BatchSurface ? "Batch surface: ON (wire)" : "Batch surface: OFF", pad, y, small, theme.Text);
                Targets?.Add(0, y, width, ToggleLine(size), Key.O);
            }
        }

        DrawBottomLine(window, layers, info);
    }

    /// <summary>Lines under the legend: bias correction and decay; the batch and its surface on data; the batch, the plane and the distance from it on a network.</summary>
    private static int ToggleLines(World world) => world.Objective is not Landscape ? 5 : world.Objective.ExampleCount > 0 ? 4 : 2;

    /// <summary>A network's plane and the selected ball's distance from it (<see cref="PlaneSummary"/>).</summary>
    private void DrawPlane(Window window, World world, in FrameInfo info, float x, float y, int small, float room)
    {
        TextFit.Draw(window, _planeSummary.Kind(world), x, y, small, small * 2 / 3, room, info.Theme.Text);
        if (world.Balls.Count == 0) return;
        var colour = info.Theme.Of(world.Balls[PlaneSummary.Ball(world, info.SelectedBall)]);
        TextFit.Draw(window, _planeSummary.Distance(world, info.SelectedBall), x, y + small * 1.3f, small, small * 2 / 3, room, colour);
    }

    /// <summary>Along the bottom: what the arrows mean, frame time, where help is.</summary>
    public void DrawBottomLine(Window window, SceneLayers layers, in FrameInfo info)
    {
        var theme = info.Theme;
        int small = BottomLineSize(window.Height, TextSize(window.Height, Scale)), pad = small * 5 / 8;
        float bottom = window.Height - small * 1.5f;
        var right = _frame.Clear();
        // The frame time is for whoever tunes the drawing: it gives way first, before the arrows' legend is cut.
        if (info.FrameMilliseconds > 0 && (!layers.Arrows || window.MeasureText(ArrowLegend, small * 2 / 3).X
                + window.MeasureText("frame 00.0 ms    H or F1: help", small).X + 3 * pad <= window.Width))
            right.Append("frame ").AppendTenths(info.FrameMilliseconds).Append(" ms    ");
        right.Append("H or F1: help");
        float rightWidth = window.MeasureText(right.Span, small).X;
        window.DrawText(right.Span, window.Width - rightWidth - pad, bottom, small, theme.DimText);
        Targets?.Add(window.Width - rightWidth - pad, bottom - small * 0.25f, rightWidth + pad, small * 1.5f, Key.H);
        if (layers.Arrows)
        {
            // The legend takes what the right-hand text leaves: smaller, or cut, never over it.
            const string legend = ArrowLegend;
            float room = window.Width - rightWidth - 3 * pad;
            int fitted = TextFit.Size(window, legend, small, small * 2 / 3, room);
            window.DrawRectangle(0, bottom - small * 0.25f, Math.Min(window.MeasureText(legend, fitted).X, room) + 2 * pad, small * 1.5f, theme.Panel);
            TextFit.Draw(window, legend, pad, bottom + (small - fitted) * 0.5f, fitted, fitted, room, theme.DimText);
        }
    }

    /// <summary>
    /// The notice (a toast): over everything else, at the top of the scene's room between
    /// <paramref name="left"/> and <paramref name="right"/>, shrunk to fit the window, never off screen.
    /// </summary>
    public void DrawNotice(Window window, in FrameInfo info, float left, float right)
    {
        if (info.Message is not { Length: > 0 } message) return;
        int size = TextSize(window.Height, Scale), pad = size / 2;
        if (right - left < window.Width * 0.4f) (left, right) = (0, window.Width);
        int fitted = TextFit.Size(window, message, size, Math.Min(size, 12), right - left - 2 * pad);
        var m = window.MeasureText(message, fitted);
        float mx = Math.Clamp((left + right - m.X) / 2, pad, Math.Max(window.Width - m.X - pad, pad)), my = pad + size * 0.2f;
        window.DrawRectangle(mx - pad, my - pad / 2f, m.X + 2 * pad, m.Y + pad, info.Theme.Sheet);
        window.DrawRectangle(mx - pad, my - pad / 2f, m.X + 2 * pad, 2, info.Theme.Accent);
        TextFit.Draw(window, message, mx, my, fitted, Math.Min(size, 12), window.Width - 2 * pad, info.Theme.Text);
    }

    /// <summary>The tooltip of the switch under the mouse, beside the pointer, kept on screen.</summary>
    public void DrawTooltip(Window window, in FrameInfo info)
    {
        if (info.Tooltip.Text is not { Length: > 0 } text) return;
        int size = Small(TextSize(window.Height, Scale)), pad = size / 2;
        int fitted = TextFit.Size(window, text, size, Math.Min(size, 12), window.Width - 2 * pad);
        var m = window.MeasureText(text, fitted);
        var at = info.Tooltip.At;
        float x = Math.Clamp(at.X + size, pad, Math.Max(window.Width - m.X - 2 * pad, pad));
        float y = at.Y + size * 1.4f + m.Y + pad > window.Height ? at.Y - m.Y - pad * 2 : at.Y + size * 1.4f;
        window.DrawRectangle(x - pad, y - pad / 2f, m.X + 2 * pad, m.Y + pad, info.Theme.Sheet);
        window.DrawRectangle(x - pad, y - pad / 2f, 2, m.Y + pad, info.Theme.Accent);
        TextFit.Draw(window, text, x, y, fitted, Math.Min(size, 12), window.Width - 2 * pad, info.Theme.Text);
    }

    private static int Small(int size) => size * 4 / 5;

    /// <summary>What the arrows mean, along the bottom.</summary>
    internal const string ArrowLegend = "white arrow: −gradient    coloured arrow: step taken    (length ∝ log size)";

    /// <summary>The text scale past which the bottom line stops growing: it is a hint for whoever holds the keys, and at 2.5× it outgrew the caption and squeezed the panels.</summary>
    public const float MaxBottomLineScale = 1.5f;

    /// <summary>The bottom line's text size (arrow legend, help hint) at a text size of <paramref name="textSize"/>: the small size, up to <see cref="MaxBottomLineScale"/>.</summary>
    public static int BottomLineSize(int windowHeight, int textSize) => Small(Math.Min(textSize, TextSize(windowHeight, MaxBottomLineScale)));
    private static float Indent(int size) => size * 0.5f + size * 0.8f + size * 0.45f;
    private static float RowHeight(int size) => size * 2.2f;
    private static float ToggleLine(int size) => Small(size) * 1.3f;
    private static float HeaderHeight(int size) => size * (1.45f + 0.8f * 1.4f + 1.25f + 1.6f);

    /// <summary>
    /// Whether the side panel names every one of <paramref name="balls"/> at text size <paramref name="size"/>
    /// in a window <paramref name="windowHeight"/> high; where it cannot (large text, many balls) the
    /// classroom overlay folds it into the compact legend, a line a ball.
    /// </summary>
    public static bool ListsEveryBall(int windowHeight, int size, int balls) => balls <= RowsThatFit(windowHeight, size);

    /// <summary>Legend entries that fit under the header and above the toggles and the bottom line.</summary>
    private static int RowsThatFit(int windowHeight, int size) =>
        Math.Max((int)((windowHeight - HeaderHeight(size) - 4 * ToggleLine(size) - 3 * size) / RowHeight(size)), 1);

    /// <summary>A ball's legend entry: its name, with ✓ and the step it arrived, ✗, or "(off)".</summary>
    internal static string Label((string Label, BallStatus Status, bool Enabled, int ConvergedAt) k) => k.Status switch
    {
        BallStatus.Converged => $"{k.Label}  ✓ {k.ConvergedAt}",
        BallStatus.Diverged => $"{k.Label}  ✗",
        _ => k.Enabled ? k.Label : $"{k.Label}  (off)",
    };

    /// <summary>ON or OFF as the balls that have the switch (Adam, AdamW, Ng's momentum) have it; null when none has.</summary>
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private sealed class Row
    {
        public readonly TextMemo<(string, BallStatus, bool, int)> Label = new();
        public readonly TextLine Stats = new();
    }
}
