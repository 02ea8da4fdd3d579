using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Simulation;

namespace Sim.Core.Planes;

/// <summary>
/// One recomputation of a network scene's surface in two halves: <see cref="Capture"/> copies what it
/// needs from the world (cheap, on the thread that steps it), <see cref="Compute"/> builds the plane,
/// fits the domain and samples the full-batch loss on the grid (costly, on any thread, with objectives
/// of its own), and <see cref="World.Show"/> then puts the result in the world on the stepping thread.
/// </summary>
public sealed class SliceJob
{
    /// <summary>Grid points per side of a network's surface: 65² full-batch passes with gradients.</summary>
    public const int DefaultResolution = 65;

    /// <summary>Points of each ball's kept trajectory a PCA plane and the domain are fitted to, at most.</summary>
    public const int MaxPointsPerBall = 256;

    /// <summary>Margin around the balls' projections, as a fraction of their extent.</summary>
    public const double Margin = 0.3;

    private NetworkObjective objective = null!;
    private PlaneChoice choice = new();
    private int resolution, step, ballCount, pointCount;
    private double[] start = [], weights = [], points = [];
    private Domain? previous;

    /// <summary>Copies the start, every ball's weights and a thinned copy of their trajectories from <paramref name="world"/>.</summary>
    public static SliceJob Capture(World world, PlaneChoice choice, int resolution = DefaultResolution)
    {
        var job = new SliceJob();
        job.CaptureFrom(world, choice, resolution);
        return job;
    }

    /// <summary>
    /// <see cref="Capture"/> into this job's own arrays, reused when they are large enough: a window that
    /// follows the balls captures every few dozen steps without allocating. Not while <see cref="Compute"/> runs.
    /// </summary>
    public void CaptureFrom(World world, PlaneChoice choice, int resolution = DefaultResolution)
    {
        if (world.Objective is not NetworkObjective network)
            throw new InputError($"{world.Objective.Name} has no plane of weights to draw; planes are for network scenes");
        if (world.Balls.Count == 0) throw new InputError("a network scene needs at least one ball to draw its plane");
        objective = network;
        this.resolution = resolution;
        step = world.Step;
        var balls = world.Balls;
        ballCount = balls.Count;
        this.choice = Clamp(choice, ballCount);
        int n = objective.ParameterCount;
        Fit(ref start, n);
        balls[0].StartVector.CopyTo(start);
        Fit(ref weights, ballCount * n);
        for (int b = 0; b < ballCount; b++) balls[b].ParameterVector.CopyTo(weights.AsSpan(b * n));
        Fit(ref points, ballCount * (MaxPointsPerBall + 1) * n);
        pointCount = 0;
        for (int b = 0; b < ballCount; b++) pointCount += Sample(balls[b].History!, points.AsSpan(pointCount * n), n);
        previous = world.Slice is { } shown && shown.Plane.Choice == this.choice ? shown.Domain : null;
    }

    private static void Fit(ref double[] array, int length)
    {
        if (array.Length != length) array = new double[length];
    }

    public PlaneChoice Choice => choice;

    /// <summary>
    /// The plane, its domain and the sampled surface, evaluated on <paramref name="workers"/> (objectives on
    /// the world's network and data, one per thread, none of them the world's own while it steps).
    /// </summary>
    public SampledSlice Compute(IReadOnlyList<NetworkObjective> workers)
    {
        var plane = Plane();
        var domain = SliceDomain.Fit(plane, points.AsSpan(0, pointCount * start.Length), start.Length, previous);
        var exact = new PlaneSlice(objective, plane, domain, objective.Name);
        int cells = resolution * resolution;
        var values = new double[cells];
        var gx = new double[cells];
        var gy = new double[cells];
        var evaluators = workers.Select(w => new PlaneSlice(w, plane, domain, objective.Name)).ToArray();
        Parallel.For(0, evaluators.Length, w =>
        {
            for (int j = resolution * w / evaluators.Length; j < resolution * (w + 1) / evaluators.Length; j++)
                for (int i = 0; i < resolution; i++)
                {
                    int k = j * resolution + i;
                    values[k] = evaluators[w].ValueAndGradient(
                        domain.XMin + domain.Width * i / (resolution - 1), domain.YMin + domain.Height * j / (resolution - 1), out gx[k], out gy[k]);
                }
        });
        return new SampledSlice(exact, resolution, values, gx, gy, step, Floor(workers[0]));
    }

    /// <summary>The plane the choice names, from the captured weights.</summary>
    public WeightPlane Plane()
    {
        int n = start.Length;
        var plane = choice.Kind switch
        {
            PlaneKind.ThroughBalls => WeightPlanes.ThroughBalls(objective.Shape, start, Weights(choice.FirstBall, n), Weights(choice.SecondBall, n), choice),
            PlaneKind.Pca => TrajectoryPca.Plane(points, pointCount, n, choice),
            _ => WeightPlanes.Random(objective.Shape, start, choice),
        };
        return choice.CentreBall is { } centre ? WeightPlanes.RecentredOn(plane, Weights(centre, n), choice) : plane;
    }

    private ReadOnlySpan<double> Weights(int ball, int n) => ball < ballCount ? weights.AsSpan(ball * n, n) : start;

    /// <summary>The lowest true loss of the balls: the drawn range reaches down to it, so no ball sinks below the picture.</summary>
    private double Floor(NetworkObjective evaluator)
    {
        int n = start.Length;
        double floor = double.PositiveInfinity;
        for (int b = 0; b < ballCount; b++)
        {
            double loss = evaluator.Value(weights.AsSpan(b * n, n));
            if (double.IsFinite(loss)) floor = Math.Min(floor, loss);
        }
        return floor;
    }

    /// <summary>Up to <see cref="MaxPointsPerBall"/> evenly spaced finite points of a history and its newest, into <paramref name="into"/>; returns how many.</summary>
    private static int Sample(WeightHistory history, Span<double> into, int n)
    {
        int count = history.Count, stride = Math.Max(1, (count + MaxPointsPerBall - 1) / MaxPointsPerBall), taken = 0;
        for (int i = 0; i < count; i++)
        {
            if (i % stride != 0 && i != count - 1) continue;
            var point = history[i];
            if (!IsFinite(point)) continue;
            point.CopyTo(into.Slice(taken++ * n, n));
        }
        return taken;
    }

    private static bool IsFinite(ReadOnlySpan<double> v)
    {
        foreach (var x in v)
            if (!double.IsFinite(x)) return false;
        return true;
    }

    /// <summary>Ball numbers the world does not have fall back to the first balls.</summary>
    private static PlaneChoice Clamp(PlaneChoice choice, int balls) =>
        choice.FirstBall < balls && choice.SecondBall < balls && (choice.CentreBall ?? 0) < balls ? choice : choice with
    {
        FirstBall = choice.FirstBall < balls ? choice.FirstBall : 0,
        SecondBall = choice.SecondBall < balls ? choice.SecondBall : Math.Min(1, balls - 1),
        CentreBall = choice.CentreBall < balls ? choice.CentreBall : null,
    };
}
