using Sim.Core.Landscapes;

namespace Sim.Core.Simulation;

/// <summary>A ball's state after one of its steps (step 0: the start).</summary>
public readonly record struct TrajectoryPoint(int Step, Point2 Position, double Loss, double BatchLoss, double LearningRate, BallStatus Status) : ISeriesPoint
{
    int ISeriesPoint.Index => Step;
}

/// <summary>
/// Every ball's whole trajectory, unlike <see cref="Trail"/>, which keeps only the recent past for
/// drawing: the data of the CSV export. Each ball keeps at most a given number of points
/// (<see cref="ThinnedTrajectory"/>: past it, evenly thinned), so memory is bounded however long the run. Call
/// <see cref="Record"/> after each <c>World.Advance</c>; a ball adds a point only when it has
/// stepped, so a frozen ball's last point is where it stopped. A reset world starts over.
/// </summary>
public sealed class TrajectoryRecorder
{
    private readonly List<ThinnedTrajectory> points = [];

    /// <summary>Starts recording <paramref name="world"/> with each ball's current point.</summary>
    /// <param name="pointsPerBall">Points kept per ball before thinning; the default keeps every step.</param>
    public TrajectoryRecorder(World world, int pointsPerBall = int.MaxValue)
    {
        World = world;
        PointsPerBall = pointsPerBall;
        Record();
    }

    public int PointsPerBall { get; }

    /// <summary>The largest stride of any ball's kept points: 1 while every step is kept.</summary>
    public int Stride => points.Count == 0 ? 1 : points.Max(p => p.Stride);

    public World World { get; }

    /// <summary>The points of ball <paramref name="index"/> (its place in <c>World.Balls</c>), step 0 first.</summary>
    public ThinnedTrajectory Of(int index) => points[index];

    public void Record()
    {
        var balls = World.Balls;
        while (points.Count < balls.Count) points.Add(new ThinnedTrajectory(PointsPerBall));
        for (int i = 0; i < balls.Count; i++)
        {
            var ball = balls[i];
            var list = points[i];
            if (list.Count > 0 && ball.Steps < list.Latest.Step) list.Clear(); // the world was reset
            if (list.Count > 0 && ball.Steps == list.Latest.Step) continue;
            list.Add(new TrajectoryPoint(ball.Steps, ball.Position, ball.Loss, ball.BatchLoss, ball.LearningRate, ball.Status));
        }
    }

    /// <summary>Advances the world <paramref name="steps"/> times, recording each; stops early once no ball runs.</summary>
    public void Run(int steps)
    {
        for (int s = 0; s < steps && World.Balls.Any(b => b.Status == BallStatus.Running && b.Enabled); s++)
        {
            World.Advance();
            Record();
        }
    }
}
