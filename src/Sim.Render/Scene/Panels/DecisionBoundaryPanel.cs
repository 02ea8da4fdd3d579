using System.Diagnostics;
using Sim.Core.Lessons;
using Sim.Core.Networks;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Small multiples, one per ball, of what its network predicts over the data's bounding box: each
/// cell of a <see cref="DecisionGrid"/> in the class it predicts (p &gt; 0.5 is class 1), deeper the
/// surer the network is, with the data points in their true class and the misclassified ones ringed
/// in white. The grids are worked out in <see cref="Update"/>, never while drawing: every grid not
/// yet computed at once, then one ball's a frame in turn (0.1 ms for the lab's network, milliseconds
/// for hundreds of weights, which then wait three times their cost), so a frame costs one grid at most
/// however many balls there are. Drawing merges each row's cells of one shade into one rectangle. On a 2-D
/// landscape it says in one line that it is for network scenes.
/// </summary>
public sealed class DecisionBoundaryPanel : IPanel
{
    /// <summary>Balls shown at most (a 3 × 3 sheet); a swarm's others are not.</summary>
    public const int MaxTiles = 9;

    /// <summary>Data points drawn at most per tile; a larger data set shows every k-th.</summary>
    public const int MaxPoints = 600;

    /// <summary>Shades of confidence |2p − 1| per class.</summary>
    public const int Shades = 5;

    private readonly DecisionGrid?[] _grids = new DecisionGrid?[MaxTiles];
    private readonly int[] _computedAt = new int[MaxTiles];
    private readonly PanelRect[] _tiles = new PanelRect[MaxTiles];
    private readonly Color[] _shades = new Color[2 * Shades];
    private readonly TextLine[] _accuracy = [.. Enumerable.Range(0, MaxTiles).Select(_ => new TextLine())];
    private NetworkObjective? _objective;
    private int _tileCount, _next;
    private long _resumeAt;

    public static PanelKind Kind { get; } = new()
    {
        NetworkScenes = true,
        IsPlot = true,
        CliName = "boundary", Title = "decision boundary panel", Key = Key.F10, KeyLabel = "F10", Lesson = LessonPanels.DecisionBoundary,
        Help = "each ball's decision boundary over the data (network scenes)", Create = () => new DecisionBoundaryPanel(),
    };

    /// <summary>Ball <paramref name="ball"/>'s grid as last computed, or null (not a network scene, not computed yet).</summary>
    public DecisionGrid? GridOf(int ball) => ball < _tileCount ? _grids[ball] : null;

    /// <summary>Where ball <paramref name="ball"/>'s grid was drawn in the last frame (its box's bounds), or an empty rectangle.</summary>
    public PanelRect TileOf(int ball) => _tiles[ball];

    /// <summary>The step count of ball <paramref name="ball"/> its grid was computed at.</summary>
    public int ComputedAt(int ball) => _computedAt[ball];

    /// <summary>How a column about 12 text heights wide lays out <paramref name="tiles"/> pictures: 1, 2 × 2, 3 × 3.</summary>
    private static (int Columns, int Rows) Sheet(int tiles)
    {
        int columns = tiles <= 1 ? 1 : tiles <= 4 ? 2 : 3;
        return (columns, (tiles + columns - 1) / columns);
    }

    /// <summary>The columns (1 to 3) that give <paramref name="tiles"/> square pictures the largest side in <paramref name="room"/>, and that side.</summary>
    private static (int Columns, int Rows, float Side) Fit(int tiles, PanelRect room, float gap, float label)
    {
        (int, int, float) best = (1, tiles, 0);
        for (int columns = 1; columns <= Math.Min(tiles, 3); columns++)
        {
            int rows = (tiles + columns - 1) / columns;
            float side = MathF.Floor(Math.Min((room.Width - (columns - 1) * gap) / columns, (room.Height - (rows - 1) * gap * 0.5f) / rows - label));
            if (side > best.Item3) best = (columns, rows, side);
        }
        return best;
    }

    private static float LabelHeight(in PanelContext c) => c.Small * 1.25f;

    public float PreferredHeight(in PanelContext c)
    {
        if (c.World.Objective is not NetworkObjective) return PanelChrome.NoteHeight(c);
        var (columns, rows) = Sheet(Math.Clamp(c.World.Balls.Count, 1, MaxTiles));
        float side = (12f * c.TextSize - 2 * c.Pad) / columns; // the column is about 12 text heights wide
        return PanelChrome.TitleHeight(c) + c.Pad + rows * (side + LabelHeight(c));
    }

    public void Update(World world, int selected)
    {
        if (world.Objective is not NetworkObjective objective)
        {
            _objective = null;
            _tileCount = 0;
            return;
        }
        if (!ReferenceEquals(objective, _objective))
        {
            _objective = objective;
            Array.Clear(_grids);
        }
        var balls = world.Balls;
        _tileCount = Math.Min(balls.Count, MaxTiles);
        long now = Stopwatch.GetTimestamp();
        int budget = now >= _resumeAt ? 1 : 0, first = _next;
        for (int k = 0; k < _tileCount; k++)
        {
            int i = (first + k) % _tileCount;
            var ball = balls[i];
            var grid = _grids[i] ??= new DecisionGrid(objective.Shape, objective.Data);
            bool stale = !grid.Computed || ball.Steps != _computedAt[i];
            if (!stale || (grid.Computed && budget == 0)) continue;
            if (grid.Computed)
            {
                budget--;
                long start = Stopwatch.GetTimestamp();
                grid.Compute(ball.ParameterVector);
                // A large network's grid takes milliseconds: the next waits three times as long, so
                // the boundaries take at most a quarter of the time between frames.
                _resumeAt = Stopwatch.GetTimestamp() + 3 * (Stopwatch.GetTimestamp() - start);
            }
            else grid.Compute(ball.ParameterVector);
            _computedAt[i] = ball.Steps;
            _next = (i + 1) % _tileCount;
        }
    }

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var room = PanelChrome.Draw(window, rect, "decision boundary: class p > 0.5", c);
        if (c.World.Objective is not NetworkObjective)
        {
            PanelChrome.Note(window, room, PanelChrome.NetworkScenesOnly, c);
            return;
        }
        SetShades(c.Theme);
        Array.Clear(_tiles);
        float gap = c.Pad, label = LabelHeight(c);
        var (columns, _, side) = Fit(Math.Max(_tileCount, 1), room, gap, label);
        if (side < 8) return;
        float left = room.X + (room.Width - columns * side - (columns - 1) * gap) / 2;
        for (int i = 0; i < _tileCount; i++)
        {
            if (_grids[i] is not { Computed: true } grid) continue;
            float x = left + i % columns * (side + gap), y = room.Y + i / columns * (side + label + gap * 0.5f);
            DrawLabel(window, x, y, side, i, grid, c);
            _tiles[i] = new PanelRect(x, y + label, side, side);
            DrawCells(window, x, y + label, side, grid, c.World.Balls[i], c.Theme);
            DrawPoints(window, x, y + label, side, grid, c.Theme);
        }
    }

    private void DrawLabel(Window window, float x, float y, float side, int ball, DecisionGrid grid, in PanelContext c)
    {
        int size = c.Small * 9 / 10;
        PanelChrome.Swatch(window, x, y, c, ball);
        var accuracy = _accuracy[ball].Clear().Append((int)Math.Round(100.0 * grid.Correct / grid.Data.Count)).Append("%").Span;
        float w = window.MeasureText(accuracy, size).X;
        window.DrawText(accuracy, x + side - w, y, size, c.Theme.Stats);
        float nameX = x + c.Small * 0.95f;
        TextFit.Draw(window, c.World.Balls[ball].Label, nameX, y, size, size * 3 / 4, x + side - w - size * 0.4f - nameX, c.Theme.Text);
    }

    /// <summary>The grid, row by row from the top, each run of cells of one shade as one rectangle.</summary>
    private void DrawCells(Window window, float x, float y, float side, DecisionGrid grid, Ball ball, Theme theme)
    {
        int n = grid.Size;
        var p = grid.Probabilities;
        if (ball.Status == BallStatus.Diverged)
        {
            window.DrawRectangle(x, y, side, side, theme.Diverged.WithAlpha(120));
            return;
        }
        for (int r = 0; r < n; r++)
        {
            int row = n - 1 - r; // row 0 of the grid is the bottom of the box
            float top = y + MathF.Round(r * side / n), bottom = y + MathF.Round((r + 1) * side / n);
            int start = 0, shade = Shade(p[row * n]);
            for (int column = 1; column <= n; column++)
            {
                int next = column < n ? Shade(p[row * n + column]) : -2;
                if (next == shade) continue;
                float a = x + MathF.Round(start * side / n), b = x + MathF.Round(column * side / n);
                window.DrawRectangle(a, top, b - a, bottom - top, shade < 0 ? theme.Diverged : _shades[shade]);
                (start, shade) = (column, next);
            }
        }
    }

    private void DrawPoints(Window window, float x, float y, float side, DecisionGrid grid, Theme theme)
    {
        var data = grid.Data;
        var wrong = grid.Wrong;
        int every = (data.Count + MaxPoints - 1) / MaxPoints;
        float dot = Math.Clamp(side / 45, 2, 5), sx = side / (float)(grid.XMax - grid.XMin), sy = side / (float)(grid.YMax - grid.YMin);
        for (int k = 0; k < data.Count; k += every)
        {
            float px = x + (float)(data.X1[k] - grid.XMin) * sx, py = y + side - (float)(data.X2[k] - grid.YMin) * sy;
            if (wrong[k]) window.DrawRectangle(px - dot - 1.5f, py - dot - 1.5f, 2 * dot + 3, 2 * dot + 3, theme.Text);
            window.DrawRectangle(px - dot * 0.5f - 1, py - dot * 0.5f - 1, dot + 2, dot + 2, theme.Outline);
            window.DrawRectangle(px - dot * 0.5f, py - dot * 0.5f, dot, dot, data.Y[k] > 0.5 ? theme.ClassOne : theme.ClassZero);
        }
    }

    /// <summary>The shade of a cell: class 1 above p = 0.5, deeper with the confidence |2p − 1|; −1 where p is not a number.</summary>
    public static int Shade(double p)
    {
        if (double.IsNaN(p)) return -1;
        int level = Math.Min((int)(Math.Abs(2 * p - 1) * Shades), Shades - 1);
        return (p > 0.5 ? Shades : 0) + level;
    }

    private void SetShades(Theme theme)
    {
        for (int level = 0; level < Shades; level++)
        {
            byte alpha = (byte)(45 + level * 150 / (Shades - 1));
            _shades[level] = theme.ClassZero.WithAlpha(alpha);
            _shades[Shades + level] = theme.ClassOne.WithAlpha(alpha);
        }
    }
}
