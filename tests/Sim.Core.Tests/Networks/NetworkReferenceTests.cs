using System.Globalization;
using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>
/// Full-batch training agrees with an independent implementation to 1e-9 relative over hundreds of
/// epochs: torch autograd with torch.optim, and numpy for Ng's momentum and Adam without bias
/// correction (tools/network_reference.py, from the C2W2 lab's data and initial weights in data/networks).
/// </summary>
public class NetworkReferenceTests
{
    private const double Tolerance = 1e-9;
    internal static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "networks");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "cases.csv")).Skip(1))
            if (line.Length > 0) data.Add(line.Split(',')[0]);
        return data;
    }

    [Fact]
    public void TheReferencesCoverEveryRuleTheIssueNames()
    {
        var rows = File.ReadLines(Path.Combine(Folder, "cases.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        string[] expected = ["sgd", "sgd_momentum", "sgd_nesterov", "ng_momentum", "ng_momentum_corrected", "adam", "adam_uncorrected", "rmsprop", "sgd_fixed_interval"];
        Assert.Empty(expected.Except(rows.Select(r => r[0])));
        Assert.All(rows, r => Assert.True(int.Parse(r[6], CultureInfo.InvariantCulture) >= 200));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FullBatchLossAndAccuracyMatchTheReference(string name)
    {
        var row = File.ReadLines(Path.Combine(Folder, "cases.csv")).Select(l => l.Split(',')).First(c => c[0] == name);
        var shape = NetworkArchitecture.Parse(row[1].Replace('-', ','), Activations.Parse(row[2]));
        var data = DataSetCsv.Load(Path.Combine(Folder, "lab_moons.csv"));
        var initial = NetworkWeights.Load(Path.Combine(Folder, row[3]), shape);
        var (optimizer, schedule) = Rule(row[4], row[5]);
        var training = new NetworkTraining(new NetworkObjective(shape, data), optimizer, initial, schedule, data.Count, seed: 1);

        var reference = File.ReadLines(Path.Combine(Folder, name + ".csv")).Skip(1).Select(l => l.Split(',').Select(Number).ToArray()).ToList();
        int epochs = int.Parse(row[6], CultureInfo.InvariantCulture);
        Assert.Equal(epochs + 1, reference.Count);
        var records = new List<EpochRecord>();
        training.Run(epochs, records.Add);
        Assert.Equal(reference.Count, records.Count);
        for (int e = 0; e <= epochs; e++)
        {
            Assert.Equal(e, records[e].Steps); // full batch: one step per epoch
            double error = Math.Abs(records[e].Loss - reference[e][1]) / Math.Abs(reference[e][1]);
            Assert.True(error <= Tolerance, $"{name} epoch {e}: sim {records[e].Loss:R}, reference {reference[e][1]:R}, relative error {error:E2}");
            Assert.Equal(reference[e][2], records[e].Accuracy);
        }
    }

    /// <summary>The optimizer and schedule of a case's parameters, Sim's names, <c>;</c>-separated, <c>schedule=NAME</c> among them.</summary>
    internal static (Optimizer Optimizer, Schedule Schedule) Rule(string optimizerName, string pairs)
    {
        var parameters = new Parameters();
        string scheduleName = "constant";
        foreach (var pair in pairs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("schedule=", StringComparison.Ordinal)) scheduleName = pair["schedule=".Length..];
            else parameters.Add(pair);
        }
        var optimizer = OptimizerCatalog.Create(optimizerName, parameters);
        var schedule = ScheduleCatalog.Create(scheduleName, parameters);
        parameters.RejectUnused(optimizerName);
        return (optimizer, schedule);
    }

    internal static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
