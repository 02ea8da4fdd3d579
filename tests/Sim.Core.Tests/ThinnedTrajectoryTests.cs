using Sim.Core.Landscapes;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

public class ThinnedTrajectoryTests
{
    private static TrajectoryPoint At(int step) => new(step, new Point2(step, -step), step, step, 0.1, BallStatus.Running);

    [Fact]
    public void Every_step_is_kept_until_the_capacity()
    {
        var t = new ThinnedTrajectory(8);
        for (int s = 0; s < 8; s++) t.Add(At(s));
        Assert.Equal(Enumerable.Range(0, 8), t.Select(p => p.Step));
        Assert.Equal(1, t.Stride);
    }

    [Fact]
    public void A_long_run_is_thinned_evenly_from_step_0_and_keeps_its_last_point()
    {
        var t = new ThinnedTrajectory(8);
        for (int s = 0; s <= 100; s++) t.Add(At(s));
        Assert.Equal(16, t.Stride);
        Assert.Equal([0, 16, 32, 48, 64, 80, 96, 100], t.Select(p => p.Step));
        Assert.Equal(new Point2(100, -100), t[^1].Position);
        Assert.Equal(8, t.Retained);
    }

    [Fact]
    public void Memory_stops_growing_at_the_capacity()
    {
        var t = new ThinnedTrajectory(1000);
        for (int s = 0; s < 10_000; s++) t.Add(At(s));
        int retained = t.Retained, count = t.Count;
        for (int s = 10_000; s < 1_000_000; s++) t.Add(At(s));
        Assert.Equal(retained, t.Retained);
        Assert.Equal(1000, t.Retained);
        Assert.InRange(t.Count, 500, 1001);
        Assert.InRange(count, 500, 1001);
        var steps = t.Select(p => p.Step).ToList();
        Assert.Equal(steps.Distinct().Count(), steps.Count);
        Assert.All(steps.Zip(steps.Skip(1)).SkipLast(1), p => Assert.Equal(t.Stride, p.Second - p.First));
    }

    [Fact]
    public void Clear_starts_over_at_every_step()
    {
        var t = new ThinnedTrajectory(4);
        for (int s = 0; s < 50; s++) t.Add(At(s));
        t.Clear();
        Assert.Empty(t);
        t.Add(At(0));
        t.Add(At(1));
        Assert.Equal([0, 1], t.Select(p => p.Step));
        Assert.Equal(1, t.Stride);
    }
}
