using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>What every panel draws from: the scene, the classroom's state, the text size, the selected ball and the theme.</summary>
public readonly record struct PanelContext(World World, ClassroomSession Session, int TextSize, int Selected, Theme Theme)
{
    /// <summary>The panels' ordinary text: the heads-up display's small size.</summary>
    public int Small => TextSize * 4 / 5;

    public float Pad => TextSize * 0.45f;

    /// <summary>The ball a one-ball panel is about: the selected one, else the first.</summary>
    public int Focus => Selected >= 0 && Selected < World.Balls.Count ? Selected : 0;

    public float LineWidth => 2.5f * Theme.LineScale;

    /// <summary>Where a panel's controls can be clicked, as the keys they stand for, or null (a headless picture).</summary>
    public ClickTargets? Targets { get; init; }
}

/// <summary>
/// One panel. Most draw a box in the panel column; some also add lines on the surface or labels over the
/// scene, or have nothing but those (the full-batch arrows). <see cref="Update"/> runs with the
/// simulation, before drawing: drawing only reads.
/// </summary>
public interface IPanel
{
    /// <summary>Whether it has a box in the column.</summary>
    bool HasBox => true;

    /// <summary>The height it would like; it is given less when the column is crowded.</summary>
    float PreferredHeight(in PanelContext c);

    /// <summary>
    /// The least height at which it still shows what it is for (a table its heading and first row, a plot
    /// its axes and two ticks): the column folds it rather than draw it smaller, and rather than fold it
    /// draws it this small when there is room for that.
    /// </summary>
    float LeastHeight(in PanelContext c) => PanelChrome.TitleHeight(c) + c.Pad + PanelChrome.PlotLeast(c);

    void Draw(Window window, PanelRect rect, in PanelContext c);

    /// <summary>Works out what it will draw, after the frame's steps and keys (e.g. the explainer's next step).</summary>
    void Update(World world, int selected) { }

    /// <summary>Lines on the surface, drawn outlined with the trails and arrows.</summary>
    void AppendSurfaceLines(World world, int selected, ScenePlacement placement, BallPositions positions, Theme theme, SegmentBuffer into) { }

    /// <summary>Text over the scene (e.g. names at arrow tips), drawn before the column.</summary>
    void DrawOverScene(Window window, in OverlayFrame frame, in PanelContext c) { }
}

/// <summary>The box and heading every panel shares.</summary>
public static class PanelChrome
{
    /// <summary>Heading line height for text size <paramref name="c"/>.</summary>
    public static float TitleHeight(in PanelContext c) => c.Small * 1.45f;

    /// <summary>Draws the box and its heading; returns the room under the heading.</summary>
    public static PanelRect Draw(Window window, PanelRect rect, ReadOnlySpan<char> title, in PanelContext c)
    {
        window.DrawRectangle(rect.X, rect.Y, rect.Width, rect.Height, c.Theme.Panel);
        window.DrawRectangle(rect.X, rect.Y, rect.Width, 2, c.Theme.DimText.WithAlpha(120));
        TextFit.Draw(window, title, rect.X + c.Pad, rect.Y + c.Pad * 0.5f, c.Small, c.Small * 3 / 4, rect.Width - 2 * c.Pad, c.Theme.Text);
        return rect.Inset(c.Pad, c.Pad * 0.5f + TitleHeight(in c), c.Pad, c.Pad * 0.5f);
    }

    /// <summary>The least room under a heading for a plot: two tick labels a label and a half apart, and the steps under them.</summary>
    public static float PlotLeast(in PanelContext c) => c.Small * 4.5f;

    /// <summary>What a panel of a network's training says on a 2-D landscape.</summary>
    public const string NetworkScenesOnly = "for network scenes only (--data, a scenario's network)";

    /// <summary>The height of a panel that has only a heading and one line to say.</summary>
    public static float NoteHeight(in PanelContext c) => TitleHeight(c) + c.Pad + c.Small * 1.4f;

    /// <summary>One dim line at the top of <paramref name="room"/> (a panel with nothing to show here says why).</summary>
    public static void Note(Window window, PanelRect room, ReadOnlySpan<char> text, in PanelContext c) =>
        TextFit.Draw(window, text, room.X, room.Y, c.Small, c.Small * 3 / 4, room.Width, c.Theme.DimText);

    /// <summary>
    /// How many of <paramref name="count"/> rows to draw when <paramref name="fit"/> fit: all, or one fewer and a
    /// last line saying how many more (<see cref="More"/>), so a table never leaves a ball out unsaid.
    /// </summary>
    public static int RowsShown(int count, int fit) => count <= fit ? count : Math.Max(fit - 1, 0);

    /// <summary>The "… and N more" line under a table that shows <paramref name="shown"/> of <paramref name="count"/> rows.</summary>
    public static void More(Window window, TextMemo<int> memo, float x, float y, float width, int shown, int count, in PanelContext c)
    {
        if (shown >= count) return;
        var text = memo.Get(count - shown, static n => $"… and {n} more");
        TextFit.Draw(window, text, x, y, c.Small * 9 / 10, c.Small * 2 / 3, width, c.Theme.DimText);
    }

    /// <summary>Ball <paramref name="index"/>'s mark (<see cref="BallMark"/>) before its row.</summary>
    public static void Swatch(Window window, float x, float y, in PanelContext c, int index) =>
        BallMark.Swatch(window, x, y + c.Small * 0.2f, c.Small * 0.7f, index, c.Theme.Of(c.World.Balls[index]), c.Theme);
}
