using Sim.Core.Simulation;
using Sim.Render.Scene;

namespace Sim.Render.Classroom;

/// <summary>
/// The recent steps of each ball of a world (the first <see cref="MaxBalls"/>: a swarm's others are not
/// plotted), for the loss, learning-rate, step-size and EMA panels. <see cref="Record"/> is called after
/// every world step and once a frame; it adds a sample only for a ball that has stepped since, starts
/// over for a ball that was reset or for a place another ball now holds (the picker's Delete and switch),
/// and forgets everything when handed another world.
/// </summary>
public sealed class WorldHistory(int capacity = StepHistory.DefaultCapacity)
{
    public const int MaxBalls = ScenePlacement.Crowd;

    private readonly List<StepHistory> _balls = [];
    private readonly List<Ball?> _owners = [];
    private World? _world;

    /// <summary>Balls with a history: the world's, up to <see cref="MaxBalls"/>.</summary>
    public int Count { get; private set; }

    public StepHistory Of(int ball) => _balls[ball];

    public void Record(World world)
    {
        if (!ReferenceEquals(world, _world))
        {
            _world = world;
            foreach (var h in _balls) h.Clear();
        }
        var balls = world.Balls;
        Count = Math.Min(balls.Count, MaxBalls);
        while (_balls.Count < Count) // only when the world gains balls
        {
            _balls.Add(new StepHistory(capacity));
            _owners.Add(null);
        }
        for (int i = 0; i < Count; i++)
        {
            var ball = balls[i];
            var history = _balls[i];
            if (!ReferenceEquals(_owners[i], ball))
            {
                _owners[i] = ball;
                history.Clear();
            }
            if (history.Count > 0 && ball.Steps < history.Latest.Step) history.Clear(); // reset
            if (history.Count > 0 && ball.Steps == history.Latest.Step) continue;
            var (g, u) = ball.Steps == 0 ? (default, default) : (ball.Gradient, ball.Update);
            history.Add(new StepSample(ball.Steps, (float)ball.Loss, (float)ball.BatchLoss, (float)ball.LearningRate,
                (float)g.X, (float)g.Y, (float)u.X, (float)u.Y));
        }
    }
}
