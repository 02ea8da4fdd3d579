namespace Sim.Core.Simulation;

/// <summary>One row of a <see cref="Leaderboard"/>; <paramref name="Index"/> is the ball's place in <c>World.Balls</c>.</summary>
public sealed record LeaderboardEntry(int Rank, int Index, Ball Ball);

/// <summary>
/// The race's ranking: balls that reached a minimum first, fewest steps ahead; then those still
/// running, lowest loss ahead; then the diverged, the longest survivor ahead. Ties keep the
/// balls' order, so the ranking of a deterministic world never flickers.
/// </summary>
public static class Leaderboard
{
    public static IReadOnlyList<LeaderboardEntry> Of(World world)
    {
        var order = world.Balls
            .Select((ball, index) => (ball, index))
            .OrderBy(e => Group(e.ball.Status))
            .ThenBy(e => e.ball.Status switch
            {
                BallStatus.Converged => e.ball.ConvergedAt ?? 0,
                BallStatus.Running => double.IsNaN(e.ball.Loss) ? double.PositiveInfinity : e.ball.Loss,
                _ => -e.ball.Steps,
            })
            .ToList();
        return [.. order.Select((e, i) => new LeaderboardEntry(i + 1, e.index, e.ball))];
    }

    private static int Group(BallStatus status) => status switch
    {
        BallStatus.Converged => 0,
        BallStatus.Running => 1,
        _ => 2,
    };
}
