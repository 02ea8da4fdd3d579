using System.Globalization;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>
/// Float64 trajectories agree with torch.optim (Debian's python3-torch 1.13) to 1e-9 relative over
/// 500 steps. The references in data/torch were made by tools/torch_reference.py; cases.csv names
/// each case's landscape, optimizer, parameters (our names) and start.
/// </summary>
public class TorchReferenceTests
{
    private const double Tolerance = 1e-9;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "torch");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "cases.csv")).Skip(1))
            if (line.Length > 0) data.Add(line.Split(',')[0]);
        return data;
    }

    [Fact]
    public void EveryTorchOptimizerHasReferences()
    {
        var optimizers = File.ReadLines(Path.Combine(Folder, "cases.csv")).Skip(1).Select(l => l.Split(',')[2]).ToHashSet();
        foreach (var name in new[] { "sgd", "rmsprop", "adam", "adamw", "adamax", "nadam", "radam", "adagrad", "adadelta", "rprop" })
            Assert.Contains(name, optimizers);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrajectoryMatchesTorch(string name)
    {
        var row = File.ReadLines(Path.Combine(Folder, "cases.csv")).Select(l => l.Split(',')).First(c => c[0] == name);
        var (landscapeName, optimizerName, pairs) = (row[1], row[2], row[3]);
        var start = new Point2(Number(row[4]), Number(row[5]));
        int steps = int.Parse(row[6], CultureInfo.InvariantCulture);

        var parameters = new Parameters();
        string scheduleName = "constant";
        foreach (var pair in pairs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("schedule=", StringComparison.Ordinal)) scheduleName = pair["schedule=".Length..];
            else parameters.Add(pair);
        }
        var landscape = LandscapeCatalog.Create(landscapeName);
        var optimizer = OptimizerCatalog.Create(optimizerName, parameters);
        var schedule = ScheduleCatalog.Create(scheduleName, parameters);
        parameters.RejectUnused(name);
        var world = new World(landscape, [new Ball(name, Colour.Palette[0], optimizer, start)], schedule) { FollowAnywhere = true };
        var ball = world.Balls[0];

        var reference = File.ReadLines(Path.Combine(Folder, name + ".csv")).Skip(1).Select(l => l.Split(',').Select(Number).ToArray()).ToList();
        Assert.Equal(steps + 1, reference.Count);
        for (int s = 0; s <= steps; s++)
        {
            if (s > 0) world.Advance();
            var r = reference[s];
            Close(r[1], ball.Position.X, name, s, "x");
            Close(r[2], ball.Position.Y, name, s, "y");
            Close(r[3], ball.Loss, name, s, "loss");
        }
    }

    private static void Close(double expected, double actual, string name, int step, string what)
    {
        double error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-6);
        Assert.True(error <= Tolerance, $"{name} step {step} {what}: sim {actual:R}, torch {expected:R}, relative error {error:E2}");
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
