using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim.Core.Scenarios;

/// <summary>
/// One ball of a scenario: its optimizer and parameters, and optionally where it starts, how it
/// looks and, on a data landscape, a batch size of its own (null: the scenario's).
/// </summary>
public sealed record BallSpec(
    string Optimizer, IReadOnlyDictionary<string, string> Params, Point2? Start = null, Colour? Colour = null, string? Label = null,
    int? BatchSize = null);

/// <summary>
/// A scene as a scenario file names it: the landscape (or, in the network form, a network on a
/// data set), the balls, the schedule, the batch size and the seed. <see cref="CreateWorld"/>
/// builds a fresh simulation from it, as often as needed.
/// </summary>
public sealed record Scenario
{
    public string? Title { get; init; }
    public string Landscape { get; init; } = "rosenbrock";
    public IReadOnlyDictionary<string, string> LandscapeParams { get; init; } = new Dictionary<string, string>();

    /// <summary>A landscape typed as f(x, y) (docs/cli.md's grammar) instead of a named one; null for <see cref="Landscape"/>.</summary>
    public string? Formula { get; init; }

    /// <summary>The formula's display domain; null to choose one around its minima.</summary>
    public Domain? Domain { get; init; }
    public string Schedule { get; init; } = "constant";
    public IReadOnlyDictionary<string, string> ScheduleParams { get; init; } = new Dictionary<string, string>();

    /// <summary>Examples per mini-batch on a data landscape; 0 means the whole data set.</summary>
    public int BatchSize { get; init; }

    /// <summary>
    /// On an analytic landscape, steps that make one epoch for the schedule; 0 for one step an epoch.
    /// A gentle schedule over a long run: exponential 0.95 with 100 steps an epoch halves lr every ~1,350 steps.
    /// </summary>
    public int StepsPerEpoch { get; init; }

    public ulong Seed { get; init; } = 1;

    /// <summary>A swarm released with the first ball's optimizer (<see cref="SwarmSpec"/>: grid:N, disc:X,Y,R,N, random:N[:SEED]), or null.</summary>
    public string? Swarm { get; init; }

    /// <summary>Common start for balls that name none; the landscape's default start if null.</summary>
    public Point2? Start { get; init; }
    public IReadOnlyList<BallSpec> Balls { get; init; } = [];

    /// <summary>The network form: the balls train this network instead of rolling on <see cref="Landscape"/>.</summary>
    public NetworkScene? Network { get; init; }

    /// <summary>The folder a network's CSV data is read from when its path is relative (the scenario file's).</summary>
    public string? Directory { get; init; }

    /// <summary>Builds the landscape, schedule and balls; a problem is an <see cref="InputError"/> naming its JSON path.</summary>
    public World CreateWorld()
    {
        if (Network is { } network) return CreateNetworkWorld(network);
        var landscape = CreateLandscape();

        var schedule = CreateSchedule();
        var start = Start ?? landscape.DefaultStart;
        CheckBallCount(Balls.Count, "balls");
        var balls = new List<Ball>();
        for (int i = 0; i < Balls.Count; i++)
        {
            var (optimizer, colour) = Rule(i, landscape);
            var spec = Balls[i];
            balls.Add(new Ball(spec.Label ?? spec.Optimizer, colour, optimizer, spec.Start ?? start) { BatchSize = spec.BatchSize });
        }
        var world = Named("batch_size", () => new World(landscape, balls, schedule, BatchSize, Seed));
        if (StepsPerEpoch > 0)
        {
            if (landscape.ExampleCount > 0)
                throw new InputError($"steps_per_epoch: applies to analytic landscapes; on {landscape.Name} an epoch is one pass over its {landscape.ExampleCount} examples");
            world.StepsPerEpoch = StepsPerEpoch;
        }
        if (Swarm is { } swarm) world.Swarm = Named("swarm", () => SwarmCloud.Of(SwarmSpec.Parse(swarm, "swarm:"), world, 0));
        return world;
    }

    /// <summary>The network form: every ball starts from the network's initial weights.</summary>
    private World CreateNetworkWorld(NetworkScene network)
    {
        var (objective, initial) = network.Build(Directory);
        var schedule = CreateSchedule();
        CheckBallCount(Balls.Count, "balls");
        var balls = new List<Ball>();
        for (int i = 0; i < Balls.Count; i++)
        {
            var (optimizer, colour) = Rule(i, objective);
            var spec = Balls[i];
            balls.Add(Ball.OfParameters(spec.Label ?? spec.Optimizer, colour, optimizer, initial, batchSize: spec.BatchSize));
        }
        return Named("batch_size", () => new World(objective, balls, schedule, BatchSize, Seed));
    }

    private Schedule CreateSchedule()
    {
        var scheduleParams = Parameters.From(ScheduleParams, "schedule.params");
        var schedule = Named("schedule", () => ScheduleCatalog.Create(Schedule, scheduleParams));
        scheduleParams.RejectUnused($"schedule {Schedule}");
        return schedule;
    }

    /// <summary>Ball i's optimizer and colour, its batch size checked against the objective.</summary>
    private (Optimizer Optimizer, Colour Colour) Rule(int i, IObjective objective)
    {
        var spec = Balls[i];
        var p = Parameters.From(spec.Params, $"balls[{i}].params");
        var optimizer = Named($"balls[{i}].optimizer", () => OptimizerCatalog.Create(spec.Optimizer, p));
        p.RejectUnused($"optimizer {spec.Optimizer}");
        CheckBatchSize(spec.BatchSize, objective, $"balls[{i}].batch_size");
        return (optimizer, spec.Colour ?? Colour.Palette[i % Colour.Palette.Count]);
    }

    private Landscape CreateLandscape()
    {
        if (Formula is { } formula) return Named("formula", () => FormulaLandscape.Create(formula, Domain));
        if (Domain is not null) throw new InputError("domain: applies to a formula; a named landscape has its own domain");
        var landscapeParams = Parameters.From(LandscapeParams, "landscape.params");
        var landscape = Named("landscape", () => LandscapeCatalog.Create(Landscape, landscapeParams));
        landscapeParams.RejectUnused($"landscape {Landscape}");
        return landscape;
    }

    /// <summary>Refuses more than <see cref="Limits.BallsPerScene"/> balls, naming where they were given.</summary>
    public static void CheckBallCount(int count, string where)
    {
        if (count > Limits.BallsPerScene)
            throw new InputError(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{where}: {count:N0} balls is over the limit of {Limits.BallsPerScene:N0} per scene"));
    }

    private static void CheckBatchSize(int? batchSize, IObjective objective, string path)
    {
        if (batchSize is not { } b) return;
        if (objective.ExampleCount == 0)
            throw new InputError($"{path}: applies to data landscapes (linreg, logreg), not {objective.Name}, whose every gradient is the full one");
        if (b < 1 || b > objective.ExampleCount)
            throw new InputError($"{path}: {b} is out of range; expected 1 to {objective.ExampleCount} (the number of examples)");
    }

    /// <summary>Builds with <paramref name="path"/> (the JSON path) in front of any input error that does not already name a place under it.</summary>
    internal static T Named<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (InputError e) when (!e.Message.StartsWith(PathRoot(path), StringComparison.Ordinal))
        {
            throw new InputError($"{path}: {e.Message}");
        }
    }

    /// <summary>"balls[2]" of "balls[2].optimizer": parameter errors name "balls[2].params" themselves.</summary>
    private static string PathRoot(string path) => path.Split('.')[0];
}
