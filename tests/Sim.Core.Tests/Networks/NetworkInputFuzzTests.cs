using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Scenarios;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>
/// Mangled network inputs fail cleanly: thousands of seeded mutations of a network scenario, a data
/// CSV and a weights file each either load (and then run) or raise an <see cref="InputError"/>
/// with one line; never another exception.
/// </summary>
public class NetworkInputFuzzTests
{
    private const string Scenario = """
        {"network": {"data": "moons", "examples": 40, "noise": 0.2, "data_seed": 1, "layers": [2, 4, 3, 1], "activation": "tanh", "init_seed": 3},
         "schedule": {"name": "staircase", "params": {"interval": 2}}, "batch_size": 8, "seed": 2,
         "balls": [{"optimizer": "adam", "params": {"lr": 0.01, "bias_correction": false}}, {"optimizer": "sgd", "batch_size": 5, "label": "gd"}]}
        """;

    private const string Csv = "x1,x2,label\n0.5,-1.25,1\n-0.75,2e-3,0\n1,1,1\n0,0,0\n";

    private static readonly string[] Pieces = ["", "0", "-1", "1e308", "-1e308", "1e999", "NaN", "x", "\"", ",", "[", "]", "{", "}", ":", "2", "999999999", "0.5", "true", "null", "\n"];

    [Fact]
    public void MangledNetworkScenariosLoadAndRunOrSayWhyInOneLine()
    {
        foreach (var text in Mutations(Scenario, 1, 1500))
            Clean(() =>
            {
                var world = ScenarioFile.Parse(text).CreateWorld();
                for (int s = 0; s < 3; s++) world.Advance();
            }, text);
    }

    [Fact]
    public void MangledDataFilesLoadAndTrainOrSayWhyInOneLine()
    {
        var shape = new NetworkArchitecture([2, 3, 1]);
        foreach (var text in Mutations(Csv, 2, 1500))
            Clean(() =>
            {
                var data = DataSetCsv.Parse(text.Split('\n'), "d.csv");
                var training = new NetworkTraining(new NetworkObjective(shape, data), new Optimizers.Adam(0.1), NetworkWeights.HeInitialized(shape, 1),
                    new Schedules.ConstantSchedule(), Math.Min(2, data.Count), 1);
                training.Run(2, _ => { });
            }, text);
    }

    [Fact]
    public void MangledWeightsFilesLoadOrSayWhyInOneLine()
    {
        var shape = new NetworkArchitecture([2, 3, 2, 1], Activation.Tanh);
        string weights = NetworkWeights.ToJson(shape, NetworkGradientTests.RandomParameters(shape, 1));
        foreach (var text in Mutations(weights, 3, 1500))
            Clean(() => Assert.All(NetworkWeights.Parse(text, shape), w => Assert.True(double.IsFinite(w))), text);
    }

    private static void Clean(Action run, string input)
    {
        try
        {
            run();
        }
        catch (InputError e)
        {
            Assert.False(e.Message.Contains('\n') || e.Message.Length == 0, $"not one line for input:\n{input}\n{e.Message}");
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name}: {e.Message}\nfor input:\n{input}");
        }
    }

    /// <summary>Each text is the original with one to three cuts: a span deleted or replaced by a piece, or a piece inserted.</summary>
    private static IEnumerable<string> Mutations(string original, ulong seed, int count)
    {
        var random = new SplitMix64(seed);
        for (int k = 0; k < count; k++)
        {
            string text = original;
            int cuts = 1 + random.NextInt(3);
            for (int c = 0; c < cuts && text.Length > 0; c++)
            {
                int at = random.NextInt(text.Length), length = random.NextInt(Math.Min(6, text.Length - at) + 1);
                string piece = Pieces[random.NextInt(Pieces.Length)];
                text = text[..at] + piece + text[(at + length)..];
            }
            yield return text;
        }
    }
}
