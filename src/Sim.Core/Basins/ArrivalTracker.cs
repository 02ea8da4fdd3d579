using Sim.Core.Landscapes;
using Sim.Core.Simulation;

namespace Sim.Core.Basins;

/// <summary>
/// For each point of a swarm, the known minimum it is within the arrival tolerance of
/// (<see cref="World.ArrivalTolerance"/>) and the step since which it has stayed there: a point
/// that passes a minimum and leaves again has not arrived. Allocation-free per step; each call
/// touches only its own points, so the swarm's threads can share one tracker.
/// </summary>
public sealed class ArrivalTracker : ISwarmObserver<double>
{
    private readonly Point2[] minima;
    private readonly double toleranceSquared;
    private readonly int[] nearest;
    private readonly int[] arrivedAt;

    public ArrivalTracker(IReadOnlyList<Point2> minima, double tolerance, int count)
    {
        this.minima = [.. minima];
        toleranceSquared = tolerance * tolerance;
        nearest = new int[count];
        arrivedAt = new int[count];
        Array.Fill(nearest, -1);
        Array.Fill(arrivedAt, -1);
    }

    /// <summary>Index in the minima of the one point <paramref name="i"/> is at, or −1.</summary>
    public int Minimum(int i) => nearest[i];

    /// <summary>The step since which point <paramref name="i"/> has been at its minimum, or −1.</summary>
    public int ArrivedAt(int i) => arrivedAt[i];

    /// <summary>Records the starts, which may already lie on a minimum (arrival at step 0).</summary>
    public void AtStart(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => AfterStep(0, 0, x, y);

    public void AfterStep(int step, int first, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        for (int k = 0; k < x.Length; k++)
        {
            int i = first + k, m = nearest[i];
            if (m >= 0 && Near(minima[m], x[k], y[k])) continue; // still there: most points, most steps
            m = Find(x[k], y[k]);
            nearest[i] = m;
            arrivedAt[i] = m >= 0 ? step : -1;
        }
    }

    private int Find(double x, double y)
    {
        for (int m = 0; m < minima.Length; m++)
            if (Near(minima[m], x, y)) return m;
        return -1;
    }

    private bool Near(Point2 m, double x, double y) => (x - m.X) * (x - m.X) + (y - m.Y) * (y - m.Y) < toleranceSquared;
}
