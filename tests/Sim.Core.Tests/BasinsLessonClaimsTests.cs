using Sim.Core.Basins;
using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>Each caption of the basins lesson, checked: its scenes by running them, its percentages on 64 × 64 basin maps.</summary>
public class BasinsLessonClaimsTests
{
    private static readonly Lesson Lesson = LessonCatalog.Find("basins");
    private static readonly Landscape Himmelblau = LandscapeCatalog.Create("himmelblau");

    private static World Run(int step)
    {
        var s = Lesson.Step(step);
        var world = s.Scenario.CreateWorld();
        for (int i = 0; i < s.RunSteps; i++) world.Advance();
        return world;
    }

    /// <summary>The index of the minimum each ball converged at; fails if one did not.</summary>
    private static int[] MinimaReached(World world) =>
        [.. world.Balls.Select(b =>
        {
            Assert.True(b.Status == BallStatus.Converged, $"{b.Label} is {b.Status}");
            return Enumerable.Range(0, Himmelblau.Minima.Count).MinBy(i => Distance(Himmelblau.Minima[i], b.Position));
        })];

    private static double Distance(Point2 a, Point2 b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static BasinMap Map(string optimizer, string parameters) =>
        BasinMap.Compute(Himmelblau, OptimizerCatalog.Create(optimizer, Parameters.From(BallSpecsValues(parameters))), new ConstantSchedule(), 64, 500, Himmelblau.Domain, 1);

    private static IEnumerable<KeyValuePair<string, string>> BallSpecsValues(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries).Select(p => new KeyValuePair<string, string>(p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..]));

    /// <summary>The fraction of starts that end at another minimum (or not at one) than under plain descent.</summary>
    private static double ElsewhereThanDescent(BasinMap map)
    {
        var descent = Map("sgd", "lr=0.01");
        return descent.Cells.Zip(map.Cells).Count(p => p.First.Minimum != p.Second.Minimum) / (double)map.Cells.Count;
    }

    [Fact]
    public void Step1_DescentReachesTheMinimumOfEachQuarter()
    {
        var reached = MinimaReached(Run(1));
        Assert.Equal(4, reached.Distinct().Count());
        var world = Run(1);
        foreach (var ball in world.Balls)
            Assert.Equal(Math.Sign(ball.Start.X), Math.Sign(ball.Position.X)); // stays in its quarter
    }

    [Fact]
    public void Step2_ThreeRulesFromOneStartEndAtThreeMinima() =>
        Assert.Equal(3, MinimaReached(Run(2)).Distinct().Count());

    [Fact]
    public void Step3_MomentumEndsElsewhereFrom30PercentAdamFrom7()
    {
        Assert.InRange(ElsewhereThanDescent(Map("sgd", "lr=0.01, momentum=0.9")), 0.28, 0.32);
        Assert.InRange(ElsewhereThanDescent(Map("adam", "lr=0.1")), 0.06, 0.08);
    }

    [Fact]
    public void Step4_WithoutBiasCorrectionTheFirstStepsAreLargerAndTheMapChanges()
    {
        var world = Lesson.Step(4).Scenario.CreateWorld();
        world.Advance();
        var (corrected, uncorrected) = (world.Balls[0].Update, world.Balls[1].Update);
        // Step 1 without correction: lr·(1 − β₁)·g / (√(1 − β₂)·|g|) = lr · 0.1/√0.001 ≈ 3.16 lr per coordinate.
        Assert.Equal(0.1, Math.Abs(corrected.X), 6);
        Assert.Equal(3.2, Math.Abs(uncorrected.X) / Math.Abs(corrected.X), 1);
        Assert.InRange(ElsewhereThanDescent(Map("adam", "lr=0.1, bias_correction=false")), 0.17, 0.21);
    }

    [Fact]
    public void Step5_ALargerRateMovesTwelvePercentAndLeavesSomeRunning()
    {
        var map = Map("adam", "lr=0.5");
        Assert.InRange(ElsewhereThanDescent(map), 0.10, 0.14);
        Assert.True(map.CountOf(BallStatus.Running) > 0);
    }
}
