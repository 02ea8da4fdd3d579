using System.Diagnostics;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim.Core.Basins;

/// <summary>Where one start of a basin map ended: its position, loss and status, and which minimum it reached when.</summary>
public readonly record struct BasinCell(Point2 Start, Point2 End, double Loss, BallStatus Status, int Minimum, int ArrivedAt);

/// <summary>
/// Which minimum each start reaches: one point at the centre of each cell of an N × N grid over a
/// domain (row by row from the bottom, x fastest), all stepped S times by one optimizer on a
/// <see cref="Swarm{T}"/> with full-batch gradients and the schedule's learning rate, exactly as
/// <c>sim trace</c> steps one ball (no point is frozen early). A point ends
/// <see cref="BallStatus.Diverged"/> if it, or f there, is not finite or it is farther than
/// <see cref="World.EscapeDiagonals"/> domain diagonals out (the playground's rules),
/// <see cref="BallStatus.Converged"/> if it is within <see cref="World.ArrivalTolerance"/> of a
/// known minimum, else <see cref="BallStatus.Running"/>.
/// </summary>
public sealed class BasinMap
{
    private BasinMap(int grid, int steps, Domain domain, IReadOnlyList<Point2> minima, BasinCell[] cells, double seconds)
    {
        Grid = grid;
        Steps = steps;
        Domain = domain;
        Minima = minima;
        Cells = cells;
        Seconds = seconds;
    }

    public int Grid { get; }
    public int Steps { get; }
    public Domain Domain { get; }
    public IReadOnlyList<Point2> Minima { get; }

    /// <summary>Grid order: cell (i, j) at index j·N + i, i along x, j along y from the bottom.</summary>
    public IReadOnlyList<BasinCell> Cells { get; }

    /// <summary>Time spent stepping the swarm (not setting it up or judging the ends).</summary>
    public double Seconds { get; }

    public static Point2[] GridStarts(Domain d, int grid)
    {
        var starts = new Point2[grid * grid];
        for (int j = 0; j < grid; j++)
            for (int i = 0; i < grid; i++)
                starts[j * grid + i] = new Point2(d.XMin + d.Width * (i + 0.5) / grid, d.YMin + d.Height * (j + 0.5) / grid);
        return starts;
    }

    /// <summary>Steps between looks at the cancellation token: a few milliseconds of a 256 × 256 map.</summary>
    private const int CancelCheckSteps = 25;

    /// <summary>
    /// The map of <paramref name="optimizer"/> (which it steps: pass one no ball is using) under
    /// <paramref name="schedule"/>, whose epoch is <paramref name="stepsPerEpoch"/> steps as in a
    /// <see cref="World"/>. Stepping stops with an <see cref="OperationCanceledException"/> soon after
    /// <paramref name="cancel"/> is signalled (the window's map, superseded by a newer one).
    /// </summary>
    public static BasinMap Compute(Landscape landscape, Optimizer optimizer, Schedule schedule, int grid, int steps, Domain domain, int threads,
        int stepsPerEpoch = 1, CancellationToken cancel = default)
    {
        var starts = GridStarts(domain, grid);
        var tracker = new ArrivalTracker(landscape.Minima, World.ArrivalTolerance(landscape.Domain), starts.Length);
        using var swarm = new Swarm<double>(landscape, optimizer, starts, threads);
        tracker.AtStart(swarm.X, swarm.Y);
        double lr0 = optimizer.LearningRate;
        Func<int, double> rate = t => schedule.At(lr0, t / stepsPerEpoch);
        var clock = Stopwatch.StartNew();
        // In slices, all equal to one Advance of every step (Swarm's contract), so a cancel is seen soon.
        for (int done = 0; done < steps; done += CancelCheckSteps)
        {
            cancel.ThrowIfCancellationRequested();
            swarm.Advance(Math.Min(CancelCheckSteps, steps - done), rate, tracker);
        }
        double seconds = clock.Elapsed.TotalSeconds;

        var cells = new BasinCell[starts.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            var end = new Point2(swarm.X[i], swarm.Y[i]);
            double loss = landscape.Value(end.X, end.Y);
            var status = Judge(landscape, end, loss, tracker.Minimum(i));
            bool arrived = status == BallStatus.Converged;
            cells[i] = new BasinCell(starts[i], end, loss, status, arrived ? tracker.Minimum(i) : -1, arrived ? tracker.ArrivedAt(i) : -1);
        }
        return new BasinMap(grid, steps, domain, landscape.Minima, cells, seconds);
    }

    /// <summary>
    /// Steps small maps of the same optimizer and landscape until the JIT has settled on optimised
    /// code (three at least, for up to half a second), so that a map computed next runs at the engine's
    /// speed: <c>sim basins</c> before it times its map, the window before the first map is asked for.
    /// </summary>
    public static void WarmUp(Landscape landscape, Optimizer optimizer, Schedule schedule, int grid, int steps, Domain domain, int threads)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 3 || (clock.Elapsed.TotalSeconds < 0.5 && i < 50); i++)
            Compute(landscape, optimizer, schedule, Math.Min(grid, 48), Math.Min(steps, 100), domain, threads);
    }

    private static BallStatus Judge(Landscape landscape, Point2 end, double loss, int minimum)
    {
        if (!double.IsFinite(end.X) || !double.IsFinite(end.Y) || !double.IsFinite(loss) || World.HasEscaped(landscape.Domain, end))
            return BallStatus.Diverged;
        return minimum >= 0 ? BallStatus.Converged : BallStatus.Running;
    }

    public int CountOf(BallStatus status) => Cells.Count(c => c.Status == status);
}
