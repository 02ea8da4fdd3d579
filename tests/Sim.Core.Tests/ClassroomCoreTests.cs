using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>The read-outs behind the classroom panels: parameter editing, curvature, the step explainer.</summary>
public class ClassroomCoreTests
{
    private static World OneBall(string landscape, string optimizer, Point2 start, params string[] parameters)
    {
        var p = new Parameters();
        foreach (var pair in parameters) p.Add(pair);
        return new World(LandscapeCatalog.Create(landscape), [new Ball(optimizer, Colour.Palette[0], OptimizerCatalog.Create(optimizer, p), start)]);
    }

    [Fact]
    public void ChangingAHyperparameterMidRunKeepsTheStateAndTheOtherValues()
    {
        var world = OneBall("quadratic", "adam", new Point2(-2.5, 1.5), "lr=0.05", "beta1=0.8", "amsgrad=true");
        for (int i = 0; i < 10; i++) world.Advance();
        var ball = world.Balls[0];
        var state = ball.State;
        double[] m = [.. state.Slots[0]];
        ball.Reconfigure(OptimizerCatalog.With(ball.Optimizer, "lr", "0.01"));
        var adam = Assert.IsType<Adam>(ball.Optimizer);
        Assert.Equal(0.01, adam.LearningRate);
        Assert.Equal(0.8, adam.Beta1);
        Assert.True(adam.Amsgrad);
        Assert.Same(state, ball.State);
        Assert.Equal(m, ball.State.Slots[0]);
        world.Advance();
        Assert.Equal(11, ball.Steps);
        Assert.Equal(0.01, ball.LearningRate);
    }

    [Fact]
    public void EditingRejectsBadValuesAndUnknownKeysAndKindChanges()
    {
        var sgd = new Sgd(0.1) { Nesterov = true, Momentum = 0.9 };
        Assert.Contains("beta1", Assert.Throws<InputError>(() => OptimizerCatalog.With(sgd, "beta1", "0.9")).Message);
        Assert.Contains("out of range", Assert.Throws<InputError>(() => OptimizerCatalog.With(sgd, "momentum", "2")).Message);
        var copy = Assert.IsType<Sgd>(OptimizerCatalog.With(sgd, "momentum", "0.5"));
        Assert.True(copy.Nesterov);
        var ball = new Ball("b", Colour.Palette[0], sgd, default);
        Assert.Throws<InputError>(() => ball.Reconfigure(new Adam()));
    }

    [Fact]
    public void HyperparametersRoundTripThroughTheCatalogue()
    {
        foreach (var name in OptimizerCatalog.Names)
        {
            var o = OptimizerCatalog.Create(name);
            var p = Parameters.From(o.Hyperparameters.Select(h => KeyValuePair.Create(h.Key, h.Text)));
            var again = OptimizerCatalog.Create(name, p);
            p.RejectUnused(name);
            Assert.Equal(o.Hyperparameters, again.Hyperparameters);
        }
    }

    [Fact]
    public void CurvatureTellsBowlSaddleAndPlateauApart()
    {
        var saddle = LandscapeCatalog.Create("saddle");
        var c = Curvature.At(saddle, new Point2(0, 0), Curvature.ValueRange(saddle));
        Assert.Equal(CurvatureKind.Saddle, c.Kind);
        Assert.Equal(-2, c.Lambda1, 12);
        Assert.Equal(2, c.Lambda2, 12);
        Assert.Equal(1, Math.Abs(c.Direction1.Y), 12); // downhill along y
        Assert.True(c.NearStationary);

        var quadratic = new Quadratic(10);
        var bowl = Curvature.At(quadratic, new Point2(1, 1), Curvature.ValueRange(quadratic));
        Assert.Equal(CurvatureKind.Bowl, bowl.Kind);
        Assert.Equal(10, bowl.ConditionNumber, 12);
        Assert.False(bowl.NearStationary);

        var plateau = LandscapeCatalog.Create("plateau");
        var range = Curvature.ValueRange(plateau);
        Assert.Equal(CurvatureKind.Plateau, Curvature.At(plateau, plateau.DefaultStart, range).Kind);
        Assert.Equal(CurvatureKind.Bowl, Curvature.At(plateau, new Point2(0.2, 0.1), range).Kind);

        var rosenbrock = LandscapeCatalog.Create("rosenbrock");
        var valley = Curvature.At(rosenbrock, new Point2(1, 1), Curvature.ValueRange(rosenbrock));
        Assert.Equal(CurvatureKind.Bowl, valley.Kind);
        Assert.True(valley.NearStationary);
        Assert.True(valley.ConditionNumber > 1000);
    }

    [Fact]
    public void TheExplainerShowsTheStepTheBallThenTakes()
    {
        var world = OneBall("rosenbrock", "adam", new Point2(-1.5, 2), "lr=0.01");
        for (int i = 0; i < 7; i++) world.Advance();
        var ball = world.Balls[0];
        var explanation = StepExplanation.Of(world, ball);
        Assert.Equal(8, explanation.Step);
        Assert.Equal(7, ball.State.Step); // nothing taken yet
        Assert.Equal(["exp_avg", "exp_avg_sq"], explanation.Slots.Select(s => s.Name));
        Assert.Equal(1 - Math.Pow(0.9, 8), explanation.Factors[0].Value, 15);
        var before = ball.Position;
        world.Advance();
        Assert.Equal(ball.Position.X - before.X, explanation.Update.X, 15);
        Assert.Equal(ball.Position.Y - before.Y, explanation.Update.Y, 15);
        Assert.Equal(ball.State.Slots[0][0], explanation.Slots[0].After.X);
        Assert.Equal(ball.Gradient, explanation.Gradient);
    }

    [Theory]
    [InlineData("adam", 0)]
    [InlineData("momentum", 0)]
    [InlineData("rmsprop", 16)] // the ball's own batches
    public void OnMiniBatchesTheExplainedStepIsTheStepTakenWithTheNextBatchsGradient(string optimizer, int ownBatch)
    {
        var linreg = LandscapeCatalog.Create("linreg");
        var ball = new Ball(optimizer, Colour.Palette[0], OptimizerCatalog.Create(optimizer, new Parameters()), linreg.DefaultStart)
        {
            BatchSize = ownBatch > 0 ? ownBatch : null,
        };
        var world = new World(linreg, [ball], batchSize: 8, seed: 5);
        int batchesPerEpoch = (linreg.ExampleCount + 7) / 8;
        bool differsFromFull = false;
        // Through more than an epoch, so the peek also crosses a reshuffle.
        for (int k = 0; k < batchesPerEpoch + 3; k++)
        {
            var e = StepExplanation.Of(world, ball);
            Assert.False(e.FullBatch);
            Assert.Equal(ownBatch > 0 ? ownBatch : 8, e.BatchSize);
            linreg.Gradient(ball.Position.X, ball.Position.Y, out double fx, out double fy);
            differsFromFull |= Math.Abs(fx - e.Gradient.X) > 1e-9 || Math.Abs(fy - e.Gradient.Y) > 1e-9;
            var before = ball.Position;
            world.Advance();
            Assert.Equal(ball.Gradient.X, e.Gradient.X, 12);
            Assert.Equal(ball.Gradient.Y, e.Gradient.Y, 12);
            Assert.Equal(ball.Position.X - before.X, e.Update.X, 12);
            Assert.Equal(ball.Position.Y - before.Y, e.Update.Y, 12);
        }
        Assert.True(differsFromFull, "a mini-batch's gradient is not the full batch's");
    }

    [Fact]
    public void PlainDescentScalesNothingAndAdamEvensOutTheAxes()
    {
        var sgd = OneBall("quadratic", "sgd", new Point2(-2.5, 1.5), "lr=0.05");
        var plain = StepExplanation.Of(sgd, sgd.Balls[0]);
        Assert.Equal(1, plain.Scaling.X, 12);
        Assert.Equal(1, plain.Scaling.Y, 12);

        var adam = OneBall("quadratic", "adam", new Point2(-2.5, 1.5), "lr=0.05");
        var first = StepExplanation.Of(adam, adam.Balls[0]);
        // Adam's first step is lr along each axis whatever the gradient: |Δx| = |Δy|.
        Assert.Equal(Math.Abs(first.Update.X), Math.Abs(first.Update.Y), 9);
        Assert.True(first.EffectiveLearningRate.X > 5 * first.EffectiveLearningRate.Y);
    }

    [Fact]
    public void NgMomentumExplainsItsBiasCorrection()
    {
        var world = OneBall("quadratic", "momentum", new Point2(1, 1), "bias_correction=true");
        var e = StepExplanation.Of(world, world.Balls[0]);
        Assert.Equal(("1 - beta^t", 1 - 0.9), e.Factors[0]);
        Assert.Equal(-0.01 * 1, e.Update.X, 15); // corrected: the first step is the whole lr·g
    }
}
