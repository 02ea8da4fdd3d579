using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Draws a <see cref="ClassroomSession"/> over the scene: the open panels stacked in a column on the
/// right, the lesson's caption in a band along the bottom (the picture of the landscape is centred in
/// the room they leave, so they never cover a ball), the step explainer's and full-batch arrows on the
/// surface, the lesson menu and a recording's frame count. The window and <c>sim render --lesson</c>
/// both draw through it.
/// </summary>
public sealed class ClassroomOverlay : ISceneOverlay
{
    private readonly ClassroomSession session;
    private readonly IPanel[] _panels = [.. PanelRegistry.All.Select(k => k.Create())];
    private readonly PanelLayout _layout = new();
    private readonly CompactLegend _legend = new();
    private readonly Func<int, float, float> _legendHeight;
    private World? _world;
    private int _captionSize;
    private (string?, int, int, int) _captionFor;
    private readonly CaptionBand _caption = new();
    private readonly LessonMenuOverlay _menu = new();
    private readonly PickerOverlay _picker = new();
    private readonly TextMemo<(Sim.Core.Lessons.Lesson?, int)> _tag = new();
    private readonly TextLine _recording = new();
    private SceneMargins _margins;

    public ClassroomOverlay(ClassroomSession session)
    {
        this.session = session;
        _legendHeight = (size, max) => _legend.Height(_world!, size, max);
    }

    public ClassroomSession Session => session;

    /// <summary>Where each open panel was drawn in the last frame, in the registry's order (empty rectangles for closed ones).</summary>
    public ReadOnlySpan<PanelRect> PanelRects => _layout.Rects;

    /// <summary>Where the lesson menu was drawn when it was last open.</summary>
    public PanelRect MenuRect => _menu.Bounds;

    /// <summary>The caption's lines as wrapped in the last frame.</summary>
    internal IReadOnlyList<string> CaptionLines => _caption.Lines;

    /// <summary>The caption's text size in the last frame (it shrinks to keep the band within its share).</summary>
    internal int CaptionTextSize => CaptionBand.CaptionSize(_captionSize);

    /// <summary>Where the caption band was drawn in the last frame (empty without a lesson).</summary>
    public PanelRect CaptionRect { get; private set; }

    /// <summary>This overlay's panel of <paramref name="kind"/>.</summary>
    public IPanel Panel(PanelKind kind) => _panels[kind.Index];

    public StepExplainer Explainer => (StepExplainer)Panel(StepExplainer.Kind);

    private static float Gap(int textSize) => textSize * 0.35f;

    /// <summary>Under the caption band: the heads-up display's bottom line (arrow legend, help).</summary>
    private float BottomLine(int textSize) => HeadsUpDisplay.BottomLineSize(_windowHeight, textSize) * 1.6f;

    private int _windowHeight;

    /// <summary>The caption band may take at most this share of the window's height; its text shrinks to stay within.</summary>
    public const float MaxCaptionShare = 0.26f;

    public SceneMargins Margins(Window window, World world, int textSize, int selectedBall, bool hud)
    {
        float bottom = 0;
        _windowHeight = window.Height;
        if (session.Step is { } step)
        {
            var key = (step.Caption, textSize, window.Width, window.Height);
            if (key != _captionFor)
            {
                _captionFor = key;
                _captionSize = textSize;
                while (_captionSize > 12 && _caption.Height(window, step.Caption, _captionSize, window.Width) > MaxCaptionShare * window.Height) _captionSize--;
            }
            bottom = _caption.Height(window, step.Caption, _captionSize, window.Width) + BottomLine(textSize) + Gap(textSize);
        }
        // In a lesson, with panels open, or where the side panel could not name every ball (large text, many
        // balls), the heads-up display folds into a legend at the column's top, a line a ball, and the
        // landscape keeps the width it would have taken on the left.
        bool legend = hud && (session.Step is not null || AnyColumnPanel(world) || !HeadsUpDisplay.ListsEveryBall(window.Height, textSize, world.Balls.Count));
        float columnBottom = window.Height - (session.Step is null ? BottomLine(textSize) : bottom) - Gap(textSize);
        var context = new PanelContext(world, session, textSize, selectedBall, Theme.Standard);
        _world = world;
        // The legend leaves the balls to a panel that lists them (the leaderboard) only if that panel is laid
        // out: folded, it would leave every ball named nowhere. (With rows cut it says how many more.)
        var listing = PanelListingBalls(world);
        _legend.ListsBalls = listing is null;
        _legend.LeastRows = CompactLegend.MinRows;
        _layout.Arrange(_panels, session.Panels, context, window.Width, Gap(textSize), columnBottom, legend ? _legendHeight : null,
            session.State.FirstPanel);
        if (listing is not null && legend && !_layout.IsLaidOut(listing))
        {
            _legend.ListsBalls = true;
            _legend.LeastRows = 0; // standing in for the list: within its share, so the landscape stays the largest
            _layout.Arrange(_panels, session.Panels, context, window.Width, Gap(textSize), columnBottom, _legendHeight, session.State.FirstPanel);
        }

        return _margins = new SceneMargins(_layout.Width, bottom, legend);
    }

    /// <summary>Where the column's parts went in the last frame.</summary>
    public PanelLayout Layout => _layout;

    /// <summary>Whether an open panel has a box in the column on <paramref name="world"/>'s scene.</summary>
    private bool AnyColumnPanel(World world)
    {
        for (int i = 0; i < _panels.Length; i++)
            if (HasBoxOn(i, world)) return true;
        return false;
    }

    private bool HasBoxOn(int i, World world) => IsOpen(i) && _panels[i].HasBox && PanelRegistry.All[i].ShowsOn(world);

    /// <summary>An open panel that lists every ball, or null.</summary>
    private PanelKind? PanelListingBalls(World world)
    {
        for (int i = 0; i < _panels.Length; i++)
            if (HasBoxOn(i, world) && PanelRegistry.All[i].ListsBalls) return PanelRegistry.All[i];
        return null;
    }

    /// <summary>How many balls the legend named in the last frame (none when a panel below lists them).</summary>
    public int LegendBalls => _margins.HostsLegend ? _legend.Shown : 0;

    private bool IsOpen(int i) => session.Panels.Has(PanelRegistry.All[i]);

    public void Update(World world, int selectedBall)
    {
        // The explainer's playback: its clock is the app state's; once every part has been said, it ends.
        var explainer = Explainer;
        if (session.State.ExplainerPlayback is { } played && explainer.Parts.Length > 0 && ExplainerParts.Over(played, explainer.Parts.Length))
            session.State.ExplainerPlayback = null;
        explainer.Playback = IsOpen(StepExplainer.Kind.Index) ? session.State.ExplainerPlayback : null;
        for (int i = 0; i < _panels.Length; i++)
            if (IsOpen(i)) _panels[i].Update(world, selectedBall);
    }

    public void AppendSurfaceLines(World world, in FrameInfo info, ScenePlacement placement, BallPositions positions, SegmentBuffer into)
    {
        for (int i = 0; i < _panels.Length; i++)
            if (IsOpen(i)) _panels[i].AppendSurfaceLines(world, info.SelectedBall, placement, positions, info.Theme, into);
    }

    public void Draw(Window window, World world, in FrameInfo info, in OverlayFrame frame)
    {
        int size = frame.TextSize;
        var c = new PanelContext(world, session, _layout.TextSize, info.SelectedBall, info.Theme) { Targets = frame.Targets };
        _legend.Targets = frame.Targets;
        for (int i = 0; i < _panels.Length; i++)
            if (IsOpen(i)) _panels[i].DrawOverScene(window, frame, c);
        if (_margins.HostsLegend) _legend.Draw(window, _layout.Legend, world, session.Title ?? world.Landscape.Name, info, _layout.TextSize);
        var rects = _layout.Rects;
        for (int i = 0; i < _panels.Length; i++)
            if (rects[i].Height > 0) _panels[i].Draw(window, rects[i], c);
        DrawFolded(window, c);
        if (IsOpen(StepExplainer.Kind.Index) && Explainer.PlayingCaption is { } caption)
            DrawPlayingCaption(window, caption, frame.Left, window.Width - _layout.Width, c);
        CaptionRect = default;
        if (session.Step is { } step)
        {
            float height = _margins.Bottom - BottomLine(size) - Gap(size);
            CaptionRect = new PanelRect(0, window.Height - BottomLine(size) - height, window.Width, height);
            var tag = _tag.Get((session.Lesson, session.StepNumber), static k => ClassroomSession.Tag(k.Item1, k.Item2)
                + (k.Item2 < k.Item1!.Steps.Count ? "      Page Down: next step" : "      last step · K: lessons"));
            _caption.Draw(window, CaptionRect, step.Caption, tag, _captionSize, c.Theme);
        }
        if (session.Menu.IsOpen) _menu.Draw(window, session.Menu, size, c.Theme);
        _picker.Draw(window, session.State.Picker, frame.Left, window.Width - _layout.Width, c);
    }

    /// <summary>The explainer's caption for the part it is playing, across the top of the scene's room.</summary>
    private static void DrawPlayingCaption(Window window, string caption, float left, float right, in PanelContext c)
    {
        float width = right - left - 2 * c.Pad;
        int fitted = TextFit.Size(window, caption, c.TextSize, c.Small * 2 / 3, width - 2 * c.Pad);
        var m = window.MeasureText(caption, fitted);
        float x = left + c.Pad + Math.Max((width - m.X) / 2, c.Pad), y = c.Pad;
        window.DrawRectangle(x - c.Pad, y - c.Pad / 2, Math.Min(m.X, width) + 2 * c.Pad, m.Y + c.Pad, c.Theme.Sheet);
        window.DrawRectangle(x - c.Pad, y - c.Pad / 2, Math.Min(m.X, width) + 2 * c.Pad, 2, c.Theme.Accent);
        TextFit.Draw(window, caption, x, y, fitted, c.Small * 2 / 3, width - 2 * c.Pad, c.Theme.Text);
    }

    /// <summary>
    /// Each panel that did not fit, as one line: its title, its key and how to bring it back. All at one
    /// size, the largest at which every one fits; where even the smallest is too narrow, all drop
    /// "click to show" (the hover and the key still say it) rather than cut one at the edge.
    /// </summary>
    private void DrawFolded(Window window, in PanelContext c)
    {
        var folded = _layout.Folded;
        int least = c.Small * 2 / 3;
        var texts = _foldedText;
        int size = FoldedSize(window, folded, texts, c.Small, least, c.Pad);
        if (size == least && !AllFit(window, folded, texts, size, c.Pad))
        {
            texts = _foldedShort;
            size = FoldedSize(window, folded, texts, c.Small, least, c.Pad);
        }
        (_foldedDrawn, _foldedSize) = (texts, size);
        for (int i = 0; i < folded.Length; i++)
        {
            var r = folded[i];
            if (r.Height <= 0) continue;
            window.DrawRectangle(r.X, r.Y, r.Width, r.Height, c.Theme.Panel);
            window.DrawRectangle(r.X, r.Y, r.Width, 2, c.Theme.DimText.WithAlpha(120));
            TextFit.Draw(window, texts[i], r.X + c.Pad, r.Y + (r.Height - size) * 0.5f, size, size, r.Width - 2 * c.Pad, c.Theme.DimText);
        }
    }

    /// <summary>The largest size from <paramref name="max"/> to <paramref name="min"/> at which every folded line of <paramref name="texts"/> fits (<paramref name="min"/> if none).</summary>
    private static int FoldedSize(Window window, ReadOnlySpan<PanelRect> folded, string[] texts, int max, int min, float pad)
    {
        int size = max;
        for (int i = 0; i < folded.Length; i++)
            if (folded[i].Height > 0) size = Math.Min(size, TextFit.Size(window, texts[i], max, min, folded[i].Width - 2 * pad));
        return size;
    }

    private static bool AllFit(Window window, ReadOnlySpan<PanelRect> folded, string[] texts, int size, float pad)
    {
        for (int i = 0; i < folded.Length; i++)
            if (folded[i].Height > 0 && window.MeasureText(texts[i], size).X > folded[i].Width - 2 * pad) return false;
        return true;
    }

    private string[] _foldedDrawn = [];
    private int _foldedSize;

    /// <summary>The line a folded panel showed in the last frame, and its text size.</summary>
    public (string Text, int Size) FoldedLine(PanelKind kind) => (_foldedDrawn.Length > 0 ? _foldedDrawn[kind.Index] : "", _foldedSize);

    private readonly string[] _foldedText = [.. PanelRegistry.All.Select(k => $"▸ {k.Title} ({k.KeyLabel}): click to show")];
    private readonly string[] _foldedShort = [.. PanelRegistry.All.Select(k => $"▸ {k.Title} ({k.KeyLabel})")];

    public void DrawBadges(Window window, in FrameInfo info, int textSize)
    {
        if (!session.Recording.IsRecording) return;
        var c = new PanelContext(session.World, session, textSize, info.SelectedBall, info.Theme);
        var text = _recording.Clear().Append("● REC  ").Append(session.Recording.Frames).Append(" frames").Span;
        float w = window.MeasureText(text, c.Small).X;
        window.DrawRectangle(window.Width - w - 2.5f * c.Pad, c.Pad * 0.5f, w + 2 * c.Pad, c.Small * 1.4f, c.Theme.Sheet);
        window.DrawText(text, window.Width - w - 1.5f * c.Pad, c.Pad * 0.5f + c.Small * 0.2f, c.Small, c.Theme.Recording);
    }
}
