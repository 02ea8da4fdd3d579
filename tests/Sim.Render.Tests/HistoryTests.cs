using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Xunit;

namespace Sim.Render.Tests;

public class HistoryTests
{
    [Fact]
    public void A_full_ring_keeps_the_latest_steps_in_order()
    {
        var h = new StepHistory(capacity: 4);
        for (int s = 0; s < 10; s++) h.Add(new StepSample(s, s, s, 0.1f, 0, 0, 0, 0));
        Assert.Equal(4, h.Count);
        Assert.Equal([6, 7, 8, 9], Enumerable.Range(0, 4).Select(i => h[i].Step));
        h.Clear();
        Assert.Equal(0, h.Count);
    }

    [Fact]
    public void Each_step_of_each_ball_is_recorded_once_and_a_reset_starts_over()
    {
        var world = DefaultScene.Scenario.CreateWorld();
        var history = new WorldHistory();
        history.Record(world);
        for (int s = 0; s < 20; s++)
        {
            world.Advance();
            history.Record(world);
            history.Record(world); // once a frame too: no double
        }
        Assert.Equal(world.Balls.Count, history.Count);
        for (int i = 0; i < world.Balls.Count; i++)
        {
            var h = history.Of(i);
            Assert.Equal(21, h.Count);
            Assert.Equal(world.Balls[i].Loss, h.Latest.Loss, 1e-5 * Math.Max(1, world.Balls[i].Loss));
            Assert.Equal((float)world.Balls[i].Update.X, h.Latest.UpdateX);
            Assert.Equal((float)world.Balls[i].Gradient.Y, h.Latest.GradientY);
        }
        world.Reset();
        history.Record(world);
        Assert.Equal(1, history.Of(0).Count);
        Assert.Equal(0, history.Of(0).Latest.Step);
    }

    [Fact]
    public void Recording_a_step_allocates_nothing_once_the_ring_exists()
    {
        var world = DefaultScene.Scenario.CreateWorld();
        var history = new WorldHistory();
        history.Record(world);
        world.Advance();
        history.Record(world);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < 100; s++)
        {
            world.Advance();
            history.Record(world);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_swarm_keeps_history_for_its_first_balls_only()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        var balls = Enumerable.Range(0, 40).Select(i => new Ball($"b{i}", Core.Colour.Palette[0], Core.Optimizers.OptimizerCatalog.Create("sgd"), new Point2(1, 1)));
        var history = new WorldHistory(capacity: 8);
        history.Record(new World(landscape, balls));
        Assert.Equal(WorldHistory.MaxBalls, history.Count);
    }

    [Fact]
    public void Effective_learning_rate_is_step_over_gradient_per_axis()
    {
        var s = new StepSample(3, 1, 1, 0.1f, GradientX: 2, GradientY: 0, UpdateX: -0.5f, UpdateY: 0.25f);
        Assert.Equal(0.25f, s.EffectiveLearningRate(0));
        Assert.True(float.IsNaN(s.EffectiveLearningRate(1))); // no gradient: no rate
    }
}
