using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>
/// What the network panels draw from: a network's predictions over the plane (<see cref="DecisionGrid"/>),
/// its Hessian spectrum now and in the background, each ball's accuracy per epoch, and the lab's data.
/// </summary>
public class NetworkPanelDataTests
{
    private static (NetworkObjective Objective, double[] Theta) TrainedOnMoons(int steps = 600)
    {
        var objective = new NetworkObjective(new NetworkArchitecture([2, 8, 1], Activation.Tanh), DataSetCatalog.Create("moons", 200, 0.2, 4));
        var ball = Ball.OfParameters("adam", Colour.Palette[0], new Adam(0.05), NetworkWeights.HeInitialized(objective.Shape, 2));
        var world = new World(objective, [ball], batchSize: 200);
        for (int s = 0; s < steps; s++) world.Advance();
        return (objective, ball.ParameterVector.ToArray());
    }

    /// <summary>The probability of class 1 at (x1, x2) by another road: the loss of one example labelled 1 is −ln p.</summary>
    private static double ProbabilityByLoss(NetworkArchitecture shape, ReadOnlySpan<double> theta, double x1, double x2)
    {
        var one = new NetworkObjective(shape, new DataSet([x1], [x2], [1]));
        return Math.Exp(-one.Value(theta));
    }

    [Fact]
    public void The_grid_holds_the_networks_probability_at_each_cell_centre_and_marks_exactly_the_misclassified()
    {
        var (objective, theta) = TrainedOnMoons();
        var grid = new DecisionGrid(objective.Shape, objective.Data);
        grid.Compute(theta);
        Assert.Equal(DecisionGrid.DefaultSize * DecisionGrid.DefaultSize, grid.Probabilities.Length);
        for (int row = 0; row < grid.Size; row += 7)
            for (int column = 0; column < grid.Size; column += 5)
                Assert.Equal(ProbabilityByLoss(objective.Shape, theta, grid.CellX(column), grid.CellY(row)), grid.Probabilities[row * grid.Size + column], 1e-9);
        // The box holds every point, with a margin.
        foreach (var x in objective.Data.X1.ToArray()) Assert.InRange(x, grid.XMin, grid.XMax);
        foreach (var y in objective.Data.X2.ToArray()) Assert.InRange(y, grid.YMin, grid.YMax);
        var (_, accuracy) = objective.Evaluate(theta);
        Assert.Equal((int)Math.Round(accuracy * objective.Data.Count), grid.Correct);
        Assert.InRange(accuracy, 0.8, 1); // trained: the boundary has a shape to show
        for (int k = 0; k < objective.Data.Count; k++)
        {
            double p = ProbabilityByLoss(objective.Shape, theta, objective.Data.X1[k], objective.Data.X2[k]);
            Assert.Equal(p > 0.5 != objective.Data.Y[k] > 0.5, grid.Wrong[k]);
        }
        Assert.Contains(true, grid.Wrong.ToArray());
    }

    [Fact]
    public void Computing_the_grid_allocates_nothing()
    {
        var (objective, theta) = TrainedOnMoons(steps: 5);
        var grid = new DecisionGrid(objective.Shape, objective.Data);
        grid.Compute(theta);
        long before = GC.GetAllocatedBytesForCurrentThread();
        grid.Compute(theta);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_spectrum_is_the_networks_eigenvalues_and_its_index_counts_the_negative_ones()
    {
        // Tiny weights of a tanh network: the origin is a saddle, so some curvature points down.
        var objective = new NetworkObjective(new NetworkArchitecture([2, 6, 1], Activation.Tanh), DataSetCatalog.Create("moons", 100, 0.2, 1));
        var theta = NetworkWeights.HeInitialized(objective.Shape, 5).Select(w => w * 1e-3).ToArray();
        var spectrum = HessianSpectrum.Of(objective, theta, ball: 2, step: 7);
        var expected = objective.HessianEigenvalues(theta);
        Assert.Equal(expected, spectrum.Eigenvalues.ToArray());
        Assert.Equal((2, 7), (spectrum.Ball, spectrum.Step));
        Assert.Equal(expected.Count(v => v < -spectrum.Zero), spectrum.NegativeCount);
        Assert.InRange(spectrum.NegativeCount, 1, expected.Length - 1);
        Assert.Equal(expected[^1], spectrum.Max);
    }

    [Fact]
    public void Rounding_noise_around_zero_is_not_counted_as_a_way_down()
    {
        var spectrum = new HessianSpectrum(0, 0, [-2, -1e-14, 0, 1e-15, 5]);
        Assert.Equal(1, spectrum.NegativeCount);
        Assert.True(spectrum.Stable(0.3));   // 5 < 2/0.3
        Assert.False(spectrum.Stable(0.5));  // 5 > 2/0.5
    }

    [Fact]
    public void The_background_spectrum_is_the_one_of_the_weights_asked_for_and_a_clear_drops_it()
    {
        var (objective, theta) = TrainedOnMoons(steps: 50);
        using var background = new BackgroundSpectrum();
        var asked = theta.ToArray();
        background.Request(objective, theta, ball: 1, step: 50);
        theta[0] += 1; // the request copied the weights: changing them now changes nothing
        var done = WaitFor(background);
        Assert.Equal(objective.HessianEigenvalues(asked), done.Eigenvalues.ToArray());
        Assert.Equal((1, 50), (done.Ball, done.Step));
        background.Clear();
        Assert.Null(background.Latest);
    }

    private static HessianSpectrum WaitFor(BackgroundSpectrum background)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (background.Busy || background.Latest is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "the background spectrum never came");
            Thread.Sleep(5);
        }
        return background.Latest!;
    }

    [Fact]
    public void Accuracy_is_sampled_once_an_epoch_at_the_weights_of_that_moment_and_thinned_within_its_capacity()
    {
        var objective = new NetworkObjective(LabC2W2.Shape, LabC2W2.Moons());
        var initial = NetworkWeights.Parse(LabC2W2.InitialWeightsJson, LabC2W2.Shape);
        var world = new World(objective, [Ball.OfParameters("adam", Colour.Palette[0], new Adam(0.0007), initial)], batchSize: 64);
        var history = new AccuracyHistory(capacity: 16);
        history.Record(world);
        var atStart = history.Of(0)[0];
        Assert.Equal((0, 0), (atStart.Epoch, atStart.Step));
        Assert.Equal(objective.Evaluate(initial).Accuracy, atStart.Train);
        Assert.True(double.IsNaN(atStart.Test));
        for (int s = 1; s <= 5 * 40; s++) // 40 epochs of ⌈300/64⌉ = 5 steps
        {
            world.Advance();
            history.Record(world);
            history.Record(world); // a frame's record after the step's adds nothing
            if (s % 5 == 0)
            {
                var latest = history.Of(0).Latest;
                Assert.Equal((s / 5, s), (latest.Epoch, latest.Step));
                Assert.Equal(objective.Evaluate(world.Balls[0].ParameterVector).Accuracy, latest.Train);
            }
        }
        var series = history.Of(0);
        Assert.InRange(series.Count, 2, 17);
        for (int k = 1; k < series.Count; k++) Assert.True(series[k].Epoch > series[k - 1].Epoch);
        world.Reset();
        history.Record(world);
        Assert.Single(history.Of(0));
    }

    [Fact]
    public void Test_accuracy_comes_from_the_held_out_split_and_only_when_there_is_one()
    {
        var (train, test) = HeldOut.Split(DataSetCatalog.Create("moons", 200, 0.2, 3), 0.25, 9);
        var objective = new NetworkObjective(new NetworkArchitecture([2, 6, 1], Activation.Tanh), train) { Test = test };
        var theta = NetworkWeights.HeInitialized(objective.Shape, 1);
        var world = new World(objective, [Ball.OfParameters("sgd", Colour.Palette[0], new Sgd(0.5), theta)]);
        var history = new AccuracyHistory();
        for (int s = 0; s < 20; s++) world.Advance();
        history.Record(world);
        Assert.True(history.HasTest);
        var sample = history.Of(0).Latest;
        Assert.Equal(new NetworkObjective(objective.Shape, test).Evaluate(world.Balls[0].ParameterVector).Accuracy, sample.Test);
        Assert.NotEqual(sample.Train, sample.Test);
        var landscape = new World(Landscapes.LandscapeCatalog.Create("rosenbrock"), [new Ball("sgd", Colour.Palette[0], new Sgd(1e-3), new Landscapes.Point2(0, 0))]);
        history.Record(landscape);
        Assert.Equal(0, history.Count);
        Assert.False(history.HasTest);
    }

    [Fact]
    public void The_labs_data_and_weights_are_the_ones_its_table_was_made_from()
    {
        var file = DataSetCsv.Load(Path.Combine(NetworkReferenceTests.Folder, "lab_moons.csv"));
        var built = new DataSource(LabC2W2.DataName).Load();
        Assert.Equal(300, built.Count);
        Assert.Equal(file.X1.ToArray(), built.X1.ToArray());
        Assert.Equal(file.X2.ToArray(), built.X2.ToArray());
        Assert.Equal(file.Y.ToArray(), built.Y.ToArray());
        Assert.Equal(NetworkWeights.Load(Path.Combine(NetworkReferenceTests.Folder, "lab_init.json"), LabC2W2.Shape),
            NetworkWeights.Parse(LabC2W2.InitialWeightsJson, LabC2W2.Shape));
        var error = Assert.Throws<InputError>(() => new DataSource(LabC2W2.DataName, Examples: 100).Load());
        Assert.Equal("--examples and --noise apply to generated data sets, not lab_moons, the lab's own 300 points", error.Message);
    }
}
