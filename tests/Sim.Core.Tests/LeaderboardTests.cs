using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

public class LeaderboardTests
{
    private static Ball NewBall(string label, string optimizer, double lr) =>
        new(label, Colour.Palette[0], OptimizerCatalog.Create(optimizer, Parameters.From([new("lr", $"{lr}")])), new Point2(0, 0));

    [Fact]
    public void ConvergedFirstByStepsThenRunningByLossThenDiverged()
    {
        var world = new World(LandscapeCatalog.Create("himmelblau"),
        [
            NewBall("diverges", "sgd", 1),
            NewBall("slow", "sgd", 0.001),
            NewBall("fast", "sgd", 0.01),
            NewBall("slower", "sgd", 0.0005),
            NewBall("medium", "rprop", 0.01),
        ]);
        for (int s = 0; s < 100; s++) world.Advance();
        Assert.Equal(BallStatus.Diverged, world.Balls[0].Status);

        var board = Leaderboard.Of(world);
        Assert.Equal(["fast", "medium", "slow", "slower", "diverges"], board.Select(e => e.Ball.Label));
        Assert.Equal([1, 2, 3, 4, 5], board.Select(e => e.Rank));
        Assert.Equal([2, 4, 1, 3, 0], board.Select(e => e.Index));
        Assert.True(board[0].Ball.ConvergedAt < board[1].Ball.ConvergedAt);
        Assert.Equal(BallStatus.Running, board[2].Ball.Status);
        Assert.True(board[2].Ball.Loss < board[3].Ball.Loss);
    }

    [Fact]
    public void TiesKeepTheBallsOrder()
    {
        var world = new World(LandscapeCatalog.Create("quadratic"), [NewBall("a", "sgd", 0.1), NewBall("b", "sgd", 0.1)]);
        Assert.Equal(["a", "b"], Leaderboard.Of(world).Select(e => e.Ball.Label));
    }

    [Fact]
    public void TheRaceLessonsRankingFillsABufferWithoutAllocating()
    {
        var world = Lessons.LessonCatalog.Find("race").Step(3).Scenario.CreateWorld();
        for (int s = 0; s < 300; s++) world.Advance();
        var order = new int[world.Balls.Count];
        Leaderboard.Order(world, order); // warm
        long before = GC.GetAllocatedBytesForCurrentThread();
        Leaderboard.Order(world, order);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Leaderboard.Of(world).Select(e => e.Index), order);
        Assert.Throws<ArgumentException>(() => Leaderboard.Order(world, new int[3]));
    }
}
