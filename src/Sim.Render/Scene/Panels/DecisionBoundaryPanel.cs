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
/// surer the network is, with the data points in their true class and the misclassified ones outlined
/// in white. The grids are worked out in <see cref="Update"/>, never while drawing: every grid not
/// yet computed at once, then one ball's a frame in turn (0.1 ms for the lab's network, milliseconds
/// for hundreds of weights, which then wait three times their cost), so a frame costs one grid at most
/// however many balls there are. Each grid is drawn as one picture on the GPU (a pixel a cell,
/// replaced when the grid is recomputed), not 2,304 rectangles. On a 2-D landscape it says in one
/// line that it is for network scenes.
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
    private readonly OverlayImage?[] _images = new OverlayImage?[MaxTiles];
    private readonly bool[] _uploaded = new bool[MaxTiles];
    private Color[] _pixels = [];
    private Theme? _shadesOf;
    private readonly TextLine[] _accuracy = [.. Enumerable.Range(0, MaxTiles).Select(_ => new TextLine())];
    private NetworkObjective? _objective;
    private int _tileCount, _next;
    private long _resumeAt;

    public static PanelKind Kind { get; } = new()
    {
        NetworkScenes = true,
        IsPlot = true,
        CliName = "boundary", Title = "decision boundary panel", Key = Key.F10, Modifier = Modifier.None, KeyLabel = "F10", Lesson = LessonPanels.DecisionBoundary,
        Help = "each ball's decision boundary over the data (network scenes)", Create = () => new DecisionBoundaryPanel(),
    };

    /// <summary>Ball <paramref name="ball"/>'s grid as last computed, or null (not a network scene, not computed yet).</summary>
    public DecisionGrid? GridOf(int ball) => ball < _tileCount ? _grids[ball] : null;

    /// <summary>Where ball <paramref name="ball"/>'s grid was drawn in the last frame (its box's bounds), or an empty rectangle.</summary>
    public PanelRect TileOf(int ball) => _tiles[ball];

    /// <summary>The step count of ball <paramref name="ball"/> its grid was computed at.</summary>
    public int ComputedAt(int ball) => _computedAt[ball];

    /// <summary>How the column lays out <paramref name="tiles"/> pictures when it asks for room: one row up to three, then 2 × 2, then rows of three.</summary>
    private static (int Columns, int Rows) Sheet(int tiles)
    {
        int columns = tiles <= 3 ? tiles : tiles == 4 ? 2 : 3;
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
            _uploaded[i] = false;
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
            DrawCells(window, x, y + label, side, i, grid, c.World.Balls[i], c.Theme);
            DrawPoints(window, x, y + label, side, grid, c.Theme);
        }
    }

    private void DrawLabel(Window window, float x, float y, float side, int ball, DecisionGrid grid, in PanelContext c)
    {
        int size = c.Small * 9 / 10;
        var accuracy = _accuracy[ball].Clear().Append((int)Math.Round(100.0 * grid.Correct / grid.Data.Count)).Append("%").Span;
        float w = window.MeasureText(accuracy, size).X;
        float nameX = x + c.Small * 0.95f, room = x + side - w - size * 0.4f - nameX;
        if (nameX + w > x + side) // a tile too narrow for the mark and the figure: the figure in the ball's colour says both
        {
            window.DrawText(accuracy, x + (side - w) / 2, y, size, c.Theme.Of(c.World.Balls[ball]));
            return;
        }
        PanelChrome.Swatch(window, x, y, c, ball);
        window.DrawText(accuracy, x + side - w, y, size, c.Theme.Stats);
        // A name cut to a letter or two says nothing: then the mark alone (the legend names it).
        if (room > size * 3) TextFit.Draw(window, c.World.Balls[ball].Label, nameX, y, size, size * 3 / 4, room, c.Theme.Text);
    }

    /// <summary>The grid as one picture (<see cref="OverlayImage"/>, a pixel a cell), its pixels replaced when the grid was recomputed.</summary>
    private void DrawCells(Window window, float x, float y, float side, int tile, DecisionGrid grid, Ball ball, Theme theme)
    {
        if (ball.Status == BallStatus.Diverged)
        {
            window.DrawRectangle(x, y, side, side, theme.Diverged.WithAlpha(120));
            return;
        }
        int n = grid.Size;
        if (_images[tile] is not { } image || !ReferenceEquals(image.Owner, window) || image.Width != n)
        {
            _images[tile] = image = window.CreateImage(n, n); // once per tile and window
            _uploaded[tile] = false;
        }
        if (!_uploaded[tile])
        {
            if (_pixels.Length != n * n) _pixels = new Color[n * n];
            var p = grid.Probabilities;
            for (int r = 0; r < n; r++)
            {
                int row = n - 1 - r; // row 0 of the grid is the bottom of the box, of the picture its top
                for (int column = 0; column < n; column++)
                {
                    int shade = Shade(p[row * n + column]);
                    _pixels[r * n + column] = shade < 0 ? theme.Diverged : _shades[shade];
                }
            }
            image.Set(_pixels);
            _uploaded[tile] = true;
        }
        window.DrawImage(image, x, y, side, side);
    }

    private void DrawPoints(Window window, float x, float y, float side, DecisionGrid grid, Theme theme)
    {
        var data = grid.Data;
        var wrong = grid.Wrong;
        int every = (data.Count + MaxPoints - 1) / MaxPoints;
        float dot = Math.Clamp(side / 50, 2, 5), sx = side / (float)(grid.XMax - grid.XMin), sy = side / (float)(grid.YMax - grid.YMin);
        for (int k = 0; k < data.Count; k += every)
        {
            float px = x + (float)(data.X1[k] - grid.XMin) * sx, py = y + side - (float)(data.X2[k] - grid.YMin) * sy;
            // A misclassified point's outline is white instead of dark: the same size, so a crowd of them stays readable.
            window.DrawRectangle(px - dot * 0.5f - 1, py - dot * 0.5f - 1, dot + 2, dot + 2, wrong[k] ? theme.Text : theme.Outline);
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

    /// <summary>The shades of the theme's class colours; every picture is redrawn in a new theme's.</summary>
    private void SetShades(Theme theme)
    {
        if (ReferenceEquals(theme, _shadesOf)) return;
        for (int level = 0; level < Shades; level++)
        {
            byte alpha = (byte)(45 + level * 150 / (Shades - 1));
            _shades[level] = theme.ClassZero.WithAlpha(alpha);
            _shades[Shades + level] = theme.ClassOne.WithAlpha(alpha);
        }
        _shadesOf = theme;
        Array.Clear(_uploaded);
    }
}
