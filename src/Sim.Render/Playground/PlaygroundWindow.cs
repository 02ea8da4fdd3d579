using System.Diagnostics;
using System.Globalization;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Playground;

/// <summary>
/// The interactive window, as raylib's and bepu's demos are written: open, then a loop of input
/// (keys and mouse change the <see cref="AppState"/>), update (whole fixed steps as the clock says,
/// the panels' own work) and draw (the state through <see cref="SceneRenderer"/>, between the last two
/// steps), then close. Platform problems (no display, missing library) surface as <see cref="PlatformError"/>.
/// </summary>
public sealed class PlaygroundWindow : IDisposable
{
    private readonly Window _window;
    private readonly SceneRenderer _renderer;
    private readonly PlaygroundOptions _options;
    private readonly AppState _state;
    private readonly ClassroomSession _session;
    private readonly ClassroomOverlay _overlay;
    private readonly PlaygroundControls _controls;
    private readonly ClassroomControls _classroom;
    private readonly Camera3D _camera;
    private readonly PointerControls _pointer = new();
    private readonly FrameTimer _frameTime = new();
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private World? _shown;
    private double _lastActivity;
    private SceneMargins _margins;
    private double _last, _firstFrame = -1;

    /// <summary>Runs until the window is closed or Q is pressed (or the timed screenshot is taken).</summary>
    public static void Run(World world, PlaygroundOptions options)
    {
        using var playground = new PlaygroundWindow(world, options);
        while (true)
        {
            long frameStart = Stopwatch.GetTimestamp();
            if (!playground.Input()) break;
            if (playground.Idle)
            {
                // Nothing moves and nobody touched anything: the frame on screen is still right.
                Thread.Sleep(IdlePoll);
                continue;
            }
            playground.Update();
            if (!playground.Draw()) break;
            playground.Rest(frameStart);
        }
    }

    private PlaygroundWindow(World world, PlaygroundOptions options)
    {
        _options = options;
        _window = Window.InitWindow(options.Width, options.Height, options.Title,
            new WindowOptions { Mode = options.Mode, Samples = 0 }); // the renderer multisamples offscreen
        _state = new AppState(world, options.SceneTitle);
        _renderer = new SceneRenderer(_window, world.Landscape, ClassroomKeys.HelpRows) { Layers = _state.Layers };
        _renderer.Basins.Mapper.WarmUp(world); // the first W shows its map as soon as later ones
        _session = new ClassroomSession(_state);
        _renderer.Overlay = _overlay = new ClassroomOverlay(_session);
        _camera = _renderer.DefaultCamera(world);
        _controls = new PlaygroundControls(_state, _camera) { Fullscreen = options.Fullscreen, Clipboard = _window.GetClipboardText };
        _window.TextInput = false; // typed text is wanted only while the formula field is open
        _classroom = new ClassroomControls(_controls, _session);
        if (options.Lesson is { } lesson) _classroom.OpenLesson(lesson.Lesson, lesson.Step);
        _margins = _renderer.Margins;
    }

    /// <summary>Drawing goes on this long after the last change, for what fades (labels, notices).</summary>
    public const double IdleAfterSeconds = 6;

    /// <summary>How often an idle window looks for input.</summary>
    public static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Paused, no input, no notice, no recording and nothing fading for a while: a redraw would draw the
    /// same frame, so the loop only polls for input (a paused window then costs next to nothing).
    /// </summary>
    private bool Idle =>
        _firstFrame >= 0 && _options.ScreenshotAfterSeconds is null && _wall.Elapsed.TotalSeconds - _lastActivity > IdleAfterSeconds;

    // Input: keys (the classroom's first: in a lesson, the menu or the parameter panel some keys mean
    // something else), full screen, and the mouse on the camera or the surface. False: quit.
    private bool Input()
    {
        var input = _window.PollInputEvents();
        if (_window.WindowShouldClose()) return false;
        if (input.Events > 0 || !_state.Clock.Paused || _state.Notice is not null || _session.Recording.IsRecording || _controls.ScreenshotRequested
            || _state.ExplainerPlayback is not null)
            _lastActivity = _wall.Elapsed.TotalSeconds;
        bool typing = _state.Formula.IsOpen; // text of the key that opened the field is not typed into it
        // Indexed, not foreach: an interface's enumerator would be an allocation every frame.
        for (int k = 0; k < input.KeysPressed.Count; k++) Dispatch(input.KeysPressed[k], input, k, repeat: false);
        for (int k = 0; k < input.KeysRepeated.Count; k++) Dispatch(input.KeysRepeated[k], input, k, repeat: true);
        if (typing && _state.Formula.IsOpen) _controls.TypeFormula(input.Text);
        if (_window.TextInput != _state.Formula.IsOpen) _window.TextInput = _state.Formula.IsOpen;
        if (_controls.QuitRequested) return false;
        if (_window.Fullscreen != _controls.Fullscreen)
        {
            _window.Fullscreen = _controls.Fullscreen;
            _controls.Fullscreen = _window.Fullscreen; // a driver without full screen keeps the window
        }
        ShowCurrentWorld();
        _renderer.Sync(_state.World); // picking needs the surface of the landscape now shown
        var click = _pointer.Update(input, _camera, _window.Width, _window.Height, _state.TopDown);
        var hovered = _renderer.Targets.At(input.MousePosition.X, input.MousePosition.Y);
        _state.Tooltip = hovered is { } over
            ? (Clicks.Tooltip(_classroom, over), Clicks.TooltipAnchor(input.MousePosition, _window.Width, _renderer.Margins.Right, _renderer.PanelWidth))
            : default;
        if (click is { } at && _renderer.Targets.At(at.X, at.Y) is { } target) Clicks.Click(_classroom, target);
        else if (click is { } onPanel && !OnScene(onPanel.X, onPanel.Y)) ClickOnPanels(onPanel.X, onPanel.Y);
        else if (click is { } onScene)
        {
            var (origin, direction) = _camera.ScreenRay(onScene, _window.Width, _window.Height);
            if (SurfacePicker.Pick(_renderer.Surface, origin, direction) is { } start) _controls.SetStart(start);
            else _controls.Say("click on the surface to start every ball there");
        }
        return true;
    }

    private void Dispatch(Key key, Platform.Input input, int index, bool repeat)
    {
        var (shift, control) = input.ModifiersOf(index, repeat); // as held when this key went down
        Clicks.Press(_classroom, key, shift, control, repeat);
    }

    /// <summary>A folded panel's title line brings it back, laid out first.</summary>
    private void ClickOnPanels(float x, float y)
    {
        if (_overlay.Layout.FoldedAt(x, y) is { } kind) _state.FirstPanel = kind;
    }

    /// <summary>A click on a panel is a click on the text, not on the surface the panel hides.</summary>
    private bool OnScene(float x, float y) =>
        x > _renderer.PanelWidth && x < _window.Width - _renderer.Margins.Right && y < _window.Height - _renderer.Margins.Bottom;

    /// <summary>A lesson's step or a new landscape brings its own world: title it and frame it.</summary>
    private void ShowCurrentWorld()
    {
        if (ReferenceEquals(_state.World, _shown)) return;
        _renderer.SetTitle(_state.Title, _state.World.Landscape);
        _controls.FrameRequested = true;
        _shown = _state.World;
    }

    // Update: whole steps for the time that passed (a recording's frame time while recording, so it plays
    // back at the speed the room saw), the notice's clock, the camera's framing, the panels' own work.
    private void Update()
    {
        double now = _wall.Elapsed.TotalSeconds, dt = now - _last;
        _last = now;
        double simulated = _session.Recording.IsRecording ? 1.0 / FrameSequence.FramesPerSecond : dt;
        for (int steps = _state.Clock.Tick(simulated); steps > 0; steps--)
        {
            _state.World.Advance();
            _session.Record();
        }
        _session.Record(); // a single step from a key, a reset
        _controls.Elapse(dt);
        _renderer.Update(_state.World, _state.Frame()); // a network's new surface, if one is ready, comes in here
        var domain = _renderer.Surface.Landscape.Domain;
        bool resampled = _renderer.Sync(_state.World);
        // A network's surface refitted to its balls keeps the user's view, scaled with its domain.
        bool followed = resampled && _state.World.Objective is not Sim.Core.Landscapes.Landscape;
        if ((resampled && !followed) || _controls.FrameRequested || _renderer.Margins != _margins)
        {
            _renderer.FrameCamera(_camera, _state.World, _state.TopDown, _state.TextScale);
            _controls.FrameRequested = false;
            _margins = _renderer.Margins;
        }
        else if (followed && _renderer.Surface.Landscape.Domain != domain) SceneCamera.Rescale(_camera, domain, _renderer.Surface.Landscape.Domain);
        if (_renderer.Planes.Problem is { } problem && _state.Notice is null) _controls.Say(problem, 6);
    }

    // Draw: the frame, then what is saved of it (screenshot, recording, the timed screenshot). False: done.
    private bool Draw()
    {
        // A recording leaves out the frame time: it is this machine's, and it flickers from frame to frame of the video.
        var frame = _state.Frame(_session.Recording.IsRecording ? 0 : _frameTime.Average, _wall.Elapsed.TotalSeconds);
        _window.BeginDrawing(frame.Theme.Background);
        _renderer.Draw(_state.World, _camera, frame);
        // Saved pictures are the scene as the room sees it, without the badge or notices.
        if (_session.Recording.IsRecording) RecordFrame();
        if (_controls.ScreenshotRequested)
        {
            _controls.ScreenshotRequested = false;
            Screenshot();
        }
        _renderer.DrawNotices(frame);
        double now = _wall.Elapsed.TotalSeconds;
        bool done = false;
        if (_firstFrame >= 0 && _options.ScreenshotAfterSeconds is { } after && now - _firstFrame >= after)
        {
            _window.TakeScreenshot(_options.ScreenshotPath ?? NewScreenshotPath());
            done = true;
        }
        _window.EndDrawing();
        if (_firstFrame < 0) _firstFrame = _wall.Elapsed.TotalSeconds;
        return !done;
    }

    /// <summary>Without vsync (Xvfb, some drivers) the loop would spin as fast as it can: rest instead.</summary>
    private void Rest(long frameStart)
    {
        _frameTime.Add(Stopwatch.GetElapsedTime(frameStart).TotalMilliseconds, _last);
        var rest = TimeSpan.FromSeconds(1.0 / _options.MaxFrameRate) - Stopwatch.GetElapsedTime(frameStart);
        if (rest > TimeSpan.FromMilliseconds(1)) Thread.Sleep(rest);
    }

    private void Screenshot()
    {
        string path = NewScreenshotPath();
        try
        {
            _window.TakeScreenshot(path);
            _controls.Say($"saved {path}");
        }
        catch (Exception e) when (e is PlatformError or IOException or UnauthorizedAccessException)
        {
            _controls.Say($"screenshot failed: {e.Message}", 6);
        }
    }

    private void RecordFrame()
    {
        try
        {
            _window.TakeScreenshot(_session.Recording.NextPath());
        }
        catch (Exception e) when (e is PlatformError or IOException or UnauthorizedAccessException)
        {
            var (folder, frames) = _session.Recording.Stop();
            _controls.Say($"recording stopped after {frames - 1} frames in {folder}: {e.Message}", 6);
        }
    }

    /// <summary>sim-YYYYMMDD-HHMMSS.png in the current folder, numbered if taken twice in a second.</summary>
    private static string NewScreenshotPath()
    {
        string stem = "sim-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string path = stem + ".png";
        for (int i = 2; File.Exists(path); i++) path = $"{stem}-{i}.png";
        return path;
    }

    public void Dispose()
    {
        _renderer.Dispose();
        _window.Dispose();
    }

    /// <summary>Time each frame's work took (input, steps, drawing, swap), averaged over half-second windows.</summary>
    private sealed class FrameTimer
    {
        private double _sum, _windowStart;
        private int _count;

        /// <summary>The last half-second's average in milliseconds; 0 until the first half second is over.</summary>
        public double Average { get; private set; }

        public void Add(double milliseconds, double now)
        {
            _sum += milliseconds;
            _count++;
            if (now - _windowStart < 0.5) return;
            Average = _sum / _count;
            _sum = 0;
            _count = 0;
            _windowStart = now;
        }
    }
}
