using System.Globalization;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim.Commands;

/// <summary>
/// <c>sim trace</c>: one ball's trajectory as CSV <c>step,x,y,loss</c> in round-trip float64,
/// step 0 first. A step that makes x or y non-finite is written and ends the run (exit 0).
/// </summary>
public static class TraceCommand
{
    private static readonly string[] Options =
        ["--landscape", "--optimizer", "--param", "--start", "--steps", "--schedule", "--batch-size", "--seed", "--scenario"];

    public static int Run(string[] args)
    {
        var a = new Arguments("trace", args, Options, []);
        int steps = a.Int("--steps", -1, 0, 100_000_000);
        if (steps < 0) throw new InputError("--steps is required");
        var world = a.Value("--scenario") is { } path ? FromScenario(a, path) : FromOptions(a);
        world.FollowAnywhere = true;
        using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16) { NewLine = "\n" };
        Write(world, steps, output);
        return 0;
    }

    public static World FromOptions(Arguments a)
    {
        var parameters = a.Parameters();
        string landscapeName = a.Required("--landscape"), optimizerName = a.Required("--optimizer");
        string scheduleName = a.Value("--schedule") ?? "constant";
        var landscape = LandscapeCatalog.Create(landscapeName, parameters);
        var optimizer = OptimizerCatalog.Create(optimizerName, parameters);
        var schedule = ScheduleCatalog.Create(scheduleName, parameters);
        parameters.RejectUnused($"optimizer {optimizerName}, schedule {scheduleName} or landscape {landscapeName}");
        int batch = 0;
        if (a.Has("--batch-size"))
        {
            if (landscape.ExampleCount == 0)
                throw new InputError($"--batch-size applies to data landscapes (linreg, logreg), not {landscapeName}, whose every gradient is the full one");
            batch = a.Int("--batch-size", 0, 1, landscape.ExampleCount);
        }
        var start = a.Point("--start") ?? landscape.DefaultStart;
        var ball = new Ball(optimizerName, Colour.Palette[0], optimizer, start);
        return new World(landscape, [ball], schedule, batch, a.Seed("--seed", 1));
    }

    private static World FromScenario(Arguments a, string path)
    {
        foreach (var option in Options)
            if (option is not ("--scenario" or "--steps") && a.Has(option))
                throw new InputError($"{option} cannot be combined with --scenario, which names the whole scene");
        var world = ScenarioFile.Load(path).CreateWorld();
        return new World(world.Landscape, [world.Balls[0]], world.Schedule, world.BatchSize, world.Seed);
    }

    public static void Write(World world, int steps, TextWriter output)
    {
        var ball = world.Balls[0];
        output.WriteLine("step,x,y,loss");
        Row(output, 0, ball);
        for (int s = 1; s <= steps && ball.Status == BallStatus.Running; s++)
        {
            world.Advance();
            Row(output, s, ball);
        }
        output.Flush();
    }

    private static void Row(TextWriter w, int step, Ball ball)
    {
        var p = ball.Position;
        w.Write(step.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(p.X.ToString("R", CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(p.Y.ToString("R", CultureInfo.InvariantCulture));
        w.Write(',');
        w.WriteLine(ball.Loss.ToString("R", CultureInfo.InvariantCulture));
    }
}
