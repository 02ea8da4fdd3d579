using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Scene;

/// <summary>
/// The heads-up display collapsed to what a lecture needs, at the top of the panel column (in a
/// lesson, or whenever panels are open) so that the landscape keeps the rest of the width: the scene's
/// name, the step and whether it runs, one row per ball (its mark, name and loss; its learning rate
/// too when there are few balls) and, on one line, only the switches that apply. Strings are remade
/// only when what they show changes.
/// </summary>
public sealed class CompactLegend
{
    private readonly TextLine _progress = new(), _switches = new();
    private readonly List<Row> _rows = [];
    private readonly TextMemo<(int, int)> _more = new();
    private readonly PlaneSummary _plane = new();

    /// <summary>Balls up to this many get a second line with their learning rate.</summary>
    public const int TwoLineBalls = 5;

    /// <summary>Balls listed whatever the room, one line each.</summary>
    public const int MinRows = 8;

    private static int Size(int textSize) => textSize * 4 / 5;
    private static float Line(int textSize) => Size(textSize) * 1.3f;
    private static float Pad(int textSize) => textSize * 0.45f;

    /// <summary>Whether the legend lists the balls: not when a panel below does (the leaderboard).</summary>
    public bool ListsBalls { get; set; } = true;

    /// <summary>
    /// Balls listed whatever the room: <see cref="MinRows"/>, or 0 where the legend stands in for a list
    /// that did not fit (it then keeps to its share of the column, with "… and N more").
    /// </summary>
    public int LeastRows { get; set; } = MinRows;

    /// <summary>Title, progress and switches; on a network also its plane and the selected ball's distance from it.</summary>
    private static float FixedPart(int textSize, World world) =>
        Line(textSize) * (world.Objective is Sim.Core.Landscapes.Landscape ? 3.2f : 5.2f) + 2 * Pad(textSize);

    /// <summary>
    /// How the rows fit <paramref name="maxHeight"/>: two lines a ball (name, then loss and lr) for a few
    /// balls if all fit, else one line a ball, else as many as fit and a "… and N more" line.
    /// </summary>
    private (int Shown, bool TwoLines, bool More) Rows(World world, int textSize, float maxHeight)
    {
        int n = ListsBalls ? world.Balls.Count : 0;
        float room = maxHeight - FixedPart(textSize, world), line = Line(textSize);
        if (n <= TwoLineBalls && n * 2 * line <= room) return (n, true, false);
        // Up to eight balls are always listed (one line each): "… and 2 more" for three balls helps nobody.
        int fit = Math.Max((int)(room / line), Math.Min(n, LeastRows));
        if (n <= fit) return (n, false, false);
        // Standing in with room for less than two lines: one ball and "… and N more" would name nobody useful.
        return fit < 2 ? (0, false, false) : (fit - 1, false, true);
    }

    /// <summary>The height it takes in a column, at most <paramref name="maxHeight"/>.</summary>
    public float Height(World world, int textSize, float maxHeight)
    {
        var (shown, twoLines, more) = Rows(world, textSize, maxHeight);
        return FixedPart(textSize, world) + Line(textSize) * (shown * (twoLines ? 2 : 1) + (more ? 1 : 0));
    }

    /// <summary>How many balls the last frame named (0 when it left them to a panel).</summary>
    public int Shown { get; private set; }

    /// <summary>Where its lines can be clicked (the renderer's, cleared each frame), or null.</summary>
    public ClickTargets? Targets { get; set; }

    public void Draw(Window window, PanelRect rect, World world, string title, in FrameInfo info, int textSize)
    {
        var theme = info.Theme;
        int size = Size(textSize);
        float pad = Pad(textSize), line = Line(textSize), x = rect.X + pad, width = rect.Width - 2 * pad, y = rect.Y + pad;
        window.DrawRectangle(rect.X, rect.Y, rect.Width, rect.Height, theme.Panel);
        TextFit.Draw(window, title, x, y, textSize, size * 3 / 4, width, theme.Text);
        y += line * 1.2f;
        TextFit.Draw(window, Progress(world, info.Paused), x, y, size, size * 3 / 4, width, info.Paused ? theme.Accent : theme.Text);
        Targets?.Add(rect.X, y, rect.Width, line, Key.Space);
        y += line;

        var balls = world.Balls;
        var (shown, twoLines, more) = Rows(world, textSize, rect.Height + 1);
        Shown = shown;
        while (_rows.Count < shown) _rows.Add(new Row());
        int nameSize = NameSize(window, world, shown, twoLines, size, x + size * 1.1f, rect.Right - pad);
        for (int i = 0; i < shown; i++)
        {
            var ball = balls[i];
            var row = _rows[i];
            if (i == info.SelectedBall) window.DrawRectangle(rect.X, y - size * 0.1f, rect.Width, line * (twoLines ? 2 : 1), theme.SelectedRow);
            BallMark.Swatch(window, x, y + size * 0.15f, size * 0.75f, i, theme.Of(ball), theme);
            float nameX = x + size * 1.1f;
            var stats = Stats(row, ball, twoLines);
            float statsWidth = window.MeasureText(stats.Span, size).X;
            float nameRoom = twoLines ? rect.Right - pad - nameX : rect.Right - pad - nameX - statsWidth - size * 0.5f;
            var name = FittedName(window, row, ball, size * 3 / 4, nameRoom);
            var colour = BallFate.Failed(ball) ? theme.Bad : ball.Enabled ? theme.Text : theme.DimText;
            if (twoLines)
            {
                TextFit.DrawName(window, name, nameX, y, nameSize, size * 3 / 4, rect.Right - pad - nameX, colour);
                y += line;
                if (ball.Status != BallStatus.Diverged) stats.Append("   lr ").AppendShort(world.NextLearningRate(ball));
                TextFit.Draw(window, stats.Span, nameX, y, size * 9 / 10, size * 3 / 4, rect.Right - pad - nameX, theme.Stats);
            }
            else
            {
                TextFit.DrawName(window, name, nameX, y, nameSize, size * 3 / 4, rect.Right - pad - nameX - statsWidth - size * 0.5f, colour);
                window.DrawText(stats.Span, rect.Right - pad - statsWidth, y, size, theme.Stats);
            }
            y += line;
        }
        if (more)
        {
            window.DrawText(_more.Get((balls.Count - shown, balls.Count), static k => $"… and {k.Item1} more ({k.Item2} balls)"), x, y, size, theme.DimText);
            y += line;
        }
        TextFit.Draw(window, Switches(world), x, y + line * 0.1f, size * 9 / 10, size * 3 / 4, width, theme.DimText);
        if (world.BiasCorrection != BiasCorrectionState.NotApplicable) Targets?.Add(rect.X, y, rect.Width, line, Key.B); // it starts with bias correction
        if (world.Objective is Sim.Core.Landscapes.Landscape) return;
        y += line;
        TextFit.Draw(window, _plane.Kind(world), x, y + line * 0.1f, size * 9 / 10, size * 2 / 3, width, theme.Text);
        y += line;
        var about = world.Balls.Count > 0 ? theme.Of(world.Balls[PlaneSummary.Ball(world, info.SelectedBall)]) : theme.Text;
        TextFit.Draw(window, _plane.Distance(world, info.SelectedBall), x, y + line * 0.1f, size * 9 / 10, size * 2 / 3, width, about);
    }

    private static TextLine Stats(Row row, Ball ball, bool twoLines)
    {
        var stats = row.Stats.Clear();
        if (ball.Status == BallStatus.Diverged) stats.Append(BallFate.Escaped(ball) ? "escaped" : "diverged");
        else stats.Append(twoLines ? "loss " : "").AppendShort(ball.Loss);
        return stats;
    }

    private static string Name(Row row, Ball ball) =>
        row.Label.Get((ball.Label, BallFate.Escaped(ball) ? BallStatus.Running : ball.Status, ball.Enabled, ball.ConvergedAt ?? -1), static k => HeadsUpDisplay.Label(k));

    /// <summary>The name as drawn in <paramref name="room"/>: with its "✓ step" when that fits at the least size, else the ball's label alone (the step stays on the scene's label), so the name itself is not cut for it.</summary>
    private static string FittedName(Window window, Row row, Ball ball, int least, float room)
    {
        var name = Name(row, ball);
        return ball.Status == BallStatus.Converged && window.MeasureText(name, least).X > room ? ball.Label : name;
    }

    /// <summary>
    /// One size for every ball's name: the largest at which each fits beside its numbers, down to three
    /// quarters of the text (past that a name is cut). A row drawn smaller than the one above it read as a
    /// mistake ("heavy ball, μ = 0.9…" small under "heavy ball, μ = 0.99" full size).
    /// </summary>
    private int NameSize(Window window, World world, int shown, bool twoLines, int size, float nameX, float right)
    {
        int common = size;
        for (int i = 0; i < shown && common > size * 3 / 4; i++)
        {
            var ball = world.Balls[i];
            float room = right - nameX - (twoLines ? 0 : window.MeasureText(Stats(_rows[i], ball, twoLines).Span, size).X + size * 0.5f);
            common = Math.Min(common, TextFit.Size(window, FittedName(window, _rows[i], ball, size * 3 / 4, room), size, size * 3 / 4, room));
        }
        return common;
    }

    /// <summary>
    /// "▶ step 120 · epoch 14": the epoch only where it means something (data, or an analytic scene's own epoch
    /// length) and is true of every ball (<see cref="World.CommonEpoch"/>).
    /// </summary>
    internal ReadOnlySpan<char> Progress(World world, bool paused)
    {
        var progress = _progress.Clear().Append(paused ? "❚❚ paused · step " : "▶ step ").Append(world.Step);
        if ((world.Objective.ExampleCount > 0 || world.StepsPerEpoch > 1) && world.CommonEpoch is { } epoch) progress.Append(" · epoch ").Append(epoch);
        if (world.Objective.ExampleCount == 0 && world.StepsPerEpoch > 1) progress.Append(" of ").Append(world.StepsPerEpoch).Append(" steps");
        return progress.Span;
    }

    /// <summary>Only the switches that apply here: bias correction where a ball has it, decay when on, the batch on data.</summary>
    internal ReadOnlySpan<char> Switches(World world)
    {
        var s = _switches.Clear();
        var bias = world.BiasCorrection;
        if (bias != BiasCorrectionState.NotApplicable)
            s.Append(bias switch { BiasCorrectionState.On => "bias corr. ON", BiasCorrectionState.Off => "bias corr. OFF", _ => "bias corr. mixed" });
        if (world.Schedule is not ConstantSchedule) s.Append(s.Span.Length > 0 ? " · " : "").Append("decay ").Append(world.Schedule.Label);
        int m = world.Objective.ExampleCount;
        if (m > 0)
        {
            s.Append(s.Span.Length > 0 ? " · " : "");
            if (world.BatchPerBall) s.Append("batch per ball");
            else if (world.BatchSize >= m) s.Append("full batch");
            else s.Append("batch ").Append(world.BatchSize).Append(" of ").Append(m);
        }
        return s.Span;
    }

    private sealed class Row
    {
        public readonly TextMemo<(string, BallStatus, bool, int)> Label = new();
        public readonly TextLine Stats = new();
    }
}
