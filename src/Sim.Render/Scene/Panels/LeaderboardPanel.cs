using Sim.Core.Lessons;
using Sim.Render.Playground;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// The race's ranking (<see cref="Leaderboard"/>): who reached a minimum in the fewest steps, then who
/// is still running with the lowest loss, then who diverged.
/// </summary>
public sealed class LeaderboardPanel : IPanel
{
    private int[] _order = new int[16];
    private readonly List<TextLine> _rows = [];
    private readonly TextMemo<int> _more = new();
    private readonly TextLine _rank = new();

    public static PanelKind Kind { get; } = new()
    {
        CliName = "leaderboard", Title = "leaderboard", Key = Key.F8, KeyLabel = "F8", Lesson = LessonPanels.Leaderboard,
        Help = "the race's leaderboard", Create = () => new LeaderboardPanel(), ListsBalls = true,
    };

    public float PreferredHeight(in PanelContext c) => PanelChrome.TitleHeight(c) + c.Pad + Math.Max(c.World.Balls.Count, 1) * RowHeight(c);

    /// <summary>Its heading, the leader and the "… and N more" line.</summary>
    public float LeastHeight(in PanelContext c) => PanelChrome.TitleHeight(c) + c.Pad + Math.Min(c.World.Balls.Count, 2) * RowHeight(c);

    /// <summary>A ball's result: steps to its minimum, where it escaped or went out, or its loss while it runs.</summary>
    private static ReadOnlySpan<char> Result(TextLine line, Ball ball)
    {
        var result = line.Clear();
        if (ball.Status == BallStatus.Converged) result.Append(ball.ConvergedAt ?? ball.Steps).Append(" steps");
        else if (BallFate.Escaped(ball)) result.Append("escaped at ").Append(ball.Steps);
        else if (ball.Status == BallStatus.Diverged) result.Append("out at ").Append(ball.Steps);
        else result.Append("loss ").AppendShort(ball.Loss);
        return result.Span;
    }

    private static float RowHeight(in PanelContext c) => c.Small * 1.22f;

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var room = PanelChrome.Draw(window, rect, "leaderboard: steps to a minimum", c);
        var balls = c.World.Balls;
        if (_order.Length < balls.Count) _order = new int[Math.Max(balls.Count, _order.Length * 2)];
        while (_rows.Count < balls.Count) _rows.Add(new TextLine());
        Leaderboard.Order(c.World, _order);
        int rows = PanelChrome.RowsShown(balls.Count, (int)(room.Height / RowHeight(c) + 0.05f));
        int size = c.Small * 9 / 10;
        float x = room.X + c.Small * 2.5f, nameX = x + window.MeasureText("✓ ", size).X;
        // One size for every name, the largest at which each fits beside its result: rows of different sizes read as a mistake.
        int nameSize = size;
        for (int r = 0; r < rows; r++)
        {
            var ball = balls[_order[r]];
            float resultWidth = window.MeasureText(Result(_rows[r], ball), size).X;
            nameSize = Math.Min(nameSize, TextFit.Size(window, ball.Label, size, size * 3 / 4, room.Right - resultWidth - size * 0.4f - nameX));
        }
        for (int r = 0; r < rows; r++)
        {
            var ball = balls[_order[r]];
            float y = room.Y + r * RowHeight(c);
            var rank = _rank.Clear().Append(r + 1).Append(".").Span;
            window.DrawText(rank, room.X + c.Small * 1.3f - window.MeasureText(rank, size).X, y, size, c.Theme.DimText);
            PanelChrome.Swatch(window, room.X + c.Small * 1.6f, y, c, _order[r]);
            var (mark, colour) = ball.Status switch
            {
                BallStatus.Converged => ("✓ ", c.Theme.Good),
                BallStatus.Diverged when BallFate.Escaped(ball) => ("⇲ ", c.Theme.Good),
                BallStatus.Diverged => ("✗ ", c.Theme.Bad),
                _ => ("", c.Theme.Text),
            };
            window.DrawText(mark, x, y, size, colour);
            var span = _rows[r].Span;
            float resultWidth = window.MeasureText(span, size).X;
            window.DrawText(span, room.Right - resultWidth, y, size, c.Theme.Stats);
            // The name takes the room the result leaves: smaller, or cut in its middle, never under the number.
            TextFit.DrawName(window, ball.Label, nameX, y, nameSize, size * 3 / 4, room.Right - resultWidth - size * 0.4f - nameX,
                ball.Status == BallStatus.Running ? c.Theme.Text : colour);
        }
        PanelChrome.More(window, _more, room.X + c.Small * 2.5f, room.Y + rows * RowHeight(c), room.Width - c.Small * 2.5f, rows, balls.Count, c);
    }
}
