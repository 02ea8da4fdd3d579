using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>A scene's swarm: its spec, its starts, its points stepped as balls are, and the ones that drop out.</summary>
public class SwarmCloudTests
{
    private static Optimizer Sgd(string lr) => OptimizerCatalog.Create("sgd", Parameters.From([new("lr", lr)]));

    [Theory]
    [InlineData("grid:3", SwarmSpec.Shape.Grid, 9)]
    [InlineData("disc:1,-2,0.5,700", SwarmSpec.Shape.Disc, 700)]
    [InlineData("random:10000", SwarmSpec.Shape.Random, 10000)]
    [InlineData("random:5:42", SwarmSpec.Shape.Random, 5)]
    public void A_spec_reads_back_as_written_with_its_number_of_points(string text, SwarmSpec.Shape kind, int points)
    {
        var spec = SwarmSpec.Parse(text, "--swarm");
        Assert.Equal(kind, spec.Kind);
        Assert.Equal(points, spec.Points);
        Assert.Equal(points, spec.Starts(LandscapeCatalog.Create("himmelblau").Domain).Length);
        Assert.Equal(spec, SwarmSpec.Parse(spec.ToString(), "--swarm"));
    }

    [Theory]
    [InlineData("", "is not a swarm; expected grid:N, disc:X,Y,R,N or random:N[:SEED]")]
    [InlineData("cloud:5", "is not a swarm; expected grid:N")]
    [InlineData("grid", ": N must be a whole number from 1 to 500")]
    [InlineData("grid:0", ": N must be a whole number from 1 to 500")]
    [InlineData("grid:501", ": N must be a whole number from 1 to 500")]
    [InlineData("grid:-3", ": N must be a whole number from 1 to 500")]
    [InlineData("disc:1,2,3", ": a disc is disc:X,Y,R,N")]
    [InlineData("disc:1,2,0,5", ": the radius R must be above 0")]
    [InlineData("disc:1,2,-1,5", ": the radius R must be above 0")]
    [InlineData("disc:nan,2,1,5", ": X must be a finite number")]
    [InlineData("disc:1,1e999,1,5", ": Y must be a finite number")]
    [InlineData("disc:1,2,1,250001", ": N must be a whole number from 1 to 250,000")]
    [InlineData("random:0", ": N must be a whole number from 1 to 250,000")]
    [InlineData("random:10:x", ": the seed must be a whole number")]
    [InlineData("random:10:-1", ": the seed must be a whole number")]
    public void A_bad_spec_is_an_input_error_saying_what_is_wrong(string text, string expected)
    {
        var e = Assert.Throws<InputError>(() => SwarmSpec.Parse(text, "--swarm"));
        Assert.StartsWith("--swarm ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_disc_spreads_its_points_inside_the_disc_and_a_grid_lies_as_sim_basins_lays_it()
    {
        var disc = SwarmSpec.DiscStarts(1, 2, 0.5, 2000);
        Assert.All(disc, p => Assert.True((p.X - 1) * (p.X - 1) + (p.Y - 2) * (p.Y - 2) <= 0.25 + 1e-12));
        Assert.True(disc.Count(p => p.X > 1) is > 900 and < 1100); // even, not bunched on one side
        var d = LandscapeCatalog.Create("himmelblau").Domain;
        Assert.Equal(Sim.Core.Basins.BasinMap.GridStarts(d, 7), SwarmSpec.Parse("grid:7", "x").Starts(d));
    }

    [Fact]
    public void Each_point_of_a_worlds_swarm_moves_exactly_as_a_ball_from_its_start_and_reset_brings_them_back()
    {
        var landscape = LandscapeCatalog.Create("himmelblau");
        var spec = SwarmSpec.Parse("disc:0.5,0.5,2,50", "--swarm");
        var starts = spec.Starts(landscape.Domain);
        var world = new World(landscape, [new Ball("momentum", Colour.Palette[0], OptimizerCatalog.Create("sgd", Parameters.From([new("lr", "0.01"), new("momentum", "0.9")])), starts[17])]);
        world.Swarm = SwarmCloud.Of(spec, world, 0);
        for (int s = 0; s < 40; s++) world.Advance();
        Assert.Equal(40, world.Swarm.Steps);
        Assert.Equal(world.Balls[0].Position.X, world.Swarm.X[17]);
        Assert.Equal(world.Balls[0].Position.Y, world.Swarm.Y[17]);
        world.Reset();
        Assert.Equal(0, world.Swarm.Steps);
        Assert.Equal(starts[3].X, world.Swarm.X[3]);
    }

    [Fact]
    public void The_swarm_follows_the_worlds_schedule_as_its_balls_do()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        var start = new Point2(2, 1);
        var world = new World(landscape, [new Ball("sgd", Colour.Palette[0], Sgd("0.05"), start)], ScheduleCatalogTestDecay()) { StepsPerEpoch = 3 };
        world.Swarm = new SwarmCloud(new SwarmSpec(SwarmSpec.Shape.Disc, 1, start.X, start.Y, 1e-300), landscape, world.Balls[0].Optimizer, Colour.Palette[0], "sgd");
        for (int s = 0; s < 20; s++) world.Advance();
        Assert.Equal(world.Balls[0].Position.X, world.Swarm.X[0], 12);
        Assert.Equal(world.Balls[0].Position.Y, world.Swarm.Y[0], 12);
    }

    private static Sim.Core.Schedules.Schedule ScheduleCatalogTestDecay() =>
        Sim.Core.Schedules.ScheduleCatalog.Create("exponential", Parameters.From([new("decay_rate", "0.5")]));

    [Fact]
    public void Points_that_blow_up_or_leave_drop_out_and_the_rest_stay()
    {
        var landscape = LandscapeCatalog.Create("himmelblau"); // at lr 0.03 the steep rim blows up, the middle does not
        var world = new World(landscape, [new Ball("sgd", Colour.Palette[0], Sgd("0.03"), landscape.DefaultStart)]);
        world.Swarm = SwarmCloud.Of(SwarmSpec.Parse("grid:40", "--swarm"), world, 0);
        Assert.Equal(1600, world.Swarm.Alive);
        for (int s = 0; s < 50; s++) world.Advance();
        int gone = Enumerable.Range(0, world.Swarm.Count).Count(world.Swarm.IsGone);
        Assert.InRange(gone, 1, 1599);
        Assert.Equal(world.Swarm.Count - gone, world.Swarm.Alive);
        for (int i = 0; i < world.Swarm.Count; i++)
            if (!world.Swarm.IsGone(i)) Assert.False(World.HasEscaped(landscape.Domain, new Point2(world.Swarm.X[i], world.Swarm.Y[i])));
    }

    [Fact]
    public void Stepping_a_world_with_a_swarm_allocates_nothing()
    {
        var landscape = LandscapeCatalog.Create("himmelblau");
        var world = new World(landscape, [new Ball("adam", Colour.Palette[0], OptimizerCatalog.Create("adam"), landscape.DefaultStart)]);
        world.Swarm = SwarmCloud.Of(SwarmSpec.Parse("random:10000", "--swarm"), world, 0);
        for (int s = 0; s < 5; s++) world.Advance();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < 50; s++) world.Advance();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_scenarios_swarm_takes_the_first_balls_optimizer_and_moves_with_a_landscape_switch()
    {
        var scenario = new Scenario
        {
            Landscape = "himmelblau",
            Balls = [new BallSpec("adam", new Dictionary<string, string> { ["lr"] = "0.1" })],
            Swarm = "grid:10",
        };
        var world = scenario.CreateWorld();
        Assert.Equal(100, world.Swarm!.Count);
        Assert.Equal("adam", world.Swarm.Optimizer.Name);
        Assert.Equal(0.1, world.Swarm.Optimizer.LearningRate);
        Assert.NotSame(world.Balls[0].Optimizer, world.Swarm.Optimizer);
        world.SwitchLandscape(LandscapeCatalog.Create("rosenbrock"));
        Assert.Same(world.Landscape, world.Swarm.Landscape);
        Assert.Equal(SwarmSpec.Parse("grid:10", "x").Starts(world.Landscape.Domain)[5].X, world.Swarm.X[5]);

        var e = Assert.Throws<InputError>(() => (scenario with { Swarm = "grid:0" }).CreateWorld());
        Assert.Equal("swarm: \"grid:0\": N must be a whole number from 1 to 500", e.Message.Replace('\'', '"'));
        Assert.Contains("needs a ball", Assert.Throws<InputError>(() => (scenario with { Balls = [] }).CreateWorld()).Message);
    }
}
