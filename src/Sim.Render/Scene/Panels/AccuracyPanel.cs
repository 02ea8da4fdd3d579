using Sim.Core.Lessons;
using Sim.Core.Networks;
using Sim.Render.Platform;
using Sim.Render.Playground;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Each ball's accuracy against epoch (<see cref="AccuracyHistory"/>: after every pass over the data,
/// thinned past a thousand), on the training data and, faint, on the held-out data when the scene has
/// a test split, on a fixed axis from 0 to 1; under it one row per ball with its accuracy now, so a
/// lesson's table (the lab's printed figures in the balls' names) fills in live. On a 2-D landscape it
/// says in one line that it is for network scenes.
/// </summary>
public sealed class AccuracyPanel : IPanel
{
    /// <summary>Rows of accuracies under the plot at most.</summary>
    public const int MaxRows = 9;

    /// <summary>The plot's least height, in lines of text: below it the rows give way.</summary>
    public const float MinPlotLines = 4;

    /// <summary>The axis: a little beyond 0 and 1, so the lines at 1 are not on the frame.</summary>
    public static readonly PlotScale Axis = new(-0.02, 1.04, false);

    private readonly PlotArea _plot = new();
    private readonly PlotPen _pen = new(), _faint = new();
    private readonly TextMemo<int> _more = new();
    private readonly TextLine[] _rows = [.. Enumerable.Range(0, MaxRows).Select(_ => new TextLine())];

    public static PanelKind Kind { get; } = new()
    {
        NetworkScenes = true,
        IsPlot = true,
        ListsBalls = true, // its rows name every ball, with the accuracy a network scene is judged by
        CliName = "accuracy", Title = "accuracy plot", Key = Key.F10, Modifier = Modifier.Shift, KeyLabel = "Shift+F10", Lesson = LessonPanels.Accuracy,
        Help = "train (and test) accuracy against epoch for every ball (network scenes)", Create = () => new AccuracyPanel(),
    };

    /// <summary>The plot's axes as last drawn.</summary>
    public PlotArea Plot => _plot;

    private static int Rows(in PanelContext c) => Math.Min(c.Session.Accuracy.Count, MaxRows);
    private static float RowHeight(in PanelContext c) => c.Small * 1.15f;

    public float PreferredHeight(in PanelContext c) => c.World.Objective is NetworkObjective
        ? c.TextSize * 7f + (Rows(c) + (c.Session.Accuracy.Count > MaxRows ? 1 : 0)) * RowHeight(c)
        : PanelChrome.NoteHeight(c);

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var history = c.Session.Accuracy;
        var room = PanelChrome.Draw(window, rect, history.HasTest ? "accuracy (faint: test)" : "accuracy on the training data", c);
        if (c.World.Objective is not NetworkObjective)
        {
            PanelChrome.Note(window, room, PanelChrome.NetworkScenesOnly, c);
            return;
        }
        // The rows (a lesson's table) come first; the plot takes what they leave, at least four lines of text.
        int rows = PanelChrome.RowsShown(history.Count, Math.Clamp((int)((room.Height - MinPlotLines * c.Small) / RowHeight(c)), 0, MaxRows));
        int lines = rows < history.Count ? rows + 1 : rows; // and the "… and N more" line
        var plotRoom = room.Inset(0, 0, 0, lines * RowHeight(c) + c.Pad * 0.5f);
        int last = 1;
        for (int i = 0; i < history.Count; i++)
            if (history.Of(i).Count > 0) last = Math.Max(last, history.Of(i).Latest.Epoch);
        _plot.Set(plotRoom, 0, last, Axis, c);
        _plot.DrawAxes(window, c);
        DrawLines(window, c);
        _plot.DrawLabels(window, c, "epoch");
        DrawRows(window, room.X, plotRoom.Bottom + c.Pad * 0.5f, room.Width, rows, c);
        PanelChrome.More(window, _more, room.X + c.Small * 0.95f, plotRoom.Bottom + c.Pad * 0.5f + rows * RowHeight(c), room.Width, rows, history.Count, c);
    }

    private void DrawLines(Window window, in PanelContext c)
    {
        var history = c.Session.Accuracy;
        var balls = c.World.Balls;
        for (int i = 0; i < history.Count; i++)
        {
            var series = history.Of(i);
            var colour = c.Theme.Of(balls[i]);
            _pen.Begin(colour);
            if (history.HasTest) _faint.Begin(colour.WithAlpha(130));
            for (int k = 0; k < series.Count; k++)
            {
                var s = series[k];
                _pen.To(_plot.X(s.Epoch), _plot.Y(s.Train));
                if (history.HasTest) _faint.To(_plot.X(s.Epoch), _plot.Y(s.Test));
            }
        }
        _faint.Draw(window, c.LineWidth * 0.8f);
        _pen.Draw(window, c.LineWidth * 1.2f);
    }

    /// <summary>One row per ball: its mark, its name and its accuracy now (train, and test when there is a split); the axis below the plot gives the epoch.</summary>
    private void DrawRows(Window window, float x, float y, float width, int rows, in PanelContext c)
    {
        var history = c.Session.Accuracy;
        int size = c.Small * 9 / 10;
        for (int i = 0; i < rows; i++)
        {
            var series = history.Of(i);
            if (series.Count == 0) continue;
            var latest = series.Latest;
            var text = _rows[i].Clear();
            AppendFraction(text, latest.Train);
            if (history.HasTest) AppendFraction(text.Append("   test "), latest.Test);
            var span = text.Span;
            float w = window.MeasureText(span, size).X, rowY = y + i * RowHeight(c);
            PanelChrome.Swatch(window, x, rowY, c, i);
            window.DrawText(span, x + width - w, rowY, size, c.Theme.Stats);
            float nameX = x + c.Small * 0.95f;
            TextFit.Draw(window, c.World.Balls[i].Label, nameX, rowY, size, size * 3 / 4, x + width - w - size * 0.4f - nameX, c.Theme.Text);
        }
    }

    /// <summary>An accuracy as the lab prints it, three decimals (0.943).</summary>
    private static void AppendFraction(TextLine text, double value)
    {
        if (!double.IsFinite(value))
        {
            text.Append("–");
            return;
        }
        int thousandths = (int)Math.Round(value * 1000);
        text.Append(thousandths / 1000).Append(".");
        int rest = thousandths % 1000;
        if (rest < 100) text.Append("0");
        if (rest < 10) text.Append("0");
        text.Append(rest);
    }
}
