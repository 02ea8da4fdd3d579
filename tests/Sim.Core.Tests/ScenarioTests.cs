using Sim.Core.Scenarios;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Xunit;

namespace Sim.Core.Tests;

public class ScenarioTests
{
    private const string Race = """
        {
          "title": "Momentum across a ravine",
          "landscape": {"name": "quadratic", "params": {"condition": 50}},
          "schedule": {"name": "exponential", "params": {"decay_rate": 0.99}},
          "seed": 7,
          "start": [-2.5, 1.0],
          "balls": [
            {"optimizer": "sgd", "params": {"lr": 0.02}, "label": "plain"},
            {"optimizer": "sgd", "params": {"lr": 0.02, "momentum": 0.9, "nesterov": true}, "colour": "#ff0000"},
            {"optimizer": "adam", "params": {"lr": 0.1, "bias_correction": false}, "start": [1, 1]}
          ]
        }
        """;

    [Fact]
    public void Steps_per_epoch_make_the_schedule_count_epochs_of_that_many_steps()
    {
        var world = ScenarioFile.Parse("""{"landscape": "quadratic", "schedule": "exponential", "steps_per_epoch": 100, "balls": [{"optimizer": "sgd"}]}""").CreateWorld();
        Assert.Equal(100, world.StepsPerEpoch);
        for (int s = 0; s < 150; s++) world.Advance();
        Assert.Equal(1, world.Epoch);
    }

    [Fact]
    public void AScenarioBuildsItsWorld()
    {
        var scenario = ScenarioFile.Parse(Race);
        var world = scenario.CreateWorld();
        Assert.Equal("Momentum across a ravine", scenario.Title);
        Assert.Equal("quadratic", world.Landscape.Name);
        Assert.Equal(new ExponentialSchedule(0.99), world.Schedule);
        Assert.Equal(7ul, world.Seed);
        Assert.Equal(3, world.Balls.Count);
        Assert.Equal("plain", world.Balls[0].Label);
        Assert.Equal(new Landscapes.Point2(-2.5, 1.0), world.Balls[0].Position);
        Assert.Equal(new Landscapes.Point2(1, 1), world.Balls[2].Position);
        Assert.Equal(new Colour(255, 0, 0), world.Balls[1].Colour);
        var sgd = Assert.IsType<Sgd>(world.Balls[1].Optimizer);
        Assert.True(sgd.Nesterov);
        Assert.Equal(0.9, sgd.Momentum);
        Assert.False(Assert.IsType<Adam>(world.Balls[2].Optimizer).BiasCorrection);
        Assert.NotEqual(world.Balls[0].Colour, world.Balls[2].Colour);
    }

    [Fact]
    public void ShorthandNamesAndDefaultsWork()
    {
        var world = ScenarioFile.Parse("""{"landscape": "linreg", "batch_size": 32, "balls": [{"optimizer": "rmsprop"}]}""").CreateWorld();
        Assert.Equal(32, world.BatchSize);
        Assert.Equal(world.Landscape.DefaultStart, world.Balls[0].Position);
        Assert.IsType<ConstantSchedule>(world.Schedule);
    }

    [Theory]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "sgd"}, {"optimizer": "sgd"}, {"optimizer": "adamm"}]}""",
        "balls[2].optimizer: unknown optimizer 'adamm'; expected one of sgd, rmsprop, adam")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "adam", "params": {"lr": -1}}]}""",
        "balls[0].params: lr=-1 is out of range; expected >= 0")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "adam", "params": {"momentum": 0.9}}]}""",
        "balls[0].params: unknown parameter 'momentum' for optimizer adam; expected one of amsgrad, beta1")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "adam", "params": {"lr": "fast"}}]}""",
        "balls[0].params.lr: expected a number or a boolean")]
    [InlineData("""{"landscape": "mountain", "balls": [{"optimizer": "adam"}]}""",
        "landscape: unknown landscape 'mountain'; expected one of quadratic, rosenbrock")]
    [InlineData("""{"landscape": {"name": "quadratic", "params": {"condition": 0}}, "balls": [{"optimizer": "adam"}]}""",
        "landscape.params: condition=0 is out of range")]
    [InlineData("""{"landscape": "quadratic", "schedule": "cosine", "balls": [{"optimizer": "adam"}]}""",
        "schedule: unknown schedule 'cosine'; expected one of constant")]
    [InlineData("""{"landscape": "linreg", "batch_size": 1000, "balls": [{"optimizer": "adam"}]}""",
        "batch_size: batch size 1000 is out of range; expected 1 to 256")]
    [InlineData("""{"landscape": "quadratic", "batch_size": 0, "balls": [{"optimizer": "adam"}]}""",
        "batch_size: expected a whole number >= 1")]
    [InlineData("""{"landscape": "quadratic", "steps_per_epoch": 0, "balls": [{"optimizer": "adam"}]}""",
        "steps_per_epoch: expected a whole number >= 1 (at most 2147483647)")]
    [InlineData("""{"landscape": "linreg", "steps_per_epoch": 10, "balls": [{"optimizer": "adam"}]}""",
        "steps_per_epoch: applies to analytic landscapes; on linreg an epoch is one pass over its 256 examples")]
    [InlineData("""{"landscape": "quadratic", "balls": []}""", "balls: empty; expected at least one ball")]
    [InlineData("""{"landscape": "quadratic"}""", "balls: missing")]
    [InlineData("""{"balls": [{"optimizer": "adam"}]}""", "landscape: missing")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"params": {}}]}""", "balls[0].optimizer: missing")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "adam", "start": [1]}]}""", "balls[0].start: expected [x, y]")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "adam", "colour": "red"}]}""", "balls[0].colour: 'red' is not a colour; expected #rrggbb")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "adam", "speed": 2}]}""", "balls[0].speed: unknown key; expected one of optimizer, params")]
    [InlineData("""{"landscape": "quadratic", "ball": []}""", "ball: unknown key; expected one of title, landscape")]
    [InlineData("""[1, 2]""", "$: expected an object")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "adam"}""", "not valid JSON (line 1")]
    public void EveryProblemIsOneLineNamingItsPath(string json, string expected)
    {
        var error = Assert.Throws<InputError>(() => ScenarioFile.Parse(json));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var error = Assert.Throws<InputError>(() => ScenarioFile.Load("/nonexistent/race.json"));
        Assert.StartsWith("cannot read scenario '/nonexistent/race.json'", error.Message);
    }

    [Fact]
    public void TheDefaultSceneRacesWithinTwentySecondsAtSixtyStepsPerSecond()
    {
        var world = DefaultScene.Scenario.CreateWorld();
        Assert.True(world.Balls.Count >= 4);
        var start = world.Balls[0].Start;
        for (int s = 0; s < 20 * 60; s++) world.Advance();
        var loss = world.Balls.ToDictionary(b => b.Label, b => b.Loss);
        foreach (var ball in world.Balls)
        {
            Assert.NotEqual(Simulation.BallStatus.Diverged, ball.Status);
            double moved = Math.Abs(ball.Position.X - start.X) + Math.Abs(ball.Position.Y - start.Y);
            Assert.True(moved > 1, $"{ball.Label} moved only {moved}");
        }
        // The lesson: momentum beats plain SGD by orders of magnitude; Adam is near the minimum; SGD is last.
        Assert.True(loss["SGD + momentum 0.9"] < 1e-3 * loss["SGD"]);
        Assert.True(loss["Adam"] < 1e-2);
        Assert.Equal("SGD", loss.MaxBy(p => p.Value).Key);
        Assert.Equal(loss.Count, loss.Values.Distinct().Count());
    }
}
