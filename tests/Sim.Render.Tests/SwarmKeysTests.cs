using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>J releases a swarm at the clicked point with the selected ball's optimizer, Shift+J takes it away; its dots are built without allocating.</summary>
public class SwarmKeysTests
{
    private static PlaygroundControls Himmelblau()
    {
        var landscape = LandscapeCatalog.Create("himmelblau");
        var balls = new[] { new Ball("sgd", Colour.Palette[0], OptimizerCatalog.Create("sgd"), landscape.DefaultStart), new Ball("adam", Colour.Palette[1], OptimizerCatalog.Create("adam"), landscape.DefaultStart) };
        return new PlaygroundControls(new AppState(new World(landscape, balls)), new Camera3D());
    }

    [Fact]
    public void J_needs_a_marked_point_then_releases_a_disc_of_points_there_with_the_selected_balls_optimizer()
    {
        var c = Himmelblau();
        Assert.True(KeyBindings.Dispatch(c, Key.J, false, false));
        Assert.Null(c.World.Swarm);
        Assert.Contains("click the surface", c.Message);

        c.SetStart(new Point2(-2, 1));
        c.SelectBall(1);
        Assert.True(KeyBindings.Dispatch(c, Key.J, false, false));
        var swarm = c.World.Swarm!;
        Assert.Equal(PlaygroundControls.ReleasedPoints, swarm.Count);
        Assert.Equal("adam", swarm.Optimizer.Name);
        Assert.Equal(new Colour(c.World.Balls[1].Colour.R, c.World.Balls[1].Colour.G, c.World.Balls[1].Colour.B), swarm.Colour);
        var d = c.World.Landscape.Domain;
        double radius = PlaygroundControls.ReleaseRadius * Math.Sqrt(d.Width * d.Width + d.Height * d.Height);
        for (int i = 0; i < swarm.Count; i++)
            Assert.True(Math.Sqrt((swarm.X[i] + 2) * (swarm.X[i] + 2) + (swarm.Y[i] - 1) * (swarm.Y[i] - 1)) <= radius + 1e-9);

        c.World.Advance();
        Assert.Equal(1, swarm.Steps);
        Assert.True(KeyBindings.Dispatch(c, Key.R, false, false)); // reset: the swarm back at its starts too
        Assert.Equal(0, swarm.Steps);
        Assert.True(KeyBindings.Dispatch(c, Key.J, true, false));
        Assert.Null(c.World.Swarm);
        Assert.Equal("swarm taken away", c.Message);
    }

    [Fact]
    public void The_dots_are_the_points_still_on_the_landscape_and_building_them_allocates_nothing()
    {
        var c = Himmelblau();
        var world = c.World;
        world.Balls[0].Optimizer.LearningRate = 0.03;
        world.Swarm = SwarmCloud.Of(SwarmSpec.Parse("grid:60", "--swarm"), world, 0); // the rim blows up at this rate
        for (int s = 0; s < 30; s++) world.Advance();
        var surface = new SurfaceMesh(world.Landscape, new SurfaceOptions { Resolution = 32 });
        var dots = new SwarmPoints();
        int inside = 0;
        for (int i = 0; i < world.Swarm.Count; i++)
            if (!world.Swarm.IsGone(i) && world.Landscape.Domain.Contains(world.Swarm.X[i], world.Swarm.Y[i])) inside++;
        Assert.InRange(world.Swarm.Alive, 1, world.Swarm.Count - 1);
        Assert.Equal(inside, dots.Build(world.Swarm, surface, 0).Length);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 10; k++) dots.Build(world.Swarm, surface, 0);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
