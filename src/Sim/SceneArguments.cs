using System.Globalization;
using Sim.Core;
using Sim.Core.Formulas;
using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim;

/// <summary>
/// The scene a command shows, from its options: <c>--scenario FILE</c>, <c>--lesson NAME [--lesson-step K]</c>, or
/// <c>--landscape NAME</c> (or <c>--formula EXPR [--domain ...]</c>) with <c>--optimizer NAME</c> (repeatable) and the options of <c>trace</c>;
/// with none of them, the built-in <see cref="DefaultScene"/>.
/// <c>--param K=V</c> is one pool read by the landscape, the schedule and every optimizer given by
/// name alone; <c>--optimizer NAME:K=V,K=V</c> gives that ball its own parameters instead.
/// </summary>
public static class SceneArguments
{
    /// <summary>Options this class reads; a command accepts them alongside its own.</summary>
    public static readonly string[] Options =
        ["--scenario", "--lesson", "--lesson-step", "--landscape", "--formula", "--domain", "--optimizer", "--param", "--schedule", "--batch-size", "--seed", "--start", "--swarm"];

    /// <summary>The world to show and its title (a scenario's; null for a scene built from options).</summary>
    public static (World World, string? Title) CreateScene(Arguments a)
    {
        var (world, title) = CreateSceneWithoutSwarm(a);
        if (a.Value("--swarm") is { } spec) world.Swarm = SwarmCloud.Of(SwarmSpec.Parse(spec, "--swarm"), RequireLandscape(world, "--swarm"), 0);
        return (world, title);
    }

    /// <summary><c>--swarm SPEC</c> goes with any scene: a lesson step's, a scenario's or the options'.</summary>
    private static bool GoesWithAnyScene(string option) => option == "--swarm";

    private static (World World, string? Title) CreateSceneWithoutSwarm(Arguments a)
    {
        if (Lesson(a) is { } lesson)
        {
            RejectWith(a, "--lesson");
            var step = lesson.Lesson.Step(lesson.Step);
            return (step.Scenario.CreateWorld(), step.Scenario.Title ?? lesson.Lesson.Title);
        }
        if (a.Value("--scenario") is { } path)
        {
            RejectWith(a, "--scenario");
            var scenario = ScenarioFile.Load(path);
            return (RequireLandscape(scenario.CreateWorld(), path), scenario.Title);
        }
        if (a.Has("--landscape") || a.Has("--formula")) return (FromOptions(a), null);
        foreach (var option in Options)
            if (a.Has(option) && !GoesWithAnyScene(option)) throw new InputError($"{option} needs --landscape NAME or --formula EXPR (or use --scenario FILE)");
        return (DefaultScene.Scenario.CreateWorld(), DefaultScene.Scenario.Title);
    }

    /// <summary>
    /// The world of <paramref name="path"/> if it rolls on a 2-D landscape; a network scenario is an
    /// <see cref="InputError"/> for the commands that draw, trace or export (x, y) trajectories.
    /// </summary>
    public static World RequireLandscape(World world, string path) => world.Objective is Landscape
        ? world
        : throw new InputError($"{path}: a network scenario ({world.Objective.Name}) has no 2-D landscape to draw, trace or export; train networks with sim train");

    /// <summary>The lesson and step (from 1; default 1) that <c>--lesson NAME [--lesson-step K]</c> name, or null without --lesson.</summary>
    public static (Lesson Lesson, int Step)? Lesson(Arguments a)
    {
        if (a.Value("--lesson") is not { } name)
        {
            if (a.Has("--lesson-step")) throw new InputError("--lesson-step needs --lesson NAME");
            return null;
        }
        Lesson lesson;
        try
        {
            lesson = LessonCatalog.Find(name);
        }
        catch (InputError e)
        {
            throw new InputError($"--lesson {InputError.Quote(name)}: {e.Message}");
        }
        return (lesson, a.Int("--lesson-step", 1, 1, lesson.Steps.Count));
    }

    private static void RejectWith(Arguments a, string whole)
    {
        foreach (var option in Options)
            if (option != whole && !(whole == "--lesson" && option == "--lesson-step") && !GoesWithAnyScene(option) && a.Has(option))
                throw new InputError($"{option} cannot be combined with {whole}, which names the whole scene");
    }

    private static World FromOptions(Arguments a)
    {
        var pool = a.Parameters();
        if (a.Has("--domain") && !a.Has("--formula"))
            throw new InputError("--domain applies to --formula EXPR; a built-in landscape has its own domain");
        var landscape = Landscape(a, pool);
        string landscapeName = landscape.Name;
        string scheduleName = a.Value("--schedule") ?? "constant";
        var schedule = Schedule(a, pool);
        var start = a.Point("--start") ?? landscape.DefaultStart;

        var balls = new List<Ball>();
        var specs = a.All("--optimizer");
        Scenario.CheckBallCount(specs.Count, "--optimizer");
        if (specs.Count == 0)
        {
            // The default scene's five, with its tuned learning rates.
            foreach (var ball in DefaultScene.Scenario.CreateWorld().Balls)
                balls.Add(new Ball(ball.Label, ball.Colour, ball.Optimizer, start));
        }
        var optimizers = Optimizers(a, pool);
        for (int i = 0; i < optimizers.Count; i++)
            balls.Add(new Ball(optimizers[i].Label, Colour.Palette[i % Colour.Palette.Count], optimizers[i].Optimizer, start));
        pool.RejectUnused(specs.Count == 0
            ? $"landscape {landscapeName} or schedule {scheduleName} (optimizer parameters need --optimizer)"
            : $"optimizers, schedule {scheduleName} or landscape {landscapeName}");

        int batch = 0;
        if (a.Has("--batch-size"))
        {
            if (landscape.ExampleCount == 0)
                throw new InputError($"--batch-size applies to data landscapes (linreg, logreg), not {landscapeName}, whose every gradient is the full one");
            batch = a.Int("--batch-size", 0, 1, landscape.ExampleCount);
        }
        return new World(landscape, balls, schedule, batch, a.Seed("--seed", 1));
    }

    /// <summary>
    /// The landscape <c>--landscape NAME</c> (reading its keys from <paramref name="pool"/>) or
    /// <c>--formula EXPR [--domain XMIN,XMAX,YMIN,YMAX]</c> names; exactly one of the two.
    /// </summary>
    public static Landscape Landscape(Arguments a, Parameters pool)
    {
        string? name = a.Value("--landscape"), formula = a.Value("--formula");
        if (name is not null && formula is not null)
            throw new InputError("--formula cannot be combined with --landscape; give one: a built-in NAME or your own EXPR");
        if (formula is not null)
            return FormulaLandscape.Create(formula, a.Value("--domain") is { } d ? DomainText.Parse(d, "--domain") : null);
        return LandscapeCatalog.Create(name ?? throw new InputError("--landscape is required (a built-in NAME), or give --formula EXPR"), pool);
    }

    /// <summary>The learning-rate schedule <c>--schedule NAME</c> names (default constant), reading its keys from the pool.</summary>
    public static Schedule Schedule(Arguments a, Parameters pool) => ScheduleCatalog.Create(a.Value("--schedule") ?? "constant", pool);

    /// <summary>
    /// The optimizers <c>--optimizer</c> names, in order, each with its label: <c>NAME</c> reads its
    /// keys from the pool, <c>NAME:K=V,K=V</c> has its own (an unknown one is an error).
    /// </summary>
    public static List<(Optimizer Optimizer, string Label)> Optimizers(Arguments a, Parameters pool)
    {
        var optimizers = new List<(Optimizer, string)>();
        foreach (var spec in a.All("--optimizer"))
        {
            var (name, own) = Split(spec);
            var optimizer = OptimizerCatalog.Create(name, own ?? pool);
            own?.RejectUnused($"optimizer {name}");
            optimizers.Add((optimizer, Limits.Text(own is null ? name : $"{name} {spec[(name.Length + 1)..].Replace(",", ", ")}", "--optimizer label")));
        }
        return optimizers;
    }

    /// <summary><c>NAME</c> or <c>NAME:K=V,K=V</c>.</summary>
    private static (string Name, Parameters? Own) Split(string spec)
    {
        int colon = spec.IndexOf(':');
        if (colon < 0) return (spec, null);
        var own = new Parameters($"--optimizer {spec}");
        foreach (var pair in spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries)) own.Add(pair);
        return (spec[..colon], own);
    }

    /// <summary>Parses <c>WxH</c>, e.g. 1280x720.</summary>
    public static (int Width, int Height) Size(Arguments a, string option, (int, int) fallback)
    {
        var text = a.Value(option);
        if (text is null) return fallback;
        var parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && w is >= Limits.ImageSideMin and <= Limits.ImageSideMax && h is >= Limits.ImageSideMin and <= Limits.ImageSideMax
            && (long)w * h <= Limits.ImagePixels)
            return (w, h);
        throw new InputError(string.Create(CultureInfo.InvariantCulture,
            $"{option} {InputError.Quote(text)} is not a size; expected WIDTHxHEIGHT, each {Limits.ImageSideMin} to {Limits.ImageSideMax} and at most {Limits.ImagePixels:N0} pixels (3840x2160), such as 1280x720"));
    }
}
