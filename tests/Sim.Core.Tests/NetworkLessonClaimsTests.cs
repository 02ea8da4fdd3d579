using Sim.Core.Data;
using Sim.Core.Lessons;
using Sim.Core.Networks;
using Sim.Core.Simulation;
using Sim.Core.Tests.Networks;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>Each caption of the network lessons (the lab, saddles in high dimensions, mini-batches on a network) checked against the simulation.</summary>
public class NetworkLessonClaimsTests
{
    /// <summary>A lesson step's world after <paramref name="steps"/> (its own run by default), calling <paramref name="each"/> after every step.</summary>
    private static World Run(string lesson, int k, Action<World>? each = null, int? steps = null)
    {
        var step = LessonCatalog.Find(lesson).Step(k);
        var world = step.Scenario.CreateWorld();
        each?.Invoke(world);
        for (int s = 0; s < (steps ?? step.RunSteps); s++)
        {
            world.Advance();
            each?.Invoke(world);
        }
        return world;
    }

    private static NetworkObjective Network(World world) => (NetworkObjective)world.Objective;

    private static double Accuracy(World world, string label) =>
        Network(world).Evaluate(world.Balls.Single(b => b.Label.StartsWith(label, StringComparison.Ordinal)).ParameterVector).Accuracy;

    /// <summary>The lab's printed figure a ball's name carries ("GD · lab 0.717").</summary>
    private static double LabFigure(Ball ball) =>
        double.Parse(ball.Label[(ball.Label.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Lab_runs_on_the_labs_data_weights_and_settings()
    {
        var world = LessonCatalog.Find("lab").Step(1).Scenario.CreateWorld();
        var objective = Network(world);
        Assert.Equal(LabC2W2.Layers, objective.Shape.Layers);
        Assert.Equal(LabC2W2.Moons().X1.ToArray(), objective.Data.X1.ToArray());
        Assert.Equal(64, world.BatchSize);
        Assert.All(world.Balls, b => Assert.Equal(NetworkWeights.Parse(LabC2W2.InitialWeightsJson, LabC2W2.Shape), b.StartVector.ToArray()));
        Assert.Equal(5000, LessonCatalog.Find("lab").Step(1).RunSteps / 5); // 5,000 epochs of 5 steps
        // The lab's printed table, which the names carry, is the lab's code's (tools/lab_c2w2.py, data/networks/lab_table.csv).
        var table = File.ReadLines(Path.Combine(NetworkReferenceTests.Folder, "lab_table.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var printed = table.Select(r => Math.Round(NetworkReferenceTests.Number(r[3]), 3)).ToList();
        var named = LessonCatalog.Find("lab").Steps.Take(2).SelectMany(s => s.Scenario.CreateWorld().Balls).Select(LabFigure).ToList();
        Assert.Equal(printed, named);
    }

    [Fact]
    public void Lab_step_1_GD_and_momentum_stall_at_0717_and_Adam_reaches_0943_as_printed()
    {
        var world = Run("lab", 1);
        Assert.Equal(0.717, Accuracy(world, "GD"), 0.0005);
        Assert.Equal(0.717, Accuracy(world, "momentum"), 0.0005);
        Assert.Equal(0.943, Accuracy(world, "Adam"), 0.0005);
        foreach (var ball in world.Balls) Assert.Equal(LabFigure(ball), Network(world).Evaluate(ball.ParameterVector).Accuracy, 0.0005);
    }

    [Fact]
    public void Lab_step_2_decay_brings_all_three_to_094_to_095_within_a_thousandth_or_three_of_the_printed_table()
    {
        var world = Run("lab", 2);
        foreach (var ball in world.Balls)
        {
            double accuracy = Network(world).Evaluate(ball.ParameterVector).Accuracy;
            Assert.InRange(accuracy, 0.94, 0.955);
            Assert.Equal(LabFigure(ball), accuracy, 0.0035);
        }
        // ÷(1 + ⌊epoch/1000⌋): at epoch 4,999 the rates are lr₀/5.
        Assert.Equal(0.1 / 5, world.Balls[0].LearningRate, 1e-12);
        Assert.Equal(0.01 / 5, world.Balls[2].LearningRate, 1e-12);
    }

    [Fact]
    public void Lab_step_3_GDs_curvature_allows_a_rate_near_6_and_GD_at_01_reaches_094()
    {
        var world = Run("lab", 3);
        var slow = world.Balls[0];
        var spectrum = HessianSpectrum.Of(Network(world), slow.ParameterVector, 0, slow.Steps);
        Assert.InRange(spectrum.Max, 0.25, 0.35);       // "about 0.3"
        Assert.InRange(2 / spectrum.Max, 5.5, 7);       // "≈ 6"
        Assert.True(spectrum.Stable(world.NextLearningRate(slow)));
        Assert.InRange(Accuracy(world, "GD, lr 0.1"), 0.94, 0.95);
        Assert.True(Accuracy(world, "GD, lr 0.0007") < 0.7);
    }

    [Fact]
    public void High_saddles_step_1_sits_at_ln2_with_16_of_65_curvatures_pointing_down_one_a_hidden_unit()
    {
        int?[] counts = new int?[21];
        var world = Run("highsaddles", 1, w => counts[w.Step] = HessianSpectrum.Of(Network(w), w.Balls[0].ParameterVector, 0, w.Step).NegativeCount);
        Assert.Equal(16, Network(world).Shape.Units(1));
        Assert.Equal(65, Network(world).ParameterCount);
        Assert.Equal(16, counts[20]);
        Assert.All(counts[6..], n => Assert.Equal(16, n)); // from step 6 on (the first steps' extra ones are rounding-sized)
        Assert.Equal(Math.Log(2), world.Balls[0].Loss, 0.001);
    }

    /// <summary>The first step after which each ball's full loss is below <paramref name="below"/>, from step <paramref name="after"/> on.</summary>
    private static int?[] Escapes(string lesson, int k, double below, int after = 0)
    {
        int?[]? escaped = null;
        Run(lesson, k, world =>
        {
            escaped ??= new int?[world.Balls.Count];
            for (int i = 0; i < world.Balls.Count; i++)
                if (escaped[i] is null && world.Step >= after && world.Balls[i].Loss < below) escaped[i] = world.Step;
        });
        return escaped!;
    }

    [Fact]
    public void High_saddles_step_2_RMSprop_leaves_in_2_steps_momentum_and_Adam_by_20_plain_descent_after_40()
    {
        var escaped = Escapes("highsaddles", 2, below: 0.6);
        var (gd, momentum, rmsprop, adam) = (escaped[0]!.Value, escaped[1]!.Value, escaped[2]!.Value, escaped[3]!.Value);
        Assert.Equal(2, rmsprop);
        Assert.InRange(momentum, 3, 20);
        Assert.InRange(adam, 3, 20);
        Assert.InRange(gd, 40, 50);
    }

    [Fact]
    public void High_saddles_step_3_a_second_plateau_at_033_that_Adam_leaves_by_800_and_GD_not_in_3000()
    {
        var world = Run("highsaddles", 3, steps: 300);
        Assert.All(world.Balls, b => Assert.InRange(b.Loss, 0.3, 0.36)); // all on the second plateau
        var gdSpectrum = HessianSpectrum.Of(Network(world), world.Balls[0].ParameterVector, 0, 300);
        Assert.True(gdSpectrum.NegativeCount > 0, "the plateau is a saddle: some curvature points down");
        var escaped = Escapes("highsaddles", 3, below: 0.2, after: 300);
        Assert.Equal(["gradient descent", "adam"], world.Balls.Select(b => b.Label));
        Assert.Null(escaped[0]);
        Assert.InRange(escaped[1]!.Value, 300, 800);
        var end = Run("highsaddles", 3);
        Assert.InRange(end.Balls[0].Loss, 0.3, 0.34);
        Assert.InRange(Network(end).Evaluate(end.Balls[0].ParameterVector).Accuracy, 0.85, 0.87);
    }

    [Fact]
    public void High_saddles_step_4_two_hidden_layers_hold_plain_descent_some_350_steps_and_RMSprop_4()
    {
        var escaped = Escapes("highsaddles", 4, below: 0.6);
        Assert.InRange(escaped[0]!.Value, 300, 400);
        Assert.Equal(4, escaped[2]!.Value);
        var single = Escapes("highsaddles", 2, below: 0.6);
        Assert.True(escaped[0] > 5 * single[0], "two hidden layers hold plain descent far longer than one");
    }

    [Fact]
    public void Net_batches_step_1_full_batch_loss_falls_at_every_step()
    {
        double last = double.PositiveInfinity;
        var rises = 0;
        Run("netbatches", 1, world =>
        {
            if (world.Balls[0].Loss > last + 1e-12) rises++;
            last = world.Balls[0].Loss;
        });
        Assert.True(rises < 20, $"the full-batch loss rose {rises} times in 2,000 steps"); // a relu kink may cost a step now and then
    }

    [Fact]
    public void Net_batches_step_2_each_batch_loss_scatters_while_the_full_loss_falls()
    {
        var batchGap = new List<double>();
        var world = Run("netbatches", 2, w => { if (w.Step > 0) batchGap.Add(w.Balls[0].BatchLoss - w.Balls[0].Loss); });
        Assert.True(batchGap.Select(Math.Abs).Average() > 0.02, "the batch loss is hardly noisier than the full one");
        Assert.True(world.Balls[0].Loss < Math.Log(2) - 0.3);
    }

    [Fact]
    public void Net_batches_step_3_b64_keeps_up_with_b300_and_b1_does_not_settle()
    {
        var late = new List<double>[3] { [], [], [] };
        var world = Run("netbatches", 3, w =>
        {
            if (w.Step <= 4000) return;
            for (int i = 0; i < 3; i++) late[i].Add(w.Balls[i].Loss);
        });
        double full = Accuracy(world, "b = 300"), mini = Accuracy(world, "b = 64");
        Assert.True(Math.Abs(full - mini) <= 0.01, $"b = 64 at {mini:F3}, b = 300 at {full:F3}");
        static double Spread(List<double> v) => v.Max() - v.Min();
        Assert.True(Spread(late[2]) > 5 * Spread(late[0]), "b = 1's loss wanders no more than b = 300's");
        Assert.True(late[2].Average() > late[0].Average() + 0.05);
    }
}
