using Sim.Core.Simulation;

namespace Sim.Core.Networks;

/// <summary>A ball's accuracy after <see cref="Epoch"/> passes over the data (<see cref="Step"/> steps): on the training data, and on the held-out data (NaN without any).</summary>
public readonly record struct AccuracySample(int Epoch, int Step, double Train, double Test) : ISeriesPoint
{
    int ISeriesPoint.Index => Epoch;
}

/// <summary>
/// Each ball's accuracy after every epoch on a network's world (nothing on a 2-D landscape), as
/// the lab's table counts it (output &gt; 0.5 is class 1), on the training data and, when the
/// objective holds a test split (<see cref="NetworkObjective.Test"/>), on that. Call
/// <see cref="Record"/> after every world step: it evaluates a ball once per completed epoch (one
/// forward pass over the data), so batch descent pays a pass a step and b = 1 one in m steps. Each
/// ball keeps at most <see cref="Capacity"/> samples (<see cref="ThinnedSeries{T}"/>), so a run of
/// 5,000 epochs holds its whole shape in bounded memory (32 KB a ball); a reset ball starts over, another world
/// starts everything over. Allocates nothing once a ball has its series.
/// </summary>
public sealed class AccuracyHistory(int capacity = AccuracyHistory.DefaultCapacity, int maxBalls = AccuracyHistory.DefaultMaxBalls)
{
    public const int DefaultCapacity = 1024, DefaultMaxBalls = 16;

    private readonly List<ThinnedSeries<AccuracySample>> balls = [];
    private World? world;
    private NetworkObjective? test;

    public int Capacity => capacity;

    /// <summary>Balls with a series: the world's first ones, up to the most given; 0 on a 2-D landscape.</summary>
    public int Count { get; private set; }

    /// <summary>Whether the samples carry test accuracy.</summary>
    public bool HasTest => test is not null;

    public ThinnedSeries<AccuracySample> Of(int ball) => balls[ball];

    public void Record(World world)
    {
        if (!ReferenceEquals(world, this.world)) Start(world);
        if (world.Objective is not NetworkObjective objective) return;
        var list = world.Balls;
        Count = Math.Min(list.Count, maxBalls);
        while (balls.Count < Count) balls.Add(new ThinnedSeries<AccuracySample>(capacity, room: capacity)); // only when the world gains balls; never grows after
        for (int i = 0; i < Count; i++)
        {
            var ball = list[i];
            var series = balls[i];
            if (series.Count > 0 && ball.Steps < series.Latest.Step) series.Clear(); // reset
            if (series.Count > 0 && (ball.Steps == series.Latest.Step || ball.Status == BallStatus.Diverged)) continue;
            int epoch = world.NextEpoch(ball); // passes completed: the next step falls in this one
            if (series.Count > 0 && epoch <= series.Latest.Epoch) continue;
            double train = objective.Evaluate(ball.ParameterVector).Accuracy;
            double held = test is null ? double.NaN : test.Evaluate(ball.ParameterVector).Accuracy;
            series.Add(new AccuracySample(epoch, ball.Steps, train, held));
        }
    }

    private void Start(World next)
    {
        world = next;
        foreach (var series in balls) series.Clear();
        Count = 0;
        test = next.Objective is NetworkObjective { Test: { } data } objective ? new NetworkObjective(objective.Shape, data) : null;
    }
}
