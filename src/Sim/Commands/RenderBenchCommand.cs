using System.Diagnostics;
using System.Globalization;
using Sim.Core;
using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render;
using Sim.Core.Lessons;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Scene.Panels;
using Sim.Render.Playground;
using Sim.Render.Scene;

namespace Sim.Commands;

/// <summary>
/// <c>sim bench-render</c>: frames per second of the playground's drawing, headless, each frame one
/// simulation step and waited for on the GPU (glFinish) so the time is the real cost. Cases: an empty
/// frame (clear and swap), the surface alone, the default scene, linreg with the mini-batch surface,
/// 1,000 balls with trails, the projector: a lesson step with two panels at 1920×1080, 10,000 swarm
/// points, and how soon the window's basin map appears. Also the start-up time to the first frame. One line per case, then a summary.
/// </summary>
public static class RenderBenchCommand
{
    private static readonly string[] CaseNames = ["empty", "surface", "default", "linreg_minibatch", "balls_1000", "projector", "swarm_10000", "basin_map", "network"];

    /// <summary>The swarm case: this many points stepped by the swarm engine and drawn as dots, beside the default scene's balls.</summary>
    private const int SwarmPoints = 10_000;

    /// <summary>
    /// Panels the network case opens when the registry has them (by their <c>--panels</c> names): the
    /// decision boundary, accuracy and Hessian spectrum of the network scenes' own panels.
    /// </summary>
    private static readonly string[] NetworkPanels = ["boundary", "accuracy", "spectrum"];

    /// <summary>The projector case: a lesson step with two panels (loss and step sizes) at full HD, as a hall sees it.</summary>
    private const string ProjectorLesson = "momentum";
    private const int ProjectorStep = 3, ProjectorWidth = 1920, ProjectorHeight = 1080;

    public static int Run(string[] args)
    {
        var a = new Arguments("bench-render", args, ["--size", "--frames", "--resolution", "--msaa", "--cases"], []);
        var cases = a.Value("--cases")?.Split(',') ?? CaseNames;
        foreach (var name in cases)
            if (Array.IndexOf(CaseNames, name) < 0)
                throw new InputError($"--cases: unknown case {InputError.Quote(name)}; expected some of {string.Join(", ", CaseNames)}");
        // One window a process: the projector case alone gets a projector's size unless --size says otherwise.
        var (width, height) = SceneArguments.Size(a, "--size", cases is ["projector"] ? (ProjectorWidth, ProjectorHeight) : (1280, 720));
        int frames = a.Int("--frames", 240, 10, 10_000);
        int resolution = a.Int("--resolution", 256, 16, 2048);
        int? msaa = a.Has("--msaa") ? a.Int("--msaa", 0, 0, 16) : null;
        var c = CultureInfo.InvariantCulture;
        var options = SceneRenderer.DefaultSurface with { Resolution = resolution };

        using var window = Window.InitWindow(width, height, "sim bench-render", WindowOptions.Headless with { Samples = 0 }); // the renderer multisamples offscreen
        // Start-up: from process start to the default scene's first frame finished.
        var first = DefaultScene.Scenario.CreateWorld();
        using (var renderer = new SceneRenderer(window, first.Landscape, KeyBindings.HelpRows, options, msaa))
        {
            Frame(window, renderer, first, renderer.DefaultCamera(first));
            double startup = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
            Console.WriteLine($"renderer: {window.GlRenderer}; OpenGL {window.GlVersion}; {renderer.Samples}x MSAA; {window.Width}x{window.Height}; surface {resolution}x{resolution}; {Environment.ProcessorCount} cores");
            Console.WriteLine(string.Create(c, $"startup_ms: {startup:F0}"));
        }

        var fps = new Dictionary<string, double>();
        foreach (var name in cases)
        {
            fps[name] = name switch
            {
                "empty" => Measure(c, name, frames, () =>
                {
                    window.BeginDrawing(Theme.Standard.Background);
                    window.EndDrawing();
                    window.WaitForGpu();
                }),
                "surface" => Case(c, name, window, options, msaa, new World(LandscapeCatalog.Create("rosenbrock"), []), frames, hud: false),
                "default" => Case(c, name, window, options, msaa, DefaultScene.Scenario.CreateWorld(), frames),
                "linreg_minibatch" => Case(c, name, window, options, msaa, OnLinreg(DefaultScene.Scenario.CreateWorld(), batch: 16), frames),
                "projector" => Projector(c, name, window, options, msaa, frames),
                "swarm_10000" => Case(c, name, window, options, msaa, WithSwarm(DefaultScene.Scenario.CreateWorld(), SwarmPoints), frames),
                "basin_map" => BasinMapCase(c, name, window, options, msaa),
                "network" => Network(c, name, window, options, msaa, frames),
                _ => Case(c, name, window, options, msaa, Swarm(1000), frames),
            };
        }

        var parts = new List<string>();
        if (fps.TryGetValue("default", out var scene))
            parts.Add(string.Create(c, $"default scene {scene:F1} fps at {window.Width}x{window.Height} with a {resolution}x{resolution} surface ({(scene >= 60 ? "meets" : "misses")} the 60 fps aim)"));
        foreach (var (name, value) in fps)
            if (name != "default") parts.Add(string.Create(c, $"{name} {value:F1} fps"));
        Console.WriteLine("summary: " + string.Join("; ", parts));
        return 0;
    }

    /// <summary>A scene's frames: warmed up by 300 steps so trails are long, then one step per frame.</summary>
    private static double Case(CultureInfo c, string name, Window window, SurfaceOptions options, int? msaa, World world, int frames, bool hud = true)
    {
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows, options, msaa);
        renderer.Layers.Hud = hud;
        var camera = renderer.DefaultCamera(world);
        for (int s = 0; s < 300; s++) world.Advance();
        return Measure(c, name, frames, () =>
        {
            world.Advance();
            Frame(window, renderer, world, camera);
        });
    }

    /// <summary>
    /// A lesson step with its caption, legend and two panels, each frame one step: what a lecture hall's
    /// projector shows (1920×1080 when run alone: <c>--cases projector</c>).
    /// </summary>
    private static double Projector(CultureInfo c, string name, Window window, SurfaceOptions options, int? msaa, int frames)
    {
        var lesson = LessonCatalog.Find(ProjectorLesson);
        var session = new ClassroomSession(lesson.Step(ProjectorStep).Scenario.CreateWorld(), null);
        session.OpenLesson(lesson, ProjectorStep);
        using var renderer = SessionRenderer(window, session, options, msaa);
        var camera = renderer.DefaultCamera(session.World);
        session.Advance(300);
        Console.WriteLine(string.Create(c, $"projector: {lesson.Name} step {ProjectorStep}, panels {session.Panels}, {window.Width}x{window.Height}"));
        return Measure(c, name, frames, SessionFrame(window, renderer, session, camera));
    }

    /// <summary>A renderer for a classroom session as the window sets it up: its overlay (caption, legend, panels) and title.</summary>
    private static SceneRenderer SessionRenderer(Window window, ClassroomSession session, SurfaceOptions options, int? msaa)
    {
        var renderer = new SceneRenderer(window, session.World.Landscape, ClassroomKeys.HelpRows, options, msaa);
        renderer.Overlay = new ClassroomOverlay(session);
        renderer.SetTitle(session.Title, session.World.Landscape);
        return renderer;
    }

    /// <summary>One frame of a session as the window runs it: a step, input, update, draw, and a wait for the GPU.</summary>
    private static Action SessionFrame(Window window, SceneRenderer renderer, ClassroomSession session, Camera3D camera)
    {
        var info = session.State.Frame(frameMilliseconds: 1);
        return () =>
        {
            session.Advance(1);
            window.PollInputEvents();
            renderer.Update(session.World, info);
            window.BeginDrawing(info.Theme.Background);
            renderer.Draw(session.World, camera, info);
            window.EndDrawing();
            window.WaitForGpu();
        };
    }

    /// <summary>
    /// Four copies of the lab's network (moons, 2,5,2,1 relu, mini-batches of 64) training under SGD, momentum,
    /// Adam and RMSprop, one step a frame, the surface following them every <see cref="PlaneFollower.FollowEverySteps"/>
    /// steps off the frame's thread, with the network panels the registry has.
    /// </summary>
    private static double Network(CultureInfo c, string name, Window window, SurfaceOptions options, int? msaa, int frames)
    {
        var session = new ClassroomSession(NetworkWorld(), "moons · network 2,5,2,1 relu");
        var opened = NetworkPanels.Where(p => PanelRegistry.Find(p) is not null).ToList();
        foreach (var panel in opened) session.Panels = session.Panels.With(PanelRegistry.Find(panel)!);
        using var renderer = SessionRenderer(window, session, options, msaa);
        var camera = renderer.DefaultCamera(session.World);
        // Past the trails' full length (1,024 points), so the line buffers have grown to their steady size.
        session.Advance(1100);
        int recomputed = renderer.Planes.Started;
        double fps = Measure(c, name, frames, SessionFrame(window, renderer, session, camera));
        Console.WriteLine(string.Create(c, $"network: {session.World.Balls.Count} networks of {session.World.Objective.ParameterCount} weights, " +
            $"surface recomputed {renderer.Planes.Started - recomputed} times off the frame's thread, panels {(opened.Count > 0 ? string.Join(",", opened) : "none (not in the registry yet)")}"));
        return fps;
    }

    private static World NetworkWorld()
    {
        var objective = new NetworkObjective(new NetworkArchitecture([2, 5, 2, 1]), DataSetCatalog.Create("moons", DataSource.DefaultExamples, DataSetCatalog.DefaultNoise("moons"), 1));
        var initial = NetworkWeights.HeInitialized(objective.Shape, 1);
        Optimizer[] rules = [new Sgd(0.1), new NgMomentum { LearningRate = 0.1 }, new Adam(0.01), new RmsProp(0.01)];
        var balls = rules.Select((o, i) => Ball.OfParameters(o.Name, Colour.Palette[i], o, initial));
        return new World(objective, balls, batchSize: 64);
    }

    private static void Frame(Window window, SceneRenderer renderer, World world, Camera3D camera)
    {
        window.PollInputEvents();
        window.BeginDrawing(Theme.Standard.Background);
        renderer.Draw(world, camera, new FrameInfo { FrameMilliseconds = 1 });
        window.EndDrawing();
        window.WaitForGpu();
    }

    private static double Measure(CultureInfo c, string name, int frames, Action frame)
    {
        for (int i = 0; i < Math.Min(frames / 4, 30); i++) frame(); // warm-up: JIT, caches, driver
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < frames; i++) frame();
        double seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double fps = frames / seconds;
        Console.WriteLine(string.Create(c, $"{name}: fps {fps:F1}, ms_per_frame {1000 / fps:F2}, allocated_bytes_per_frame {allocated / frames}, frames {frames}"));
        return fps;
    }

    /// <summary>The default scene with a swarm of <paramref name="points"/> random starts stepped with its first ball's optimizer.</summary>
    private static World WithSwarm(World world, int points)
    {
        world.Swarm = SwarmCloud.Of(new SwarmSpec(SwarmSpec.Shape.Random, points), world, 0);
        return world;
    }

    /// <summary>
    /// The basin map in the window: a second after the scene opens, from switching it on (W) until the 256×256, 500-step map is on the
    /// surface, drawing a frame each turn meanwhile, then again after bias correction is switched (B).
    /// Reports both delays and the longest frame while the map was computed (a stall would show there);
    /// returns the frames per second drawn while computing.
    /// </summary>
    private static double BasinMapCase(CultureInfo c, string name, Window window, SurfaceOptions options, int? msaa)
    {
        var landscape = LandscapeCatalog.Create("himmelblau");
        var world = new World(landscape, [new Ball("adam", Colour.Palette[0], OptimizerCatalog.Create("adam", Parameters.From(new Dictionary<string, string> { ["lr"] = "0.1" })), landscape.DefaultStart)]);
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows, options, msaa);
        var camera = renderer.DefaultCamera(world);
        // As the window: the JIT readied when it opens, a second of the scene, then W.
        renderer.Basins.Mapper.WarmUp(world);
        for (var shown = Stopwatch.StartNew(); shown.Elapsed.TotalSeconds < 1;) Frame(window, renderer, world, camera);
        renderer.Layers.BasinMap = true;
        var first = UntilMapShown(window, renderer, world, camera);
        world.SetBiasCorrection(false);
        var changed = UntilMapShown(window, renderer, world, camera);
        int frames = first.Frames + changed.Frames;
        double fps = frames / (first.Seconds + changed.Seconds);
        Console.WriteLine(string.Create(c,
            $"{name}: first_preview_ms {1000 * first.Preview:F0}, first_ms {1000 * first.Seconds:F0}, after_b_preview_ms {1000 * changed.Preview:F0}, after_b_ms {1000 * changed.Seconds:F0}, fps_while_computing {fps:F1}, " +
            $"max_frame_ms {1000 * Math.Max(first.MaxFrame, changed.MaxFrame):F1} (after B {1000 * changed.MaxFrame:F1}), swap_in_frame_ms {1000 * changed.LastFrame:F1}, " +
            $"grid {BasinMapper.DefaultGrid}, steps {BasinMapper.DefaultSteps}, threads {Environment.ProcessorCount}"));
        return fps;
    }

    /// <summary>Frames until the map is on the surface: how long, how long until its preview was, how many, the longest before the last, and the last (which swaps the map in).</summary>
    private static (double Seconds, double Preview, int Frames, double MaxFrame, double LastFrame) UntilMapShown(Window window, SceneRenderer renderer, World world, Camera3D camera)
    {
        var info = new FrameInfo { FrameMilliseconds = 1 };
        var clock = Stopwatch.StartNew();
        double maxFrame = 0, frame = 0, preview = -1;
        int frames = 0;
        do
        {
            maxFrame = Math.Max(maxFrame, frame);
            double start = clock.Elapsed.TotalSeconds;
            window.PollInputEvents();
            renderer.Update(world, info);
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(world, camera, info);
            window.EndDrawing();
            window.WaitForGpu();
            frame = clock.Elapsed.TotalSeconds - start;
            if (preview < 0 && renderer.Basins.Mapper.ShowsWanted) preview = clock.Elapsed.TotalSeconds;
            frames++;
        } while (renderer.Basins.Mapper.Computing || renderer.Basins.Mapper.Current is null);
        return (clock.Elapsed.TotalSeconds, preview, frames, maxFrame, frame);
    }

    /// <summary>The default scene's balls on linreg, with mini-batches.</summary>
    private static World OnLinreg(World world, int batch)
    {
        var linreg = LandscapeCatalog.Create("linreg");
        var balls = world.Balls.Select(b => new Ball(b.Label, b.Colour, b.Optimizer, linreg.DefaultStart));
        return new World(linreg, balls, batchSize: batch);
    }

    /// <summary>Many balls spread over Rosenbrock, the default scene's optimizers in turn.</summary>
    private static World Swarm(int count)
    {
        var landscape = LandscapeCatalog.Create("rosenbrock");
        var starts = BenchCommand.Starts(landscape, count, 1);
        var specs = DefaultScene.Scenario.Balls;
        var balls = new List<Ball>(count);
        for (int i = 0; i < count; i++)
        {
            var spec = specs[i % specs.Count];
            var optimizer = OptimizerCatalog.Create(spec.Optimizer, Parameters.From(spec.Params));
            balls.Add(new Ball($"{spec.Label ?? spec.Optimizer} {i + 1}", Colour.Palette[i % specs.Count], optimizer, starts[i]));
        }
        return new World(landscape, balls);
    }
}
