using System.Globalization;
using Sim.Core;
using Sim.Core.Networks;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;

namespace Sim.Commands;

/// <summary>
/// <c>sim render</c>: runs the scene headless (SDL's offscreen driver, no X server) for N steps and
/// writes one frame to a PNG, drawn by the same <see cref="SceneRenderer"/> and classroom overlay as
/// the window. <c>--lesson NAME [--lesson-step K]</c> renders a lesson step with its caption and
/// panels after its own number of steps unless <c>--steps</c> says otherwise; <c>--panels</c> opens
/// panels on any scene. Options are checked before anything is drawn; a failed write leaves no file.
/// </summary>
public static class RenderCommand
{
    private static readonly string[] OwnOptions = ["--steps", "--out", "--size", "--view", "--panels", "--select", "--text-scale"];
    private static readonly string[] Switches = ["--no-trails", "--no-arrows", "--no-batch-surface", "--help-overlay", "--high-contrast", "--basin-map"];

    public static int Run(string[] args)
    {
        var a = new Arguments("render", args, [.. SceneArguments.Options, .. OwnOptions], Switches);
        var lesson = SceneArguments.Lesson(a);
        int steps = a.Int("--steps", lesson is { } l ? l.Lesson.Step(l.Step).RunSteps : -1, 0, Limits.Steps);
        if (steps < 0) throw new InputError("--steps is required (a lesson step brings its own: --lesson NAME)");
        string output = a.Required("--out");
        OutputFile.Check(output, "--out", ".png");
        var (width, height) = SceneArguments.Size(a, "--size", (1280, 720));
        bool topDown = (a.Value("--view") ?? "3d") switch
        {
            "3d" => false,
            "top" => true,
            var v => throw new InputError($"--view {InputError.Quote(v)} is not a view; expected 3d or top"),
        };
        var panels = Panels(a.Value("--panels"));
        float textScale = TextScale(a.Value("--text-scale"));
        var (world, title) = SceneArguments.CreateScene(a);
        if (panels is { } asked) RequireNetworkFor(asked, world);
        int selected = a.Int("--select", 0, 0, Math.Max(world.Balls.Count, 1)) - 1;
        Limits.Product(world.Balls.Count + (world.Swarm?.Count ?? 0), world.Swarm is null ? "balls" : "balls and swarm points", steps, "--steps", Limits.BallSteps, "ball-steps a render may take");

        var session = new ClassroomSession(world, title);
        if (lesson is { } open) session.OpenLesson(open.Lesson, open.Step);
        if (panels is { } p) session.Panels = p;
        session.Advance(steps);

        using var window = Window.InitWindow(width, height, "sim render", WindowOptions.Headless with { Samples = 0 }); // the renderer multisamples offscreen
        using var renderer = new SceneRenderer(window, session.World.Landscape, ClassroomKeys.HelpRows);
        renderer.Layers.Trails = !a.Has("--no-trails");
        renderer.Layers.Arrows = !a.Has("--no-arrows");
        renderer.Layers.BatchSurface = !a.Has("--no-batch-surface");
        renderer.Layers.Help = a.Has("--help-overlay");
        renderer.Layers.BasinMap = session.State.Layers.BasinMap || a.Has("--basin-map");
        session.State.HighContrast = a.Has("--high-contrast");
        session.State.TextScale = textScale;
        if (a.Has("--select")) session.State.SelectedBall = selected; // else a lesson step's own selection
        renderer.Overlay = new ClassroomOverlay(session);
        renderer.SetTitle(session.Title, session.World.Landscape);
        OutputFile.Write(output, path => Draw(window, renderer, session.World, topDown, path, session.State.Frame()));
        return 0;
    }

    /// <summary>One frame of <paramref name="world"/> as the window would show it at rest on its latest step, saved to <paramref name="path"/>.</summary>
    public static void Draw(Window window, SceneRenderer renderer, World world, bool topDown, string path, in FrameInfo frame)
    {
        var camera = renderer.DefaultCamera(world, frame.TextScale);
        if (topDown) renderer.FrameCamera(camera, world, topDown: true, frame.TextScale);
        window.PollInputEvents();
        renderer.Update(world, frame);
        renderer.Basins.Mapper.Wait(); // a picture shows the finished map
        window.BeginDrawing(frame.Theme.Background);
        renderer.Draw(world, camera, frame);
        window.TakeScreenshot(path);
        window.EndDrawing();
    }

    /// <summary><c>--panels loss,lr,...</c>; null when not given (a lesson step's own then), none for "none".</summary>
    private static PanelSet? Panels(string? text)
    {
        if (text is null) return null;
        var panels = PanelSet.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name == "none") continue;
            var kind = PanelRegistry.Find(name)
                ?? throw new InputError($"--panels: unknown panel {InputError.Quote(name)}; expected some of {string.Join(", ", PanelRegistry.All.Select(p => p.CliName))}, or none");
            panels = panels.With(kind);
        }
        return panels;
    }

    /// <summary>A panel of a network's training asked for on a 2-D landscape is refused, naming both.</summary>
    private static void RequireNetworkFor(PanelSet panels, World world)
    {
        if (world.Objective is NetworkObjective) return;
        foreach (var kind in PanelRegistry.All)
            if (kind.NetworkScenes && panels.Has(kind))
                throw new InputError($"--panels: {kind.CliName} is for network scenes (--data, a scenario's network); {world.Objective.Name} is a 2-D landscape");
    }

    private static float TextScale(string? text)
    {
        if (text is null) return 1;
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float scale)
            && scale >= ClassroomControls.MinTextScale && scale <= ClassroomControls.MaxTextScale)
            return scale;
        throw new InputError($"--text-scale {InputError.Quote(text)} is not a number from {ClassroomControls.MinTextScale} to {ClassroomControls.MaxTextScale}");
    }
}
