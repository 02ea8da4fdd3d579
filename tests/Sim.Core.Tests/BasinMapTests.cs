using Sim.Core.Basins;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>The basin map's grid, its arrival steps and statuses, and its tracker's hot loop.</summary>
public class BasinMapTests
{
    [Fact]
    public void StartsAreCellCentresRowByRowFromTheBottom()
    {
        var starts = BasinMap.GridStarts(new Domain(0, 4, 10, 12), 2);
        Assert.Equal([new Point2(1, 10.5), new Point2(3, 10.5), new Point2(1, 11.5), new Point2(3, 11.5)], starts);
    }

    [Fact]
    public void ArrivalIsTheFirstStepOfTheFinalStayAtTheMinimum()
    {
        var tracker = new ArrivalTracker([new Point2(0, 0), new Point2(5, 5)], tolerance: 0.1, count: 1);
        double[] x = [1], y = [1];
        tracker.AtStart(x, y);
        Assert.Equal((-1, -1), (tracker.Minimum(0), tracker.ArrivedAt(0)));
        Step(tracker, 1, 0.05, 0); // arrives at minimum 0
        Step(tracker, 2, 0.0, 0.05);
        Assert.Equal((0, 1), (tracker.Minimum(0), tracker.ArrivedAt(0)));
        Step(tracker, 3, 0.5, 0); // overshoots: gone again
        Assert.Equal((-1, -1), (tracker.Minimum(0), tracker.ArrivedAt(0)));
        Step(tracker, 4, 5.01, 4.99); // the other minimum
        Step(tracker, 5, 5, 5);
        Assert.Equal((1, 4), (tracker.Minimum(0), tracker.ArrivedAt(0)));
    }

    private static void Step(ArrivalTracker tracker, int step, double x, double y) => tracker.AfterStep(step, 0, [x], [y]);

    [Fact]
    public void ArrivalMatchesTheFirstStepATraceIsWithinToleranceAndStays()
    {
        var landscape = LandscapeCatalog.Create("himmelblau");
        var optimizer = OptimizerCatalog.Create("sgd", Parameters.From([new("lr", "0.01"), new("momentum", "0.8")]));
        var map = BasinMap.Compute(landscape, optimizer, new ConstantSchedule(), 5, 300, landscape.Domain, 1);
        double tolerance = World.ArrivalTolerance(landscape.Domain);
        foreach (var cell in map.Cells)
        {
            var ball = new Ball("b", Colour.Palette[0], optimizer, cell.Start);
            var world = new World(landscape, [ball]) { FollowAnywhere = true };
            int lastAway = 0;
            for (int s = 1; s <= 300; s++)
            {
                world.Advance();
                var m = landscape.Minima[Math.Max(cell.Minimum, 0)];
                if (Math.Sqrt((ball.Position.X - m.X) * (ball.Position.X - m.X) + (ball.Position.Y - m.Y) * (ball.Position.Y - m.Y)) >= tolerance) lastAway = s;
            }
            Assert.Equal(BallStatus.Converged, cell.Status);
            Assert.Equal(lastAway + 1, cell.ArrivedAt);
            Assert.Equal(ball.Position, cell.End);
        }
    }

    [Fact]
    public void TrackingAllocatesNothing()
    {
        var tracker = new ArrivalTracker([new Point2(0, 0), new Point2(1, 1)], 0.01, 1024);
        var x = new double[1024];
        var y = new double[1024];
        for (int i = 0; i < x.Length; i++) (x[i], y[i]) = (i % 3 == 0 ? 0 : 0.5, i % 5 == 0 ? 1 : 0);
        tracker.AfterStep(1, 0, x, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 2; s < 50; s++) tracker.AfterStep(s, 0, x, y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PointsThatLeaveOrBreakAreDivergedAndSlowOnesRunning()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        var fast = OptimizerCatalog.Create("sgd", Parameters.From([new("lr", "0.1")]));
        var wild = OptimizerCatalog.Create("sgd", Parameters.From([new("lr", "0.5")])); // 1 − 10·lr = −4 along y: flies off
        var slow = OptimizerCatalog.Create("sgd", Parameters.From([new("lr", "1e-4")]));
        Assert.All(BasinMap.Compute(landscape, fast, new ConstantSchedule(), 4, 400, landscape.Domain, 1).Cells, c => Assert.Equal(BallStatus.Converged, c.Status));
        Assert.All(BasinMap.Compute(landscape, wild, new ConstantSchedule(), 4, 400, landscape.Domain, 1).Cells, c => Assert.Equal(BallStatus.Diverged, c.Status));
        Assert.All(BasinMap.Compute(landscape, slow, new ConstantSchedule(), 4, 10, landscape.Domain, 1).Cells, c => Assert.Equal(BallStatus.Running, c.Status));
    }
}
