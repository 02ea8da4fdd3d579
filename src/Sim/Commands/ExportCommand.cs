using Sim.Core;
using Sim.Core.Lessons;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;

namespace Sim.Commands;

/// <summary>
/// <c>sim export (--scenario FILE | --lesson NAME [--lesson-step K]) [--steps N] --out FILE.csv</c>:
/// runs the scene as the window would (balls stop at a minimum or when they diverge) and writes
/// every ball's trajectory as CSV (<see cref="TrajectoryCsv"/>). A lesson runs its step's
/// RunSteps unless --steps says otherwise. The file appears whole or not at all.
/// </summary>
public static class ExportCommand
{
    private static readonly string[] Options = ["--scenario", "--lesson", "--lesson-step", "--steps", "--out"];

    public static int Run(string[] args)
    {
        var a = new Arguments("export", args, Options, []);
        string outPath = a.Required("--out");
        var (scenario, defaultSteps) = Scene(a);
        int steps = a.Int("--steps", defaultSteps ?? -1, 0, Limits.Steps);
        if (steps < 0) throw new InputError("--steps is required with --scenario");
        OutputFile.Check(outPath, "--out");
        var world = SceneArguments.RequireLandscape(scenario.CreateWorld(), a.Value("--scenario") ?? "");
        world.Swarm = null; // an export writes the balls' trajectories; a scenario's swarm would only cost time
        Limits.Product(world.Balls.Count, "balls", steps + 1L, "(steps + 1)", Limits.ExportRows, "rows an export holds");

        var recorder = new TrajectoryRecorder(world);
        recorder.Run(steps);
        OutputFile.WriteText(outPath, writer => TrajectoryCsv.Write(recorder, writer));
        return 0;
    }

    private static (Scenario Scenario, int? RunSteps) Scene(Arguments a)
    {
        string? file = a.Value("--scenario"), name = a.Value("--lesson");
        if (file is not null && name is not null) throw new InputError("--scenario and --lesson cannot be combined; give one");
        if (name is null && a.Has("--lesson-step")) throw new InputError("--lesson-step needs --lesson NAME");
        if (file is not null) return (ScenarioFile.Load(file), null);
        if (name is null) throw new InputError("export needs --scenario FILE or --lesson NAME");
        var lesson = LessonCatalog.Find(name);
        var step = lesson.Step(a.Int("--lesson-step", 1, 1, lesson.Steps.Count));
        return (step.Scenario, step.RunSteps);
    }
}
