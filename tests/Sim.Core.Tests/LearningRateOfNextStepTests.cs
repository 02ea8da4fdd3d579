using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>The learning rate the next step will use has one source: the step, the HUD and the explainer read <see cref="World.NextLearningRate"/>.</summary>
public class LearningRateOfNextStepTests
{
    private static World Quadratic(Schedule schedule) =>
        new(LandscapeCatalog.Create("quadratic"), [new Ball("sgd", Colour.Palette[0], new Sgd(0.01), new Point2(1, 1))], schedule);

    [Fact]
    public void The_rate_announced_for_the_next_step_is_the_rate_that_step_uses()
    {
        // The case: quadratic + sgd, exponential decay 0.5. After one step the display said 0.01
        // while the second step used 0.005.
        var world = Quadratic(new ExponentialSchedule(0.5));
        var ball = world.Balls[0];
        Assert.Equal(0.01, world.NextLearningRate(ball), 15);
        world.Advance();
        Assert.Equal(0.01, ball.LearningRate, 15);
        for (int k = 1; k < 6; k++)
        {
            double announced = world.NextLearningRate(ball);
            Assert.Equal(0.01 * Math.Pow(0.5, k), announced, 15);
            Assert.Equal(announced, StepExplanation.Of(world, ball).LearningRate, 15);
            world.Advance();
            Assert.Equal(announced, ball.LearningRate, 15);
        }
    }

    [Fact]
    public void On_mini_batches_the_announced_rate_follows_the_epoch_the_next_batch_opens()
    {
        var landscape = LandscapeCatalog.Create("linreg");
        var world = new World(landscape, [new Ball("sgd", Colour.Palette[0], new Sgd(0.05), landscape.DefaultStart)],
            new ExponentialSchedule(0.5), batchSize: landscape.ExampleCount / 4 + 1); // 4 batches per epoch
        var ball = world.Balls[0];
        for (int k = 0; k < 20; k++)
        {
            double announced = world.NextLearningRate(ball);
            world.Advance();
            Assert.Equal(announced, ball.LearningRate, 15);
        }
        Assert.True(world.Epoch >= 4);
    }

    [Fact]
    public void A_schedule_switched_on_mid_run_starts_from_the_base_rate()
    {
        var world = Quadratic(new ConstantSchedule());
        var ball = world.Balls[0];
        for (int k = 0; k < 40; k++) world.Advance();
        Assert.Equal(BallStatus.Running, ball.Status);
        world.Schedule = new ExponentialSchedule(0.95);
        Assert.Equal(0.01, world.NextLearningRate(ball), 15); // not 0.01·0.95⁴⁰ ≈ 0.0013
        world.Advance();
        Assert.Equal(0.01, ball.LearningRate, 15);
        Assert.Equal(0.01 * 0.95, world.NextLearningRate(ball), 15);
        world.Reset();
        Assert.Equal(0, world.ScheduleStart);
    }

    [Fact]
    public void Steps_per_epoch_slow_the_schedule_on_an_analytic_landscape()
    {
        var world = Quadratic(new ExponentialSchedule(0.5));
        world.StepsPerEpoch = 10;
        var ball = world.Balls[0];
        for (int k = 0; k < 10; k++) world.Advance();
        Assert.Equal(0.01, ball.LearningRate, 15);
        Assert.Equal(1, world.Epoch);
        Assert.Equal(0.005, world.NextLearningRate(ball), 15);
        Assert.Throws<InputError>(() => world.StepsPerEpoch = 0);
    }

    [Fact]
    public void Bias_correction_is_switched_through_one_interface_on_every_rule_that_has_it()
    {
        var world = new World(LandscapeCatalog.Create("quadratic"),
        [
            new Ball("adam", Colour.Palette[0], new Adam(), new Point2(1, 1)),
            new Ball("momentum", Colour.Palette[1], new NgMomentum { BiasCorrection = true }, new Point2(1, 1)),
            new Ball("adamw", Colour.Palette[2], new AdamW(), new Point2(1, 1)),
            new Ball("sgd", Colour.Palette[3], new Sgd(), new Point2(1, 1)),
        ]);
        Assert.Equal(BiasCorrectionState.On, world.BiasCorrection);
        world.SetBiasCorrection(false);
        Assert.Equal(BiasCorrectionState.Off, world.BiasCorrection);
        Assert.All(world.Balls.Select(b => b.Optimizer).OfType<IBiasCorrected>(), o => Assert.False(o.BiasCorrection));
        Assert.Equal(3, world.Balls.Count(b => b.Optimizer is IBiasCorrected));
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("rmsprop")]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("adamax")]
    [InlineData("nadam")]
    [InlineData("radam")]
    [InlineData("adagrad")]
    [InlineData("adadelta")]
    [InlineData("rprop")]
    [InlineData("momentum")]
    [InlineData("gains")]
    public void The_catalogue_takes_every_default_from_the_class(string name)
    {
        var fromCatalogue = OptimizerCatalog.Create(name);
        var constructor = fromCatalogue.GetType().GetConstructor([typeof(double)])!;
        var fresh = (Optimizer)constructor.Invoke([constructor.GetParameters()[0].DefaultValue]); // new X() in C#
        Assert.Equal(fresh.Hyperparameters.Select(h => (h.Key, h.Text)), fromCatalogue.Hyperparameters.Select(h => (h.Key, h.Text)));
    }
}
