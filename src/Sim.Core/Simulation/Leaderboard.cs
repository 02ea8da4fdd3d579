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
        var order = new int[world.Balls.Count];
        Order(world, order);
        return [.. order.Select((index, i) => new LeaderboardEntry(i + 1, index, world.Balls[index]))];
    }

    /// <summary>
    /// The same ranking as ball indices, first place first, written into <paramref name="into"/> (at least
    /// as long as the world has balls) without allocating: a panel redraws it every frame.
    /// </summary>
    public static void Order(World world, Span<int> into)
    {
        var balls = world.Balls;
        if (into.Length < balls.Count) throw new ArgumentException($"room for {into.Length} of {balls.Count} balls", nameof(into));
        // Insertion sort: stable (ties keep the balls' order), and a race has a dozen balls.
        for (int i = 0; i < balls.Count; i++)
        {
            int k = i;
            while (k > 0 && Before(balls[i], i, balls[into[k - 1]], into[k - 1]))
            {
                into[k] = into[k - 1];
                k--;
            }
            into[k] = i;
        }
    }

    private static bool Before(Ball a, int ia, Ball b, int ib)
    {
        int ga = Group(a.Status), gb = Group(b.Status);
        if (ga != gb) return ga < gb;
        double ka = Key(a), kb = Key(b);
        return ka != kb ? ka < kb : ia < ib;
    }

    private static double Key(Ball ball) => ball.Status switch
    {
        BallStatus.Converged => ball.ConvergedAt ?? 0,
        BallStatus.Running => double.IsNaN(ball.Loss) ? double.PositiveInfinity : ball.Loss,
        _ => -ball.Steps,
    };

    private static int Group(BallStatus status) => status switch
    {
        BallStatus.Converged => 0,
        BallStatus.Running => 1,
        _ => 2,
    };
}
