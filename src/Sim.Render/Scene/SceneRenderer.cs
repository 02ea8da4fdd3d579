using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Draws one frame of a <see cref="World"/>: the lit, colour-mapped surface with contours and minima,
/// the mini-batch's own surface, trails, balls, arrows, labels, the heads-up display and help.
/// The window and <c>sim render</c> both draw through this class, so a rendered PNG is what the window
/// shows. The surface is uploaded once per landscape; per-frame geometry goes into reused buffers.
/// Call between <see cref="Window.BeginDrawing"/> and <see cref="Window.EndDrawing"/>.
/// </summary>
public sealed class SceneRenderer : IDisposable
{
    private readonly Window _window;
    private readonly SurfaceMesh _surface;
    private readonly ScenePlacement _placement;
    private readonly SegmentBuffer _markers = new(), _trails = new(), _arrows = new(), _rings = new(), _halo = new(), _overlayLines = new(), _stems = new(), _moments = new();
    private readonly PlaneFollower _follower = new();
    private readonly TrailGeometry _trailGeometry = new();
    private readonly ArrowGeometry _arrowGeometry = new();
    private readonly BatchSurfaceWire _batchWire = new();
    private readonly HeadsUpDisplay _hud = new();
    private readonly BallLabels _labels = new();
    private readonly HelpOverlay _help;
    private readonly BasinLayer _basins = new();
    private readonly SwarmPoints _swarm = new();
    private readonly BallPositions _positions = new();
    private readonly List<LineSegment> _markerList = [];
    private readonly SurfaceCache _cache;
    private readonly Action _drawMarkers;
    private Theme _theme = Theme.Standard; // the frame's, for the static markers drawn inside the surface cache
    private SphereInstance[] _spheres = new SphereInstance[16];

    /// <summary>
    /// A renderer for <paramref name="window"/>, which should be opened without multisampling: the scene
    /// is drawn offscreen with <paramref name="samples"/> (null: 4 on a GPU, none on a software renderer,
    /// where multisampling costs more than the frame budget) and shown resolved.
    /// </summary>
    public SceneRenderer(Window window, Landscape landscape, IReadOnlyList<(string Keys, string Action)> helpRows,
        SurfaceOptions? options = null, int? samples = null)
    {
        _window = window;
        _surface = new SurfaceMesh(landscape, options ?? DefaultSurface);
        _placement = new ScenePlacement(_surface);
        _help = new HelpOverlay(helpRows);
        _cache = new SurfaceCache(window, _surface, samples ?? (IsSoftware(window.GlRenderer) ? 0 : 4));
        _drawMarkers = () => DrawOutlined(_markers.Span, 4f, _theme);
        BuildMarkers();
    }

    /// <summary>
    /// 256×256 samples; on a log scale, a floor ten times shallower than the mesh's default so that a
    /// trail along Rosenbrock's valley floor is not hidden between its walls.
    /// </summary>
    public static SurfaceOptions DefaultSurface { get; } = new() { LogEpsilon = 1e-3 };

    /// <summary>Mesa's CPU rasterisers and SwiftShader: every pixel and triangle costs CPU time.</summary>
    public static bool IsSoftware(string glRenderer) =>
        glRenderer.Contains("llvmpipe", StringComparison.OrdinalIgnoreCase) || glRenderer.Contains("softpipe", StringComparison.OrdinalIgnoreCase)
        || glRenderer.Contains("swrast", StringComparison.OrdinalIgnoreCase) || glRenderer.Contains("SwiftShader", StringComparison.OrdinalIgnoreCase);

    /// <summary>Multisample count of the offscreen scene (0 for none).</summary>
    public int Samples => _cache.Samples;

    /// <summary>Times the surface itself was drawn; a still camera draws it once, not every frame.</summary>
    public int SurfaceRedraws => _cache.Redraws;

    /// <summary>Which optional layers frames show: the app state's own when a window draws, else this renderer's.</summary>
    public SceneLayers Layers { get; set; } = new();

    /// <summary>Drawn with each frame (the classroom's captions and panels), or null.</summary>
    public ISceneOverlay? Overlay { get; set; }

    /// <summary>What can be clicked in the last frame, as the keys it stands for.</summary>
    public ClickTargets Targets { get; } = new();

    /// <summary>Room the overlay kept at the right and bottom in the last frame.</summary>
    public SceneMargins Margins { get; private set; }

    /// <summary>
    /// Heads the side panel with <paramref name="title"/> (a scenario's) while the world shows
    /// <paramref name="landscape"/>; on another landscape the panel is headed by that landscape's name.
    /// </summary>
    public void SetTitle(string? title, Landscape landscape) => _hud.Title = (title, landscape);

    /// <summary>Where each ball was drawn in the last frame (for checking pictures).</summary>
    public BallPositions Positions => _positions;

    /// <summary>Width of the side panel in the last frame, 0 without the heads-up display.</summary>
    public float PanelWidth { get; private set; }
    public SurfaceMesh Surface => _surface;
    public ScenePlacement Placement => _placement;

    /// <summary>Counts surface rebuilds, so cached geometry knows when it is stale.</summary>
    public int SurfaceVersion { get; private set; }

    /// <summary>The basin-map layer: its mapper computes off this thread (<see cref="BasinMapper.Wait"/> for a headless picture).</summary>
    public BasinLayer Basins => _basins;

    public SurfaceStyle SurfaceStyle { get; set; } = SurfaceStyle.Default with { ContourCount = 20 };

    /// <summary>Resamples and uploads the surface if the world moved to another landscape; true if it did.</summary>
    public bool Sync(World world)
    {
        if (ReferenceEquals(world.Landscape, _surface.Landscape)) return false;
        _surface.Rebuild(world.Landscape);
        _cache.Rebuild(world.Landscape);
        BuildMarkers();
        return true;
    }

    private void BuildMarkers()
    {
        _markerList.Clear();
        MinimumMarkers.Append(_surface, _markerList, 1.5f * MinimumMarkers.DefaultSize(_surface), Theme.Standard.Minimum);
        _markers.Clear();
        foreach (var m in _markerList) _markers.Add(m);
        SurfaceVersion++;
    }

    /// <summary>A camera framing the world's whole surface beside the side panel, in the default three-quarter view.</summary>
    public Camera3D DefaultCamera(World world, float textScale = 1)
    {
        var camera = new Camera3D { FovY = SceneCamera.FovY };
        FrameCamera(camera, world, topDown: false, textScale);
        return camera;
    }

    /// <summary>Frames the whole surface (after <see cref="Sync"/>) in the room the side panel and overlay leave at <paramref name="textScale"/>.</summary>
    public void FrameCamera(Camera3D camera, World world, bool topDown, float textScale = 1)
    {
        ApplyScale(textScale);
        var margins = OverlayMargins(world, textScale, -1);
        float panel = Layers.Hud && !margins.HostsLegend ? _hud.PanelWidth(_window, world) : 0;
        float roomWidth = Math.Max(_window.Width - panel - margins.Right, 1), roomHeight = Math.Max(_window.Height - margins.Bottom, 1);
        SceneCamera.Frame(camera, _surface, topDown, roomWidth / roomHeight, roomWidth / _window.Width, roomHeight / _window.Height);
    }

    private SceneMargins OverlayMargins(World world, float textScale, int selectedBall) =>
        Overlay?.Margins(_window, world, HeadsUpDisplay.TextSize(_window.Height, textScale), selectedBall, Layers.Hud) ?? default;

    /// <summary>Hands the frame's text scale to the parts that lay text out.</summary>
    private void ApplyScale(float textScale) => _hud.Scale = _labels.Scale = _help.Scale = textScale;

    /// <summary>
    /// Lets the overlay work out what it will draw (the explainer's next step) after the frame's steps
    /// and keys; call before <see cref="Draw"/>, which only reads.
    /// </summary>
    public void Update(World world, in FrameInfo info)
    {
        _follower.Update(world);
        _basins.Update(world, Layers, info.SelectedBall);
        Overlay?.Update(world, info.SelectedBall);
    }

    /// <summary>Keeps a network scene's plane and surface current (off the frame's thread); idle on a 2-D landscape.</summary>
    public PlaneFollower Planes => _follower;

    public void Draw(World world, Camera3D camera, in FrameInfo info)
    {
        Sync(world);
        ApplyScale(info.TextScale);
        var theme = _theme = info.Theme;
        float t = info.Interpolation, lines = theme.LineScale;
        // Centre the picture in the room the side panel and the overlay leave.
        Margins = OverlayMargins(world, info.TextScale, info.SelectedBall);
        PanelWidth = Layers.Hud && !Margins.HostsLegend ? _hud.PanelWidth(_window, world) : 0;
        camera.LensShift = new Vector2((PanelWidth - Margins.Right) / _window.Width, Margins.Bottom / _window.Height);
        _placement.BallCount = world.Balls.Count;
        _positions.Update(world, _placement, t);
        // The still surface is the backdrop and only what moves is drawn over it, in the room beside the
        // overlay's column and above its band: the panels cover the rest, and every pixel copied costs.
        int roomWidth = Math.Clamp((int)MathF.Ceiling(_window.Width - Margins.Right), 0, _window.Width);
        int roomHeight = Math.Clamp((int)MathF.Ceiling(_window.Height - Margins.Bottom), 0, _window.Height);
        var backdrop = _cache.Backdrop(camera, _window.Width, _window.Height, roomWidth, roomHeight,
            _basins.Style(_window, SurfaceStyle, world, Layers.BasinMap), theme.Background, SurfaceVersion, _drawMarkers);
        _window.DrawBackdrop(backdrop);
        _window.BeginMode3D(camera, backdrop);

        if (Layers.Trails)
        {
            _trails.Clear();
            _trailGeometry.Append(world, _placement, SurfaceVersion, t, theme, _trails);
            if (world.Balls.Count <= ScenePlacement.Crowd) DrawXRay(_trails.Span, 4f * lines); // a swarm's would be a haze
            DrawOutlined(_trails.Span, 4f * lines, theme);
        }
        // Drawn through the surface: where the batch's loss dips below the full loss the wire still shows,
        // and one pass (not a hidden and a visible one) keeps it cheap on a software renderer.
        if (Layers.BatchSurface && OnMiniBatches(world)) _window.DrawLines3D(_batchWire.Segments(world, _placement, SurfaceVersion, theme.BatchSurface), 1.5f, depthTested: false);

        _window.DrawSpheres(Spheres(world, theme));
        if (world.Objective is not Landscape) _window.DrawLines3D(Stems(world, theme), 3.5f * lines, 1.5f, theme.Outline.WithAlpha(150), depthTested: false);
        if (world.Swarm is { } swarm) _window.DrawPoints3D(_swarm.Build(swarm, _surface, _placement.BallRadius * 0.3f), SwarmPoints.Size(_window.Height));
        // Drawn through the surface: a ball at the bottom of a funnel is still seen to have arrived.
        _window.DrawLines3D(Rings(world, info.SelectedBall, theme), 3f * lines, 1.5f, theme.Outline.WithAlpha(190), depthTested: false);
        if (Layers.Arrows)
        {
            _arrows.Clear();
            _arrowGeometry.Append(world, _placement, _positions, SurfaceVersion, theme, _arrows);
            DrawOutlined(_arrows.Span, 4f * lines, theme);
        }
        if (Layers.Moments)
        {
            _moments.Clear();
            SecondMomentGlyph.Append(world, _placement, _positions, theme, _moments);
            DrawOutlined(_moments.Span, 3f * lines, theme);
        }
        if (Overlay is { } overlay)
        {
            _overlayLines.Clear();
            overlay.AppendSurfaceLines(world, info, _placement, _positions, _overlayLines);
            DrawOutlined(_overlayLines.Span, 4f * lines, theme);
        }
        _window.EndMode3D();

        Targets.Clear();
        _hud.Targets = Targets;
        _labels.Room = (PanelWidth, _window.Width - Margins.Right);
        if (Layers.Labels) _labels.Draw(_window, camera, world, _placement, _positions, info);
        if (Layers.Hud && !Margins.HostsLegend) _hud.Draw(_window, world, Layers, info);
        else if (Layers.Hud) _hud.DrawBottomLine(_window, Layers, info);
        Overlay?.Draw(_window, world, info, new OverlayFrame(PanelWidth, HeadsUpDisplay.TextSize(_window.Height, info.TextScale), camera, _placement, _positions)
        {
            Targets = Targets,
        });
        DrawBottomLines(world, info);
        if (Layers.Help) _help.Draw(_window, theme, PanelWidth);
    }

    /// <summary>The basin map's and the swarm's lines over the bottom of the scene, above the bottom line of the heads-up display when that is there.</summary>
    private void DrawBottomLines(World world, in FrameInfo info)
    {
        int size = HeadsUpDisplay.TextSize(_window.Height, info.TextScale);
        float left = PanelWidth, right = _window.Width - Margins.Right, bottom = SceneBottom(size);
        if (Layers.BasinMap) bottom = _basins.DrawCaption(_window, info.Theme, left, right, bottom, size * 4 / 5);
        if (world.Swarm is { } swarm) _swarm.DrawCaption(_window, swarm, info.Theme, left, right, bottom, size * 4 / 5);
    }

    /// <summary>The bottom of the scene's room for text laid over it: above the overlay's band, or above the heads-up display's bottom line.</summary>
    private float SceneBottom(int textSize) => _window.Height - Margins.Bottom - (Layers.Hud && Margins.Bottom <= 0 ? textSize * 1.6f : 0);

    /// <summary>
    /// Over everything, the help too: the notice (a toast) and the recording badge. Separate from
    /// <see cref="Draw"/> so a recorded frame is taken without them.
    /// </summary>
    public void DrawNotices(in FrameInfo info)
    {
        if (info.Formula is { } field)
        {
            int size = HeadsUpDisplay.TextSize(_window.Height, info.TextScale);
            FormulaFieldView.Draw(_window, field, info.Theme, PanelWidth, _window.Width - Margins.Right, SceneBottom(size), size);
        }
        _hud.DrawTooltip(_window, info);
        _hud.DrawNotice(_window, info, PanelWidth, _window.Width - Margins.Right);
        Overlay?.DrawBadges(_window, info, HeadsUpDisplay.TextSize(_window.Height, info.TextScale));
    }

    /// <summary>
    /// Whether some ball steps on batches smaller than the data set: at full batch the batch's surface is
    /// the surface itself, and a wire-frame over it would only hide it.
    /// </summary>
    public static bool OnMiniBatches(World world)
    {
        int m = world.Landscape.ExampleCount;
        if (m == 0) return false;
        for (int i = 0; i < world.Balls.Count; i++)
            if ((world.Balls[i].BatchSize ?? world.BatchSize) < m) return true;
        return false;
    }

    /// <summary>
    /// Lines over a dark outline: the palette's colours also occur in the surface's colour map
    /// (green on green, yellow on yellow), and the outline keeps every trail and arrow legible on it.
    /// </summary>
    private void DrawOutlined(ReadOnlySpan<LineSegment> segments, float width, Theme theme) =>
        _window.DrawLines3D(segments, width, 1.5f, theme.Outline.WithAlpha(190));

    /// <summary>
    /// Faint copies drawn through the surface: a path along the floor of a deep valley, or behind a hill,
    /// still shows where it runs, while its visible parts are drawn at full strength over it.
    /// </summary>
    private void DrawXRay(ReadOnlySpan<LineSegment> segments, float width)
    {
        _halo.Clear();
        foreach (ref readonly var s in segments)
            _halo.Add(new LineSegment(s.A, s.B, s.ColorA.WithAlpha((byte)(s.ColorA.A * 2 / 5)), s.ColorB.WithAlpha((byte)(s.ColorB.A * 2 / 5))));
        _window.DrawLines3D(_halo.Span, width, depthTested: false);
    }

    private ReadOnlySpan<SphereInstance> Spheres(World world, Theme theme)
    {
        var balls = world.Balls;
        if (_spheres.Length < balls.Count) _spheres = new SphereInstance[Math.Max(balls.Count, _spheres.Length * 2)];
        float r = _placement.BallRadius;
        int n = 0;
        for (int i = 0; i < balls.Count; i++)
            if (_positions.IsPlaced(i)) _spheres[n++] = new SphereInstance(_positions.Centre(i), r, theme.Of(balls[i]));
        return _spheres.AsSpan(0, n);
    }

    /// <summary>
    /// A network's ball is drawn at its projection (a, b) and its true loss; a stem joins it to the slice's
    /// surface at (a, b), with a small ring where it meets it, so the gap (the loss the plane leaves out) is
    /// seen, not hidden. Drawn through the surface: a ball below it still shows where it is.
    /// </summary>
    private ReadOnlySpan<LineSegment> Stems(World world, Theme theme)
    {
        _stems.Clear();
        const int sides = 16;
        float r = _placement.BallRadius;
        for (int i = 0; i < world.Balls.Count; i++)
        {
            if (!_positions.IsPlaced(i) || !_placement.TryPlace(_positions.Point(i), 0, out var foot)) continue;
            var centre = _positions.Centre(i);
            var colour = theme.Of(world.Balls[i]);
            float gap = centre.Y - foot.Y;
            if (MathF.Abs(gap) > r) _stems.Add(new LineSegment(foot, centre - new Vector3(0, MathF.Sign(gap) * r, 0), colour));
            for (int k = 0; k < sides; k++)
            {
                float a = 2 * MathF.PI * k / sides, b = 2 * MathF.PI * (k + 1) / sides;
                _stems.Add(new LineSegment(foot + new Vector3(MathF.Cos(a), 0, MathF.Sin(a)) * 0.6f * r,
                    foot + new Vector3(MathF.Cos(b), 0, MathF.Sin(b)) * 0.6f * r, colour));
            }
        }
        return _stems.Span;
    }

    /// <summary>
    /// A ring around each ball that reached a minimum, so "converged" reads without the legend, and a wider
    /// white one around the selected ball, so the hall sees which ball the keys act on.
    /// </summary>
    private ReadOnlySpan<LineSegment> Rings(World world, int selected, Theme theme)
    {
        _rings.Clear();
        const int sides = 32;
        float r = _placement.BallRadius;
        for (int i = 0; i < world.Balls.Count; i++)
        {
            var ball = world.Balls[i];
            bool isSelected = i == selected;
            if (!_positions.IsPlaced(i)) continue;
            var centre = _positions.Centre(i);
            if (world.Balls.Count <= ScenePlacement.Crowd) BallMark.AppendOutline(centre, r, i, theme.Of(ball), _rings);
            if (ball.Status != BallStatus.Converged && !isSelected) continue;
            var colour = isSelected ? theme.Text : Theme.From(ball.Colour);
            float ring = (isSelected ? 2.4f : 1.8f) * r;
            for (int k = 0; k < sides; k++)
            {
                float a = 2 * MathF.PI * k / sides, b = 2 * MathF.PI * (k + 1) / sides;
                _rings.Add(new LineSegment(centre + new Vector3(MathF.Cos(a), 0, MathF.Sin(a)) * ring,
                    centre + new Vector3(MathF.Cos(b), 0, MathF.Sin(b)) * ring, colour));
            }
        }
        return _rings.Span;
    }

    public void Dispose()
    {
        _follower.Dispose();
        _cache.Dispose();
        _basins.Dispose();
    }
}
