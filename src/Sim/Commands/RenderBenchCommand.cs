using System.Diagnostics;
using System.Globalization;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;

namespace Sim.Commands;

/// <summary>
/// <c>sim bench-render</c>: frames per second of the playground's drawing, headless, each frame one
/// simulation step and waited for on the GPU (glFinish) so the time is the real cost. Cases: an empty
/// frame (clear and swap), the surface alone, the default scene, linreg with the mini-batch surface,
/// 1,000 balls with trails. Also the start-up time to the first frame. One line per case, then a summary.
/// </summary>
public static class RenderBenchCommand
{
    private static readonly string[] CaseNames = ["empty", "surface", "default", "linreg_minibatch", "balls_1000"];

    public static int Run(string[] args)
    {
        var a = new Arguments("bench-render", args, ["--size", "--frames", "--resolution", "--msaa", "--cases"], []);
        var (width, height) = SceneArguments.Size(a, "--size", (1280, 720));
        int frames = a.Int("--frames", 240, 10, 10_000);
        int resolution = a.Int("--resolution", 256, 16, 2048);
        int? msaa = a.Has("--msaa") ? a.Int("--msaa", 0, 0, 16) : null;
        var cases = a.Value("--cases")?.Split(',') ?? CaseNames;
        foreach (var name in cases)
            if (Array.IndexOf(CaseNames, name) < 0)
                throw new InputError($"--cases: unknown case {InputError.Quote(name)}; expected some of {string.Join(", ", CaseNames)}");
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
