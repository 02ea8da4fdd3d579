using Sim.Core;
using static Sim.Tests.Fuzz.Mutations;

namespace Sim.Tests.Fuzz;

/// <summary>
/// Command lines mutated from valid ones: a token replaced by an extreme number or nasty text, a huge
/// token, a token dropped, duplicated or swapped, an unknown option, inverted bounds, an empty or
/// missing path. The window is never opened: a line whose first word would open it is a headless command's.
/// </summary>
public sealed class CommandLineSource : IFuzzSource
{
    private static readonly string[][] Seeds =
    [
        ["trace", "--landscape", "rosenbrock", "--optimizer", "adam", "--param", "lr=0.01", "--start", "-1.5,2", "--steps", "20"],
        ["trace", "--landscape", "linreg", "--optimizer", "sgd", "--param", "lr=0.05", "--batch-size", "8", "--seed", "3", "--steps", "20"],
        ["trace", "--landscape", "quadratic", "--optimizer", "sgd", "--param", "lr=0.1", "--schedule", "exponential", "--param", "decay_rate=0.99", "--steps", "20"],
        ["trace", "--landscape", "rosenbrock", "--optimizer", "gains", "--param", "gain_min=0.1", "--param", "gain_max=10", "--steps", "20"],
        ["trace", "--landscape", "quadratic", "--optimizer", "rprop", "--param", "step_min=0.001", "--param", "step_max=1", "--steps", "20"],
        ["trace", "--scenario", "{dir}/s.json", "--steps", "20"],
        ["export", "--lesson", "minibatch", "--lesson-step", "3", "--steps", "20", "--out", "{dir}/o.csv"],
        ["export", "--scenario", "{dir}/s.json", "--steps", "20", "--out", "{dir}/o.csv"],
        ["bench", "--landscape", "rosenbrock", "--optimizer", "adam", "--points", "1000", "--steps", "5", "--threads", "1"],
        ["catalogue"],
        ["lessons", "--verbose"],
        ["render", "--landscape", "quadratic", "--optimizer", "adam:lr=0.1", "--steps", "10", "--size", "64x64", "--out", "{dir}/o.png"],
        ["render", "--landscape", "himmelblau", "--optimizer", "sgd", "--swarm", "disc:0,0,1.5,500", "--steps", "10", "--size", "64x64", "--out", "{dir}/o.png"],
        ["render", "--scenario", "{dir}/s.json", "--swarm", "random:300:7", "--steps", "10", "--size", "64x64", "--out", "{dir}/o.png"],
        ["export", "--data", "moons", "--examples", "60", "--layers", "2,3,1", "--test-fraction", "0.25", "--plane", "pca", "--optimizer", "adam", "--steps", "5", "--out", "{dir}/o.csv"],
        ["render", "--data", "xor", "--examples", "60", "--layers", "2,3,1", "--plane", "balls", "--batch-size", "16", "--steps", "5", "--size", "64x64", "--out", "{dir}/o.png"],
    ];

    private const string Scenario = """{"landscape": "quadratic", "balls": [{"optimizer": "sgd", "params": {"lr": 0.1}, "label": "plain"}]}""";

    private static readonly string[] Options =
        ["--landscape", "--optimizer", "--param", "--steps", "--start", "--scenario", "--lesson", "--lesson-step", "--out", "--size", "--points", "--seed", "--batch-size", "--schedule", "--swarm",
         "--data", "--layers", "--plane", "--test-fraction", "--bogus", "-", "--help"];

    private static readonly string[] InvertedParams =
        ["gain_min=50", "gain_max=0.01", "step_min=100", "step_max=1e-9", "nesterov=true", "dampening=0.5", "momentum=1", "interval=0", "decay_rate=-1"];

    private static readonly string[] Paths = ["", "-", "{dir}", "{dir}/missing/o.csv", "{dir}/o.txt", "/", "{dir}/o.png", "{dir}/s.json"];

    public string Name => "command lines";

    public IEnumerable<FuzzCase> Cases(ulong seed, int count)
    {
        var random = new SplitMix64(seed);
        var files = new Dictionary<string, byte[]> { ["s.json"] = System.Text.Encoding.UTF8.GetBytes(Scenario) };
        for (int k = 0; k < count; k++)
        {
            var args = Pick(random, Seeds).ToList();
            var applied = new List<string>();
            for (int m = 1 + random.NextInt(3); m > 0; m--) applied.Add(Mutate(random, args));
            // An empty line or a first word starting with '-' opens the window: keep to the headless commands.
            if (args.Count == 0 || args[0].StartsWith('-')) args.Insert(0, "trace");
            if (args[0] == "render" && !args.Contains("--size")) args.AddRange(["--size", "64x64"]);
            // A PNG on standard output would go to the test host's own: RobustnessCommandTests checks it in a process.
            for (int i = 1; i < args.Count; i++)
                if (args[0] == "render" && args[i - 1] == "--out" && args[i] == "-") args[i] = "{dir}/o.png";
            yield return new FuzzCase($"command line #{k} ({string.Join(", ", applied)})", [.. args], files);
        }
    }

    private static string Mutate(SplitMix64 random, List<string> args)
    {
        int i = random.NextInt(Math.Max(args.Count, 1));
        switch (random.NextInt(10))
        {
            case 0 when args.Count > 0:
                args[i] = Mutations.Number(random);
                return "extreme number";
            case 1 when args.Count > 0:
                args[i] = Pick(random, NastyText);
                return "nasty text";
            case 2 when args.Count > 0:
                args[i] = args[i] + Pick(random, NastyText);
                return "suffix";
            case 3 when args.Count > 0:
                args[i] = Huge(random, Pick(random, (int[])[61, 5000, 100_000]));
                return "huge token";
            case 4 when args.Count > 1:
                args.RemoveAt(i);
                return "dropped token";
            case 5 when args.Count > 0:
                args.Insert(i, args[i]);
                return "duplicated token";
            case 6:
                args.Insert(i, Pick(random, Options));
                return "inserted option";
            case 7:
                args.AddRange(["--param", Pick(random, InvertedParams)]);
                return "inverted parameter";
            case 8:
                int at = args.IndexOf("--out");
                if (at >= 0 && at + 1 < args.Count) args[at + 1] = Pick(random, Paths);
                else args.AddRange(["--scenario", Pick(random, Paths)]);
                return "path";
            default:
                if (args.Count > 2)
                {
                    int j = random.NextInt(args.Count);
                    (args[i], args[j]) = (args[j], args[i]);
                }
                return "swap";
        }
    }
}
