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
    private readonly PanelRect[] _rects = new PanelRect[PanelRegistry.All.Count];
    private readonly CaptionBand _caption = new();
    private readonly LessonMenuOverlay _menu = new();
    private readonly TextMemo<(Sim.Core.Lessons.Lesson?, int)> _tag = new();
    private readonly TextLine _recording = new();
    private SceneMargins _margins;

    public ClassroomOverlay(ClassroomSession session) => this.session = session;

    public ClassroomSession Session => session;

    /// <summary>Where each open panel was drawn in the last frame, in the registry's order (empty rectangles for closed ones).</summary>
    public ReadOnlySpan<PanelRect> PanelRects => _rects;

    /// <summary>Where the caption band was drawn in the last frame (empty without a lesson).</summary>
    public PanelRect CaptionRect { get; private set; }

    /// <summary>This overlay's panel of <paramref name="kind"/>.</summary>
    public IPanel Panel(PanelKind kind) => _panels[kind.Index];

    public StepExplainer Explainer => (StepExplainer)Panel(StepExplainer.Kind);

    /// <summary>The column's width: 15 text heights, within a quarter and two fifths of the window.</summary>
    public static float ColumnWidth(Window window, int textSize) => Math.Clamp(15f * textSize, 0.24f * window.Width, 0.40f * window.Width);

    private static readonly PanelSet Plots = PanelSet.Of(LossPanel.Kind, LearningRatePanel.Kind, EmaPanel.Kind, StepSizePanel.Kind);

    private const float MinPlotShare = 0.55f;

    private static float Gap(int textSize) => textSize * 0.35f;

    /// <summary>Under the caption band: the heads-up display's bottom line (arrow legend, help).</summary>
    private static float BottomLine(int textSize) => textSize * 4 / 5 * 1.6f;

    public SceneMargins Margins(Window window, World world, int textSize)
    {
        float right = AnyColumnPanel ? ColumnWidth(window, textSize) + 2 * Gap(textSize) : 0;
        float bottom = session.Step is { } step
            ? _caption.Height(window, step.Caption, textSize, window.Width) + BottomLine(textSize) + Gap(textSize)
            : 0;
        return _margins = new SceneMargins(right, bottom);
    }

    private bool AnyColumnPanel
    {
        get
        {
            for (int i = 0; i < _panels.Length; i++)
                if (_panels[i].HasBox && session.Panels.Has(PanelRegistry.All[i])) return true;
            return false;
        }
    }

    private bool IsOpen(int i) => session.Panels.Has(PanelRegistry.All[i]);

    public void Update(World world, int selectedBall)
    {
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
        var c = new PanelContext(world, session, size, info.SelectedBall, info.Theme);
        for (int i = 0; i < _panels.Length; i++)
            if (IsOpen(i)) _panels[i].DrawOverScene(window, frame, c);
        DrawColumn(window, c);
        CaptionRect = default;
        if (session.Step is { } step)
        {
            float height = _margins.Bottom - BottomLine(size) - Gap(size);
            CaptionRect = new PanelRect(0, window.Height - BottomLine(size) - height, window.Width, height);
            var tag = _tag.Get((session.Lesson, session.StepNumber), static k => ClassroomSession.Tag(k.Item1, k.Item2) + "      Page Down: next step");
            _caption.Draw(window, CaptionRect, step.Caption, tag, size, c.Theme);
        }
        if (session.Recording.IsRecording)
        {
            var text = _recording.Clear().Append("● REC  ").Append(session.Recording.Frames).Append(" frames").Span;
            float w = window.MeasureText(text, c.Small).X;
            window.DrawRectangle(window.Width - w - 2.5f * c.Pad, c.Pad * 0.5f, w + 2 * c.Pad, c.Small * 1.4f, c.Theme.Sheet);
            window.DrawText(text, window.Width - w - 1.5f * c.Pad, c.Pad * 0.5f + c.Small * 0.2f, c.Small, c.Theme.Recording);
        }
        if (session.Menu.IsOpen) _menu.Draw(window, session.Menu, size, c.Theme);
    }

    private void DrawColumn(Window window, in PanelContext c)
    {
        Array.Clear(_rects);
        float gap = Gap(c.TextSize), width = ColumnWidth(window, c.TextSize);
        float x = window.Width - width - gap, top = gap;
        float bottom = window.Height - (session.Step is null ? BottomLine(c.TextSize) : _margins.Bottom) - gap;
        int open = 0;
        float tables = 0, plots = 0;
        for (int i = 0; i < _panels.Length; i++)
        {
            if (!IsOpen(i) || !_panels[i].HasBox) continue;
            open++;
            float h = _panels[i].PreferredHeight(c);
            if (Plots.Has(PanelRegistry.All[i])) plots += h;
            else tables += h;
        }
        if (open == 0) return;
        float room = bottom - top - gap * (open - 1);
        // Tables (leaderboard, parameters, ...) get their rows; plots share the rest, from 55% of their
        // height up to twice it. Too crowded even so: everything gives up the same share.
        float plotScale = plots > 0 ? Math.Clamp((room - tables) / plots, MinPlotShare, 2) : 1;
        float needed = tables + plots * plotScale;
        float shrink = needed > room ? room / needed : 1;
        float y = top;
        for (int i = 0; i < _panels.Length; i++)
        {
            if (!IsOpen(i) || !_panels[i].HasBox) continue;
            float h = _panels[i].PreferredHeight(c) * shrink * (Plots.Has(PanelRegistry.All[i]) ? plotScale : 1);
            _rects[i] = new PanelRect(x, y, width, h);
            _panels[i].Draw(window, _rects[i], c);
            y += h + gap;
        }
    }
}
