using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

public class SimulationTests
{
    private static Ball NewBall(string optimizer, Point2 start, string parameters = "")
    {
        var p = new Parameters();
        foreach (var pair in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries)) p.Add(pair);
        return new Ball(optimizer, Colour.Palette[0], OptimizerCatalog.Create(optimizer, p), start);
    }

    [Theory]
    [InlineData("adam", 1)]
    [InlineData("adam", 2)]
    [InlineData("rmsprop", 2)]
    [InlineData("nadam", 1)]
    [InlineData("rprop", 2)]
    public void SwarmStepsEveryPointExactlyAsABallWould(string optimizer, int threads)
    {
        var landscape = LandscapeCatalog.Create("rosenbrock");
        var starts = Enumerable.Range(0, 2501).Select(i => new Point2(-2 + 4.0 * (i % 53) / 53, -1 + 4.0 * (i / 53) / 48)).ToArray();
        using var swarm = new Swarm<double>(landscape, OptimizerCatalog.Create(optimizer), starts, threads);
        double lr = swarm.Optimizer.LearningRate;
        for (int s = 0; s < 20; s++) swarm.Step(lr);
        foreach (int i in new[] { 0, 1, 1023, 1024, 1500, 2500 })
        {
            var world = new World(landscape, [NewBall(optimizer, starts[i])]) { FollowAnywhere = true };
            for (int s = 0; s < 20; s++) world.Advance();
            Assert.Equal(world.Balls[0].Position.X, swarm.X[i]);
            Assert.Equal(world.Balls[0].Position.Y, swarm.Y[i]);
        }
    }

    [Theory]
    [InlineData("adam", 1)]
    [InlineData("adam", 2)]
    [InlineData("nadam", 2)]
    [InlineData("radam", 2)]
    [InlineData("sgd", 3)]
    public void BlockedAdvanceEqualsSteppingEveryPointEachStep(string optimizer, int threads)
    {
        var landscape = LandscapeCatalog.Create("rosenbrock");
        var starts = Enumerable.Range(0, 3001).Select(i => new Point2(-2 + 4.0 * (i % 61) / 61, -1 + 4.0 * (i / 61) / 50)).ToArray();
        using var stepped = new Swarm<double>(landscape, OptimizerCatalog.Create(optimizer), starts, threads);
        using var blocked = new Swarm<double>(landscape, OptimizerCatalog.Create(optimizer), starts, threads);
        double lr = stepped.Optimizer.LearningRate;
        for (int s = 0; s < 30; s++) stepped.Step(lr);
        blocked.Advance(12, lr);
        blocked.Advance(18, lr);
        Assert.Equal(stepped.X.ToArray(), blocked.X.ToArray());
        Assert.Equal(stepped.Y.ToArray(), blocked.Y.ToArray());
        Assert.Equal(stepped.State.Step, blocked.State.Step);
        Assert.Equal(stepped.State.Product, blocked.State.Product);
        stepped.Step(lr);
        blocked.Advance(1, lr);
        Assert.Equal(stepped.X.ToArray(), blocked.X.ToArray());
    }

    [Fact]
    public void FloatSwarmFollowsTheDoubleSwarm()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        Point2[] starts = [new(-2.5, 1.5), new(1, 1), new(2, -2)];
        using var d = new Swarm<double>(landscape, new Adam(0.05), starts);
        using var f = new Swarm<float>(landscape, new Adam(0.05), starts);
        for (int s = 0; s < 50; s++) { d.Step(0.05); f.Step(0.05); }
        for (int i = 0; i < 3; i++) Assert.Equal(d.X[i], f.X[i], 1e-4);
    }

    [Fact]
    public void SwarmStepAllocatesNothing()
    {
        var landscape = LandscapeCatalog.Create("rosenbrock");
        var starts = Enumerable.Range(0, 5000).Select(i => new Point2(i * 1e-4, 1)).ToArray();
        using var swarm = new Swarm<double>(landscape, new Adam(), starts, threads: 2);
        for (int s = 0; s < 5; s++) swarm.Step(0.001);
        // The worker barrier creates its wait event lazily, the first time a thread must block rather
        // than spin (more likely on a loaded machine): once, not per step. A per-step allocation
        // would show in every round, so one clean round of 40 steps proves the steady state.
        var rounds = new List<long>();
        for (int round = 0; round < 5 && (rounds.Count == 0 || rounds[^1] != 0); round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 0; s < 20; s++) swarm.Step(0.001);
            swarm.Advance(20, 0.001);
            rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.True(rounds[^1] == 0, $"allocated bytes per round: {string.Join(", ", rounds)}");
    }

    [Fact]
    public void ADivergingBallIsFrozenAndTheOthersGoOn()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        var wild = NewBall("sgd", new Point2(1, 1), "lr=1.5");   // |1 − 1.5·10| > 1 along y: explodes
        var calm = NewBall("sgd", new Point2(1, 1), "lr=0.05");
        var world = new World(landscape, [wild, calm]);
        for (int s = 0; s < 400; s++) world.Advance();
        Assert.Equal(BallStatus.Diverged, wild.Status);
        Assert.Equal("left the landscape", wild.DivergedReason);
        Assert.True(double.IsFinite(wild.Position.X) && double.IsFinite(wild.Position.Y));
        int frozenAt = wild.Steps;
        world.Advance();
        Assert.Equal(frozenAt, wild.Steps);
        Assert.Equal(BallStatus.Converged, calm.Status);
        Assert.True(calm.Steps > frozenAt);
    }

    [Fact]
    public void TraceModeFollowsAnywhereUntilNotFinite()
    {
        var world = new World(LandscapeCatalog.Create("quadratic"), [NewBall("sgd", new Point2(1, 1), "lr=1.5")]) { FollowAnywhere = true };
        int steps = 0;
        while (world.Balls[0].Status == BallStatus.Running && steps < 10000) { world.Advance(); steps++; }
        Assert.Equal(BallStatus.Diverged, world.Balls[0].Status);
        Assert.Equal("position not finite", world.Balls[0].DivergedReason);
        Assert.True(steps > 100);
    }

    [Fact]
    public void ABallReachingAMinimumConvergesAndRecordsTheStep()
    {
        var world = new World(LandscapeCatalog.Create("himmelblau"), [NewBall("adam", new Point2(0, 0), "lr=0.1")]);
        for (int s = 0; s < 3000; s++) world.Advance();
        var ball = world.Balls[0];
        Assert.Equal(BallStatus.Converged, ball.Status);
        Assert.Equal(ball.Steps, ball.ConvergedAt);
        Assert.Equal(3.0, ball.Position.X, 0.05);
        Assert.Equal(2.0, ball.Position.Y, 0.05);
    }

    [Fact]
    public void SameSeedSameTrajectoryOnMiniBatches()
    {
        double[] Run(ulong seed, int batch)
        {
            var landscape = LandscapeCatalog.Create("linreg");
            var world = new World(landscape, [NewBall("sgd", landscape.DefaultStart, "lr=0.05")], batchSize: batch, seed: seed);
            for (int s = 0; s < 100; s++) world.Advance();
            return [world.Balls[0].Position.X, world.Balls[0].Position.Y];
        }
        Assert.Equal(Run(7, 8), Run(7, 8));
        Assert.NotEqual(Run(7, 8), Run(8, 8));
        Assert.Equal(Run(7, 256), Run(8, 256)); // the full batch needs no randomness
    }

    [Fact]
    public void EpochsCountPassesOverTheDataAndDriveTheSchedule()
    {
        var landscape = LandscapeCatalog.Create("linreg"); // 256 examples
        var ball = NewBall("sgd", landscape.DefaultStart, "lr=0.1");
        var world = new World(landscape, [ball], new ExponentialSchedule(0.5), batchSize: 64);
        for (int s = 0; s < 4; s++) world.Advance();
        Assert.Equal(0, ball.Epoch);
        Assert.Equal(0.1, ball.LearningRate);
        world.Advance();
        Assert.Equal(1, ball.Epoch);
        Assert.Equal(0.05, ball.LearningRate);
        world.BatchSize = 256;
        world.Advance(); // finishes epoch 1 with the rest of its examples
        world.Advance();
        Assert.Equal(2, ball.Epoch);
        Assert.Equal(0.025, ball.LearningRate);
    }

    [Fact]
    public void MiniBatchGradientsAreNoisyAndTheFullBatchIsNot()
    {
        var landscape = LandscapeCatalog.Create("linreg");
        var world = new World(landscape, [NewBall("sgd", landscape.DefaultStart, "lr=0")], batchSize: 4);
        landscape.Gradient(landscape.DefaultStart.X, landscape.DefaultStart.Y, out var gx, out var gy);
        double spread = 0;
        for (int s = 0; s < 64; s++)
        {
            world.Advance();
            var g = world.Balls[0].Gradient;
            spread = Math.Max(spread, Math.Abs(g.X - gx) + Math.Abs(g.Y - gy));
        }
        Assert.True(spread > 1e-3 * (Math.Abs(gx) + Math.Abs(gy)), $"spread {spread}");
        world.BatchSize = landscape.ExampleCount;
        for (int s = 0; s < 64; s++) world.Advance(); // finish the epoch under way, then whole batches
        Assert.Equal(gx, world.Balls[0].Gradient.X, 1e-9);
        Assert.Equal(gy, world.Balls[0].Gradient.Y, 1e-9);
    }

    [Fact]
    public void MiniBatchBallsJitterForeverAndFullBatchBallsArrive()
    {
        var landscape = LandscapeCatalog.Create("linreg", Parameters.From([KeyValuePair.Create("center", "true"), KeyValuePair.Create("scale", "true")]));
        var full = new Ball("full", Colour.Palette[0], new Sgd(0.3), landscape.DefaultStart) { BatchSize = 256 };
        var noisy = new Ball("b=4", Colour.Palette[1], new Sgd(0.3), landscape.DefaultStart) { BatchSize = 4 };
        var world = new World(landscape, [full, noisy]);
        for (int s = 0; s < 3000; s++) world.Advance();
        Assert.Equal(BallStatus.Converged, full.Status);
        Assert.Equal(BallStatus.Running, noisy.Status);
        Assert.Equal(3000, noisy.Steps);
        var m = landscape.Minima[0];
        Assert.True(Math.Abs(noisy.Position.X - m.X) + Math.Abs(noisy.Position.Y - m.Y) < 1, "the noisy ball stays near the minimum");
    }

    [Fact]
    public void ResetReplaysTheSameRun()
    {
        var landscape = LandscapeCatalog.Create("logreg");
        var world = new World(landscape, [NewBall("adam", landscape.DefaultStart, "lr=0.05")], batchSize: 16, seed: 3);
        for (int s = 0; s < 50; s++) world.Advance();
        var first = world.Balls[0].Position;
        world.Reset();
        Assert.Equal(landscape.DefaultStart, world.Balls[0].Position);
        for (int s = 0; s < 50; s++) world.Advance();
        Assert.Equal(first, world.Balls[0].Position);
    }

    [Fact]
    public void BiasCorrectionSwitchesMidRunWithoutReset()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        var adam = NewBall("adam", landscape.DefaultStart, "lr=0.1");
        var ng = NewBall("momentum", landscape.DefaultStart);
        var world = new World(landscape, [adam, ng]);
        for (int s = 0; s < 10; s++) world.Advance();
        world.SetBiasCorrection(false);
        Assert.False(((Adam)adam.Optimizer).BiasCorrection);
        world.SetBiasCorrection(true);
        Assert.True(((NgMomentum)ng.Optimizer).BiasCorrection);
        Assert.Equal(10, adam.State.Step);
        world.Advance();
        Assert.Equal(11, adam.State.Step);
    }

    [Fact]
    public void BiasCorrectionStateSeesEveryBallThatHasIt()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        Assert.Equal(BiasCorrectionState.NotApplicable, new World(landscape, [NewBall("sgd", default)]).BiasCorrection);
        var mixed = new World(landscape, [NewBall("sgd", default), NewBall("momentum", default), NewBall("adam", default)]);
        Assert.Equal(BiasCorrectionState.Mixed, mixed.BiasCorrection); // Ng's momentum defaults to off, Adam to on
        mixed.SetBiasCorrection(true);
        Assert.Equal(BiasCorrectionState.On, mixed.BiasCorrection);
        mixed.SetBiasCorrection(false);
        Assert.Equal(BiasCorrectionState.Off, mixed.BiasCorrection);
    }

    [Fact]
    public void TrailKeepsTheLatestPositionsOldestFirst()
    {
        var trail = new Trail(4);
        for (int i = 0; i < 10; i++) trail.Add(new Point2(i, -i));
        Assert.Equal(4, trail.Count);
        Assert.Equal(new Point2(6, -6), trail[0]);
        Assert.Equal(new Point2(9, -9), trail[3]);
    }

    [Fact]
    public void BatchSizeOutOfRangeIsAnInputError()
    {
        var landscape = LandscapeCatalog.Create("linreg");
        Assert.Throws<InputError>(() => new World(landscape, [NewBall("sgd", default)], batchSize: 257));
        var world = new World(landscape, [NewBall("sgd", default)], batchSize: 32);
        Assert.Throws<InputError>(() => world.BatchSize = 0);
    }

    [Fact]
    public void LastBatchIsTheBatchEveryBallSteppedOn()
    {
        var landscape = LandscapeCatalog.Create("linreg");
        var sgd = NewBall("sgd", landscape.DefaultStart, "lr=0.05");
        var adam = NewBall("adam", new Point2(landscape.DefaultStart.X + 1, landscape.DefaultStart.Y), "lr=0.05");
        var world = new World(landscape, [sgd, adam], batchSize: 8, seed: 5);
        Assert.True(world.LastBatch.IsEmpty);
        var seen = new HashSet<int>();
        for (int s = 0; s < 32; s++) // 256 examples in batches of 8: one epoch
        {
            world.Advance();
            var batch = world.LastBatch;
            Assert.Equal(8, batch.Length);
            foreach (var i in batch) Assert.True(seen.Add(i), $"example {i} twice in one epoch");
            foreach (var ball in world.Balls)
            {
                landscape.BatchGradient(ball.Previous.X, ball.Previous.Y, batch, out var gx, out var gy);
                Assert.Equal(new Point2(gx, gy), ball.Gradient);
            }
        }
        Assert.Equal(256, seen.Count);
        Assert.Equal(0, world.Epoch);
        world.Advance();
        Assert.Equal(1, world.Epoch);
        world.Reset();
        Assert.True(world.LastBatch.IsEmpty);
    }

    [Fact]
    public void ADisabledBallRejoinsTheSharedBatchSequence()
    {
        var landscape = LandscapeCatalog.Create("linreg");
        var a = NewBall("sgd", landscape.DefaultStart, "lr=0.05");
        var b = NewBall("sgd", landscape.DefaultStart, "lr=0.05");
        var world = new World(landscape, [a, b], batchSize: 4);
        b.Enabled = false;
        for (int s = 0; s < 5; s++) world.Advance();
        b.Enabled = true;
        world.Advance();
        landscape.BatchGradient(b.Previous.X, b.Previous.Y, world.LastBatch, out var gx, out var gy);
        Assert.Equal(new Point2(gx, gy), b.Gradient);
        Assert.Equal(1, b.Steps);
    }

    [Fact]
    public void AnalyticLandscapesHaveNoBatchAndOneEpochPerStep()
    {
        var world = new World(LandscapeCatalog.Create("rosenbrock"), [NewBall("adam", new Point2(-1, 1))]);
        for (int s = 0; s < 3; s++) world.Advance();
        Assert.True(world.LastBatch.IsEmpty);
        Assert.Equal(3, world.Epoch);
    }

    [Fact]
    public void SteppingAllocatesNothing()
    {
        var landscape = LandscapeCatalog.Create("linreg");
        var world = new World(landscape, [NewBall("adam", landscape.DefaultStart, "lr=0.05"), NewBall("sgd", landscape.DefaultStart, "lr=0.05;momentum=0.9")], batchSize: 16);
        // Warm up past tiered compilation, whose tier-up allocates a little now and then.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        for (int s = 0; s < 5000 || warm.ElapsedMilliseconds < 500; s++) world.Advance();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < 500; s++) world.Advance();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
