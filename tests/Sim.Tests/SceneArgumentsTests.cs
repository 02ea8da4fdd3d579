using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;

namespace Sim.Tests;

public class SceneArgumentsTests
{
    private static readonly string[] Options = [.. SceneArguments.Options, "--steps", "--out"];

    private static (Sim.Core.Simulation.World World, string? Title) Scene(params string[] args) =>
        SceneArguments.CreateScene(new Arguments("render", args, Options, []));

    [Fact]
    public void A_network_scene_holds_out_its_test_fraction_as_sim_train_does()
    {
        var (world, _) = Scene("--data", "moons", "--examples", "200", "--layers", "2,4,1", "--test-fraction", "0.25");
        var objective = Assert.IsType<Sim.Core.Networks.NetworkObjective>(world.Objective);
        Assert.Equal(150, objective.ExampleCount);
        Assert.Equal(50, objective.Test!.Count);
        var (whole, _) = Scene("--data", "moons", "--examples", "200", "--layers", "2,4,1");
        Assert.Null(((Sim.Core.Networks.NetworkObjective)whole.Objective).Test);
        var error = Assert.Throws<InputError>(() => Scene("--landscape", "quadratic", "--test-fraction", "0.25"));
        Assert.StartsWith("--test-fraction needs --data", error.Message);
    }

    [Fact]
    public void No_scene_options_give_the_default_scene_with_its_title()
    {
        var (world, title) = Scene();
        Assert.Equal("Rosenbrock race", title);
        Assert.Equal("rosenbrock", world.Landscape.Name);
        Assert.True(world.Balls.Count >= 4);
    }

    [Fact]
    public void An_optimizer_may_carry_its_own_parameters_and_the_pool_serves_the_others()
    {
        var (world, title) = Scene("--landscape", "quadratic", "--optimizer", "sgd:lr=0.01,momentum=0.9", "--optimizer", "sgd",
            "--param", "lr=0.2", "--start", "1,-1");
        Assert.Null(title);
        var own = (Sgd)world.Balls[0].Optimizer;
        var pooled = (Sgd)world.Balls[1].Optimizer;
        Assert.Equal((0.01, 0.9), (own.LearningRate, own.Momentum));
        Assert.Equal((0.2, 0.0), (pooled.LearningRate, pooled.Momentum));
        Assert.Equal("sgd lr=0.01, momentum=0.9", world.Balls[0].Label);
        Assert.Equal("sgd", world.Balls[1].Label);
        Assert.All(world.Balls, b => Assert.Equal(new Point2(1, -1), b.Position));
        Assert.NotEqual(world.Balls[0].Colour, world.Balls[1].Colour);
    }

    [Fact]
    public void A_landscape_alone_races_the_default_balls_on_it()
    {
        var (world, _) = Scene("--landscape", "linreg", "--batch-size", "16", "--seed", "4");
        Assert.Equal("linreg", world.Landscape.Name);
        Assert.Equal(16, world.BatchSize);
        Assert.Equal(4ul, world.Seed);
        Assert.All(world.Balls, b => Assert.Equal(world.Landscape.DefaultStart, b.Start));
    }

    [Fact]
    public void The_lesson_hook_is_a_clear_input_error_until_lessons_exist()
    {
        var e = Assert.Throws<InputError>(() => Scene("--lesson", "intro"));
        Assert.Contains("--lesson 'intro'", e.Message);
        Assert.Throws<InputError>(() => Scene("--lesson", "intro", "--landscape", "quadratic"));
    }
}
