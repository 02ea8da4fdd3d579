using System.Diagnostics;
using System.Globalization;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Playground;

/// <summary>
/// The interactive window: each frame reads the keys and mouse, advances the world by whole fixed
/// steps as the clock says, and draws it through <see cref="SceneRenderer"/> between the last two
/// steps. Platform problems (no display, missing library) surface as <see cref="PlatformError"/>.
/// </summary>
public static class PlaygroundWindow
{
    /// <summary>Runs until the window is closed or Q is pressed (or the timed screenshot is taken).</summary>
    public static void Run(World world, PlaygroundOptions options)
    {
        using var window = Window.InitWindow(options.Width, options.Height, options.Title,
            new WindowOptions { Mode = options.Mode, Samples = 0 }); // the renderer multisamples offscreen
        using var renderer = new SceneRenderer(window, world.Landscape, ClassroomKeys.HelpRows);
        var session = new ClassroomSession(world, options.SceneTitle);
        renderer.Overlay = new ClassroomOverlay(session);
        var clock = new StepClock();
        var camera = renderer.DefaultCamera(world);
        var controls = new PlaygroundControls(world, camera, renderer.Layers, clock) { Fullscreen = options.Fullscreen };
        var classroom = new ClassroomControls(controls, session);
        if (options.Lesson is { } lesson) classroom.OpenLesson(lesson.Lesson, lesson.Step);
        World? shown = null;
        var margins = renderer.Margins;
        var pointer = new PointerControls();
        var frameTime = new FrameTimer();
        var wall = Stopwatch.StartNew();
        double last = 0, firstFrame = -1;

        while (true)
        {
            long frameStart = Stopwatch.GetTimestamp();
            var input = window.PollInputEvents();
            if (window.WindowShouldClose()) break;
            // Indexed, not foreach: an interface's enumerator would be an allocation every frame.
            // The classroom's keys first: in a lesson, the menu or the parameter panel some keys mean something else.
            for (int k = 0; k < input.KeysPressed.Count; k++)
                if (!ClassroomKeys.Dispatch(classroom, input.KeysPressed[k], input.IsShiftDown, input.IsControlDown))
                    KeyBindings.Dispatch(controls, input.KeysPressed[k], input.IsShiftDown, input.IsControlDown);
            for (int k = 0; k < input.KeysRepeated.Count; k++)
                if (!ClassroomKeys.Dispatch(classroom, input.KeysRepeated[k], input.IsShiftDown, input.IsControlDown, repeat: true))
                    KeyBindings.Dispatch(controls, input.KeysRepeated[k], input.IsShiftDown, input.IsControlDown, repeat: true);
            if (controls.QuitRequested) break;
            if (window.Fullscreen != controls.Fullscreen)
            {
                window.Fullscreen = controls.Fullscreen;
                controls.Fullscreen = window.Fullscreen; // a driver without full screen keeps the window
            }

            world = controls.World; // a lesson's step brings its own world
            if (!ReferenceEquals(world, shown))
            {
                renderer.SetTitle(session.Title, world.Landscape);
                controls.FrameRequested = true;
                shown = world;
            }
            renderer.TextScale = classroom.TextScale;
            renderer.Theme = classroom.Theme;
            renderer.Sync(world); // picking needs the surface of the landscape now shown
            // A click on a panel is a click on the text, not on the surface the panel hides.
            if (pointer.Update(input, camera, window.Width, window.Height, controls.TopDown) is { } click && click.X > renderer.PanelWidth
                && click.X < window.Width - renderer.Margins.Right && click.Y < window.Height - renderer.Margins.Bottom)
            {
                var (origin, direction) = camera.ScreenRay(click, window.Width, window.Height);
                if (SurfacePicker.Pick(renderer.Surface, origin, direction) is { } start) controls.SetStart(start);
                else controls.Say("click on the surface to start every ball there");
            }

            double now = wall.Elapsed.TotalSeconds, dt = now - last;
            last = now;
            // A recording advances by its frame rate's time per frame, so it plays back at the speed the room saw.
            double simulated = session.Recording.IsRecording ? 1.0 / FrameSequence.FramesPerSecond : dt;
            for (int steps = clock.Tick(simulated); steps > 0; steps--)
            {
                world.Advance();
                session.Record();
            }
            session.Record(); // a single step from a key, a reset
            controls.Elapse(dt);

            if (renderer.Sync(world) || controls.FrameRequested || renderer.Margins != margins)
            {
                renderer.FrameCamera(camera, world, controls.TopDown);
                controls.FrameRequested = false;
                margins = renderer.Margins;
            }

            window.BeginDrawing(SceneColours.Background);
            renderer.Draw(world, camera, new FrameInfo
            {
                Interpolation = clock.Fraction,
                Paused = clock.Paused,
                StepsPerSecond = clock.StepsPerSecond,
                FrameMilliseconds = frameTime.Average,
                SelectedBall = controls.SelectedBall,
                Message = controls.Message,
            });
            if (controls.ScreenshotRequested)
            {
                controls.ScreenshotRequested = false;
                Screenshot(window, controls);
            }
            if (session.Recording.IsRecording) RecordFrame(window, session, controls);
            bool done = false;
            if (firstFrame >= 0 && options.ScreenshotAfterSeconds is { } after && now - firstFrame >= after)
            {
                window.TakeScreenshot(options.ScreenshotPath ?? NewScreenshotPath());
                done = true;
            }
            window.EndDrawing();
            if (firstFrame < 0) firstFrame = wall.Elapsed.TotalSeconds;
            if (done) break;

            frameTime.Add(Stopwatch.GetElapsedTime(frameStart).TotalMilliseconds, now);
            // Without vsync (Xvfb, some drivers) the loop would spin as fast as it can: rest instead.
            var rest = TimeSpan.FromSeconds(1.0 / options.MaxFrameRate) - Stopwatch.GetElapsedTime(frameStart);
            if (rest > TimeSpan.FromMilliseconds(1)) Thread.Sleep(rest);
        }
    }

    private static void Screenshot(Window window, PlaygroundControls controls)
    {
        string path = NewScreenshotPath();
        try
        {
            window.TakeScreenshot(path);
            controls.Say($"saved {path}");
        }
        catch (Exception e) when (e is PlatformError or IOException or UnauthorizedAccessException)
        {
            controls.Say($"screenshot failed: {e.Message}", 6);
        }
    }

    private static void RecordFrame(Window window, ClassroomSession session, PlaygroundControls controls)
    {
        try
        {
            window.TakeScreenshot(session.Recording.NextPath());
        }
        catch (Exception e) when (e is PlatformError or IOException or UnauthorizedAccessException)
        {
            var (folder, frames) = session.Recording.Stop();
            controls.Say($"recording stopped after {frames - 1} frames in {folder}: {e.Message}", 6);
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
