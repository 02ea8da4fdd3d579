using Sim.Core;
using Sim.Core.Lessons;
using Sim.Core.Planes;
using Sim.Core.Scenarios;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;

namespace Sim.Commands;

/// <summary>
/// <c>sim export (--scenario FILE | --lesson NAME [--lesson-step K]) [--steps N] --out FILE.csv</c>:
/// runs the scene as the window would (balls stop at a minimum or when they diverge) and writes
/// every ball's trajectory as CSV (<see cref="TrajectoryCsv"/>). A lesson runs its step's
/// RunSteps unless --steps says otherwise. The file appears whole or not at all. A network scene (a
/// network scenario or lesson, or <c>--data NAME|FILE.csv --layers ...</c> with the optimizers as
/// <c>sim render</c> takes them) writes <see cref="PlaneTrajectoryCsv"/> instead: loss, projection (a, b)
/// onto the <c>--plane</c> (default random) and the distance from it.
/// </summary>
public static class ExportCommand
{
    /// <summary>What else a network scene from options takes (<see cref="SceneArguments"/>).</summary>
    private static readonly string[] NetworkSceneOptions = ["--optimizer", "--param", "--schedule", "--batch-size", "--seed"];

    private static readonly string[] Options =
        ["--scenario", "--lesson", "--lesson-step", "--steps", "--out", "--plane", .. SceneArguments.NetworkOptions, .. NetworkSceneOptions];

    public static int Run(string[] args)
    {
        var a = new Arguments("export", args, Options, []);
        string outPath = a.Required("--out");
        var (world, defaultSteps) = a.Has("--data") ? (NetworkScene(a), null) : Scene(a);
        int steps = a.Int("--steps", defaultSteps ?? -1, 0, Limits.Steps);
        if (steps < 0) throw new InputError($"--steps is required with {(a.Has("--data") ? "--data" : "--scenario")}");
        OutputFile.Check(outPath, "--out");
        world.Swarm = null; // an export writes the balls' trajectories; a scenario's swarm would only cost time
        Limits.Product(world.Balls.Count, "balls", steps + 1L, "(steps + 1)", Limits.ExportRows, "rows an export holds");
        if (world.Objective is not Landscape)
        {
            OutputFile.WriteText(outPath, writer => PlaneTrajectoryCsv.Write(world, steps, writer));
            return 0;
        }

        var recorder = new TrajectoryRecorder(world);
        recorder.Run(steps);
        OutputFile.WriteText(outPath, writer => TrajectoryCsv.Write(recorder, writer));
        return 0;
    }

    private static World NetworkScene(Arguments a)
    {
        foreach (var whole in (string[])["--scenario", "--lesson", "--lesson-step"])
            if (a.Has(whole)) throw new InputError($"{whole} cannot be combined with --data; give one scene");
        return SceneArguments.CreateScene(a).World;
    }

    private static (World World, int? RunSteps) Scene(Arguments a)
    {
        foreach (var option in (string[])[.. SceneArguments.NetworkOptions, .. NetworkSceneOptions])
            if (a.Has(option)) throw new InputError($"{option} needs --data NAME|FILE.csv (a network scene); a scenario or lesson brings its own");
        var (scenario, runSteps) = Scenario(a);
        var world = scenario.CreateWorld();
        SceneArguments.ApplyPlane(a, world, "; {0} is exported as (x, y)");
        return (world, runSteps);
    }

    private static (Scenario Scenario, int? RunSteps) Scenario(Arguments a)
    {
        string? file = a.Value("--scenario"), name = a.Value("--lesson");
        if (file is not null && name is not null) throw new InputError("--scenario and --lesson cannot be combined; give one");
        if (name is null && a.Has("--lesson-step")) throw new InputError("--lesson-step needs --lesson NAME");
        if (file is not null) return (ScenarioFile.Load(file), null);
        if (name is null) throw new InputError("export needs --scenario FILE or --lesson NAME, or a network: --data NAME|FILE.csv --layers 2,H,...,1");
        var lesson = LessonCatalog.Find(name);
        var step = lesson.Step(a.Int("--lesson-step", 1, 1, lesson.Steps.Count));
        return (step.Scenario, step.RunSteps);
    }
}
