using Sim.Core;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;

namespace Sim.Commands;

/// <summary>
/// <c>sim render</c>: runs the scene headless (SDL's offscreen driver, no X server) for N steps and
/// writes one frame to a PNG, drawn by the same <see cref="SceneRenderer"/> as the window.
/// Options are checked before anything is drawn; a failed write leaves no file.
/// </summary>
public static class RenderCommand
{
    private static readonly string[] OwnOptions = ["--steps", "--out", "--size", "--view"];
    private static readonly string[] Switches = ["--no-trails", "--no-arrows", "--no-batch-surface", "--help-overlay"];

    public static int Run(string[] args)
    {
        var a = new Arguments("render", args, [.. SceneArguments.Options, .. OwnOptions], Switches);
        int steps = a.Int("--steps", -1, 0, 10_000_000);
        if (steps < 0) throw new InputError("--steps is required");
        string output = a.Required("--out");
        CheckOut(output, "--out");
        var (width, height) = SceneArguments.Size(a, "--size", (1280, 720));
        bool topDown = (a.Value("--view") ?? "3d") switch
        {
            "3d" => false,
            "top" => true,
            var v => throw new InputError($"--view '{v}' is not a view; expected 3d or top"),
        };
        var (world, title) = SceneArguments.CreateScene(a);
        for (int s = 0; s < steps; s++) world.Advance();

        using var window = Window.InitWindow(width, height, "sim render", WindowOptions.Headless with { Samples = 0 }); // the renderer multisamples offscreen
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows);
        renderer.Layers.Trails = !a.Has("--no-trails");
        renderer.Layers.Arrows = !a.Has("--no-arrows");
        renderer.Layers.BatchSurface = !a.Has("--no-batch-surface");
        renderer.Layers.Help = a.Has("--help-overlay");
        renderer.SetTitle(title, world.Landscape);
        Draw(window, renderer, world, topDown, output);
        return 0;
    }

    /// <summary>One frame of <paramref name="world"/> as the window would show it at rest on its latest step, saved to <paramref name="path"/>.</summary>
    public static void Draw(Window window, SceneRenderer renderer, World world, bool topDown, string path)
    {
        var camera = renderer.DefaultCamera(world);
        if (topDown) renderer.FrameCamera(camera, world, topDown: true);
        window.PollInputEvents();
        window.BeginDrawing(SceneColours.Background);
        renderer.Draw(world, camera, new FrameInfo());
        window.TakeScreenshot(path);
        window.EndDrawing();
    }

    /// <summary>An output PNG must be named .png and go into a folder that exists: checked before any work.</summary>
    public static void CheckOut(string path, string option)
    {
        if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new InputError($"{option} '{path}' must name a .png file");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new InputError($"{option} '{path}': folder {folder} does not exist");
        if (Directory.Exists(path)) throw new InputError($"{option} '{path}' is a folder; expected a .png file");
    }
}
