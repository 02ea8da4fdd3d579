using Sim.Core.Lessons;
using Sim.Core.Simulation;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The compact legend's step, epoch and batch line say what is true of every ball.</summary>
public class LegendTruthTests
{
    private static World Run(string lesson, int k)
    {
        var step = LessonCatalog.Find(lesson).Step(k);
        var world = step.Scenario.CreateWorld();
        for (int s = 0; s < step.RunSteps; s++) world.Advance();
        return world;
    }

    [Fact]
    public void One_ball_on_mini_batches_of_its_own_counts_its_own_epochs()
    {
        // Lesson 1 step 2: 120 steps of b = 32 over 256 examples are 15 passes; the legend said "epoch 119".
        var world = Run("minibatch", 2);
        Assert.Equal(14, world.CommonEpoch);
        var legend = new CompactLegend();
        Assert.Equal("▶ step 120 · epoch 14", legend.Progress(world, paused: false).ToString());
        Assert.Equal("batch per ball", legend.Switches(world).ToString());
    }

    [Fact]
    public void Balls_on_batches_of_different_sizes_get_no_single_epoch_and_no_full_batch_line()
    {
        // Lesson 1 step 3 (b = 256, 32, 1) said "epoch 149 · full batch": true of the first ball only.
        var world = Run("minibatch", 3);
        Assert.Null(world.CommonEpoch);
        var legend = new CompactLegend();
        Assert.Equal("▶ step 150", legend.Progress(world, paused: false).ToString());
        Assert.Equal("batch per ball", legend.Switches(world).ToString());
        // Full batch alone: an epoch a step, as before.
        Assert.Equal(59, Run("minibatch", 1).CommonEpoch);
    }

    [Fact]
    public void A_network_on_mini_batches_of_64_counts_five_steps_a_pass()
    {
        // Lesson 14 step 2's caption says five steps a pass; the legend said "epoch 1999" after 2,000 steps.
        var world = Run("netbatches", 2);
        Assert.Equal(399, world.CommonEpoch);
    }
}
