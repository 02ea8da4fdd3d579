using System.Globalization;
using Sim.Core;
using Sim.Core.Data;
using Sim.Core.Formulas;
using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Planes;
using Sim.Core.Scenarios;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim;

/// <summary>
/// The scene a command shows, from its options: <c>--scenario FILE</c>, <c>--lesson NAME [--lesson-step K]</c>, or
/// <c>--landscape NAME</c> (or <c>--formula EXPR [--domain ...]</c>) with <c>--optimizer NAME</c> (repeatable) and the options of <c>trace</c>;
/// or a network: <c>--data NAME|FILE.csv --layers 2,H,...,1</c> (and the data and weight options of <c>sim train</c>)
/// in place of <c>--landscape</c>, every ball training its own copy from the same initial weights, drawn on the plane
/// <c>--plane random|balls|pca</c> names; with none of them, the built-in <see cref="DefaultScene"/>.
/// <c>--param K=V</c> is one pool read by the landscape, the schedule and every optimizer given by
/// name alone; <c>--optimizer NAME:K=V,K=V</c> gives that ball its own parameters instead.
/// </summary>
public static class SceneArguments
{
    /// <summary>The options of a network scene besides the optimizers' (as <c>sim train</c> reads them); each needs <c>--data</c>.</summary>
    public static readonly string[] NetworkOptions = ["--data", "--examples", "--noise", "--data-seed", "--test-fraction", "--layers", "--activation", "--init", "--init-seed"];

    /// <summary>Options this class reads; a command accepts them alongside its own.</summary>
    public static readonly string[] Options =
        ["--scenario", "--lesson", "--lesson-step", "--landscape", "--formula", "--domain", "--optimizer", "--param", "--schedule", "--batch-size", "--seed", "--start",
         .. NetworkOptions, "--plane", "--swarm"];

    /// <summary>The balls of a network scene given no <c>--optimizer</c>: the lab's three at the rates its decay starts from.</summary>
    public static readonly string[] DefaultNetworkOptimizers = ["sgd:lr=0.1", "momentum:lr=0.1,beta=0.9", "adam:lr=0.01"];

    /// <summary>The world to show and its title (a scenario's; null for a scene built from options).</summary>
    public static (World World, string? Title) CreateScene(Arguments a)
    {
        var (world, title) = CreateWorld(a);
        ApplyPlane(a, world, " (--data NAME --layers ..., or a network scenario); {0} is drawn as it is");
        if (a.Value("--swarm") is { } spec) world.Swarm = SwarmCloud.Of(SwarmSpec.Parse(spec, "--swarm"), OnLandscape(world), 0);
        return (world, title);
    }

    /// <summary>
    /// <c>--plane KIND</c> on a network scene; on a 2-D landscape an error whose tail
    /// (<paramref name="onLandscape"/>, with {0} the landscape's name) says what the command does instead.
    /// </summary>
    public static void ApplyPlane(Arguments a, World world, string onLandscape)
    {
        if (a.Value("--plane") is not { } plane) return;
        if (world.Objective is Landscape landscape)
            throw new InputError("--plane applies to network scenes" + string.Format(CultureInfo.InvariantCulture, onLandscape, landscape.Name));
        world.PlaneChoice = world.PlaneChoice with { Kind = PlaneChoice.ParseKind(plane) };
    }

    private static World OnLandscape(World world) => world.Objective is Landscape ? world
        : throw new InputError($"--swarm needs a 2-D landscape; a network scene ({world.Objective.Name}) trains one copy of the network per ball");

    /// <summary><c>--plane</c> and <c>--swarm</c> go with any scene: a lesson step's, a scenario's or the options'.</summary>
    private static bool GoesWithAnyScene(string option) => option is "--plane" or "--swarm";

    private static (World World, string? Title) CreateWorld(Arguments a)
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
            return (scenario.CreateWorld(), scenario.Title);
        }
        if (a.Has("--data"))
        {
            var network = FromNetworkOptions(a);
            return (network, $"{NetworkDataSource(a).Name} · {network.Objective.Name}");
        }
        foreach (var option in NetworkOptions)
            if (a.Has(option)) throw new InputError($"{option} needs --data NAME|FILE.csv (a network scene)");
        if (a.Has("--landscape") || a.Has("--formula")) return (FromOptions(a), null);
        foreach (var option in Options)
            if (a.Has(option) && !GoesWithAnyScene(option)) throw new InputError($"{option} needs --landscape NAME or --formula EXPR (or use --scenario FILE)");
        if (a.Has("--plane")) throw new InputError("--plane needs a network scene: --data NAME|FILE.csv --layers 2,H,...,1, or a network scenario");
        return (DefaultScene.Scenario.CreateWorld(), DefaultScene.Scenario.Title);
    }

    /// <summary>
    /// A network scene from options: the data set and network as <c>sim train</c> reads them, one ball per
    /// <c>--optimizer</c> (or <see cref="DefaultNetworkOptimizers"/>), each from the same initial weights.
    /// </summary>
    private static World FromNetworkOptions(Arguments a)
    {
        foreach (var landscapeOption in (string[])["--landscape", "--formula", "--domain", "--start"])
            if (a.Has(landscapeOption))
                throw new InputError($"{landscapeOption} cannot be combined with --data: a network scene trains on data from its initial weights (--init FILE.json or --init-seed S), a landscape scene rolls on f(x, y); give one");
        var (data, test) = NetworkDataSplit(a);
        var shape = NetworkArchitecture.Parse(a.Value("--layers") ?? throw new InputError("--data needs --layers 2,H1,...,1 (the network's layer sizes)"),
            Activations.Parse(a.Value("--activation") ?? "relu"));
        var objective = new NetworkObjective(shape, data) { Test = test };
        var initial = InitialWeights(a, shape);
        var pool = a.Parameters();
        var schedule = Schedule(a, pool);
        var specs = a.All("--optimizer");
        Scenario.CheckBallCount(specs.Count, "--optimizer");
        var optimizers = Optimizers(specs.Count > 0 ? specs : DefaultNetworkOptimizers, pool);
        pool.RejectUnused($"optimizers or schedule {a.Value("--schedule") ?? "constant"}");
        var balls = new List<Ball>();
        for (int i = 0; i < optimizers.Count; i++)
            balls.Add(Ball.OfParameters(optimizers[i].Label, Colour.Palette[i % Colour.Palette.Count], optimizers[i].Optimizer, initial));
        int batch = a.Has("--batch-size") ? a.Int("--batch-size", 0, 1, data.Count) : 0;
        return new World(objective, balls, schedule, batch, a.Seed("--seed", 1));
    }

    /// <summary>The training data and, with <c>--test-fraction F</c>, the held-out part (split by the data's seed).</summary>
    public static (DataSet Train, DataSet? Test) NetworkDataSplit(Arguments a)
    {
        var data = NetworkData(a, seedSplits: a.Has("--test-fraction"));
        if (!a.Has("--test-fraction")) return (data, null);
        return HeldOut.Split(data, Number(a, "--test-fraction", 0, 1), NetworkDataSource(a).Seed);
    }

    /// <summary>The data set <c>--data NAME|FILE.csv [--examples M] [--noise S] [--data-seed S]</c> names (a built-in one drawn from the seed).</summary>
    public static DataSet NetworkData(Arguments a, bool seedSplits = false)
    {
        var source = NetworkDataSource(a);
        if (source.IsFile && a.Has("--data-seed") && !seedSplits)
            throw new InputError("--data-seed applies to built-in data sets or, with --test-fraction, to the split; not to a CSV file alone");
        return source.Load();
    }

    /// <summary>Where <c>--data</c> and its options say the examples come from.</summary>
    public static DataSource NetworkDataSource(Arguments a) => new(
        a.Required("--data"),
        a.Has("--examples") ? a.Int("--examples", 0, 2, DataSetCatalog.MaxExamples) : null,
        a.Has("--noise") ? Number(a, "--noise", 0, 10) : null,
        a.Seed("--data-seed", 1));

    /// <summary>The initial weights: <c>--init FILE.json</c>, or He-initialised from <c>--init-seed</c> (default 1).</summary>
    public static double[] InitialWeights(Arguments a, NetworkArchitecture shape)
    {
        if (a.Value("--init") is not { } path) return NetworkWeights.HeInitialized(shape, a.Seed("--init-seed", 1));
        if (a.Has("--init-seed")) throw new InputError("--init and --init-seed cannot be combined; the file gives every weight");
        return NetworkWeights.Load(path, shape);
    }

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static double Number(Arguments a, string option, double min, double max)
    {
        string text = a.Required(option);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new InputError($"{option} {InputError.Quote(text)} is not a number");
        if (v < min || v > max) throw new InputError($"{option} {text} is out of range; expected {min} to {max}");
        return v;
    }

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
    public static List<(Optimizer Optimizer, string Label)> Optimizers(Arguments a, Parameters pool) => Optimizers(a.All("--optimizer"), pool);

    private static List<(Optimizer Optimizer, string Label)> Optimizers(IReadOnlyList<string> specs, Parameters pool)
    {
        var optimizers = new List<(Optimizer, string)>();
        foreach (var spec in specs)
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
