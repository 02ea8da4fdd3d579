using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>
/// The simulation steps a network's parameter vector as it steps a 2-D point: mini-batches,
/// schedules, bias-correction toggles, hyperparameter edits that keep the state, divergence and
/// determinism by seed.
/// </summary>
public class NetworkWorldTests
{
    private static readonly NetworkArchitecture Shape = new([2, 6, 4, 1], Activation.Tanh);

    private static NetworkObjective Objective(int examples = 200) => new(Shape, DataSetCatalog.Create("moons", examples, 0.2, 2));

    private static Ball NewBall(Optimizer optimizer, string label = "ball") =>
        Ball.OfParameters(label, Colour.Palette[0], optimizer, NetworkWeights.HeInitialized(Shape, 3));

    private static World NewWorld(Optimizer optimizer, int batchSize = 32, ulong seed = 1, Schedule? schedule = null) =>
        new(Objective(), [NewBall(optimizer)], schedule, batchSize, seed);

    [Fact]
    public void SameSeedSameRunOtherSeedOtherRun()
    {
        double[] Run(ulong seed)
        {
            var world = NewWorld(new Adam(0.01), seed: seed);
            for (int s = 0; s < 60; s++) world.Advance();
            return world.Balls[0].ParameterVector.ToArray();
        }
        Assert.Equal(Run(4), Run(4));
        Assert.NotEqual(Run(4), Run(5));
    }

    [Fact]
    public void EveryBallStepsOnTheWorldsBatchesAndMiniBatchesMakeEpochs()
    {
        var objective = Objective();
        var world = new World(objective, [NewBall(new Sgd(0.1), "a"), NewBall(new Sgd(0.1), "b")], batchSize: 64, seed: 9);
        for (int s = 0; s < 12; s++) world.Advance();
        Assert.Equal(world.Balls[0].ParameterVector.ToArray(), world.Balls[1].ParameterVector.ToArray());
        Assert.Equal(200 - 3 * 64, world.LastBatch.Length); // ⌈200/64⌉ = 4 batches an epoch, the last of 8
        Assert.Equal(2, world.Balls[0].Epoch);
        world.BatchSize = 10;
        world.Advance();
        Assert.Equal(10, world.LastBatch.Length);
        // The loss the step reports is the mini-batch's; the full loss is the whole data set's.
        Assert.Equal(objective.Value(world.Balls[0].ParameterVector), world.Balls[0].Loss);
    }

    [Fact]
    public void TheScheduleSetsEachEpochsLearningRateAndCanBeSwitchedMidRun()
    {
        var world = NewWorld(new Sgd(0.4), batchSize: 50, schedule: new InverseTimeSchedule(1));
        for (int s = 0; s < 13; s++) world.Advance(); // 4 steps an epoch: step 13 is in epoch 3
        Assert.Equal(0.4 / (1 + 3), world.Balls[0].LearningRate);
        var state = world.Balls[0].State;
        world.Schedule = new ConstantSchedule();
        world.Advance();
        Assert.Equal(0.4, world.Balls[0].LearningRate);
        Assert.Same(state, world.Balls[0].State);
        Assert.Equal(14, state.Step);
    }

    [Fact]
    public void BiasCorrectionTogglesOnANetworkAndKeepsTheState()
    {
        var world = NewWorld(new Adam(0.01));
        for (int s = 0; s < 10; s++) world.Advance();
        var ball = world.Balls[0];
        var state = ball.State.Clone();
        var parameters = ball.ParameterVector.ToArray();
        world.SetBiasCorrection(false);
        Assert.Equal(BiasCorrectionState.Off, world.BiasCorrection);
        world.Advance();
        // The same step by hand: the uncorrected rule from the kept state, on the gradient the ball used.
        new Adam(0.01) { BiasCorrection = false }.Step(state, parameters, ball.GradientVector, 0.01);
        Assert.Equal(parameters, ball.ParameterVector.ToArray());
        Assert.Equal(11, ball.State.Step);
    }

    [Fact]
    public void AHyperparameterEditKeepsTheStateAndTakesEffectAtTheNextStep()
    {
        var world = NewWorld(new NgMomentum(0.05) { Beta = 0.9 });
        for (int s = 0; s < 10; s++) world.Advance();
        var ball = world.Balls[0];
        var state = ball.State.Clone();
        var parameters = ball.ParameterVector.ToArray();
        var edited = OptimizerCatalog.With(ball.Optimizer, "beta", "0.5");
        ball.Reconfigure(edited);
        world.Advance();
        edited.Step(state, parameters, ball.GradientVector, 0.05);
        Assert.Equal(parameters, ball.ParameterVector.ToArray());
    }

    [Fact]
    public void ARunawayLearningRateDivergesAndFreezesTheBall()
    {
        // Relu layers multiply huge weights into an infinite logit: the loss is no longer finite.
        var shape = new NetworkArchitecture([2, 6, 4, 1], Activation.Relu);
        var objective = new NetworkObjective(shape, DataSetCatalog.Create("moons", 200, 0.2, 2));
        var ball = Ball.OfParameters("sgd", Colour.Palette[0], new Sgd(1e200), NetworkWeights.HeInitialized(shape, 3));
        var world = new World(objective, [ball], batchSize: 200);
        for (int s = 0; s < 20; s++) world.Advance();
        Assert.Equal(BallStatus.Diverged, ball.Status);
        Assert.Contains(ball.DivergedReason, new[] { "parameters not finite", "loss not finite" });
        int steps = ball.Steps;
        world.Advance();
        Assert.Equal(steps, ball.Steps);
    }

    [Fact]
    public void BallsMustFitTheObjective()
    {
        var e = Assert.Throws<InputError>(() => new World(Objective(), [new Ball("xy", Colour.Palette[0], new Sgd(), new Point2(0, 0))]));
        Assert.Equal($"ball 'xy' has 2 parameters; network 2,6,4,1 tanh takes {Shape.ParameterCount}", e.Message);
        var world = NewWorld(new Sgd());
        Assert.IsType<Sim.Core.Planes.SampledSlice>(world.Landscape); // the loss over a plane of its weights, sampled on first use
        Assert.Throws<InputError>(() => world.SwitchLandscape(LandscapeCatalog.Create("quadratic")));
    }

    [Fact]
    public void SteppingANetworkWorldAllocatesNothing()
    {
        var world = NewWorld(new Adam(0.01), batchSize: 16);
        for (int s = 0; s < 30; s++) world.Advance();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < 100; s++)
        {
            world.Advance();
            _ = world.Balls[0].Loss;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void OnTheBuiltInMoonsAdamIsClearlyAheadOfGradientDescentAtTheLabsRate()
    {
        var shape = new NetworkArchitecture([2, 5, 2, 1]);
        var adam = new List<double>();
        var gd = new List<double>();
        for (ulong seed = 1; seed <= 6; seed++)
        {
            var data = DataSetCatalog.Create("moons", 300, 0.2, seed);
            var initial = NetworkWeights.HeInitialized(shape, seed);
            foreach (var (optimizer, into) in new (Optimizer, List<double>)[] { (new Adam(0.0007), adam), (new Sgd(0.0007), gd) })
            {
                var training = new NetworkTraining(new NetworkObjective(shape, data), optimizer, initial, new ConstantSchedule(), 64, seed);
                EpochRecord last = default;
                training.Run(3000, r => last = r);
                into.Add(last.Accuracy);
            }
        }
        double Median(List<double> xs) => xs.Order().Skip(2).Take(2).Average();
        Assert.True(Median(adam) >= 0.95, $"Adam: {string.Join(", ", adam)}");
        Assert.True(Median(adam) - Median(gd) >= 0.08, $"Adam {string.Join(", ", adam)}; GD {string.Join(", ", gd)}");
        Assert.True(adam.Zip(gd).Count(p => p.First > p.Second) >= 4, $"Adam {string.Join(", ", adam)}; GD {string.Join(", ", gd)}");
    }
}
