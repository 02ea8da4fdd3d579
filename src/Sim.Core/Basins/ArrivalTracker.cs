using System.Numerics;
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

    // The coordinates of each point's minimum (NaN for none), so that the common case, every point
    // of a vector still at its minimum, is one vector comparison.
    private readonly double[] atX, atY;

    public ArrivalTracker(IReadOnlyList<Point2> minima, double tolerance, int count)
    {
        this.minima = [.. minima];
        toleranceSquared = tolerance * tolerance;
        nearest = new int[count];
        arrivedAt = new int[count];
        Array.Fill(nearest, -1);
        Array.Fill(arrivedAt, -1);
        atX = new double[count];
        atY = new double[count];
        Array.Fill(atX, double.NaN);
        Array.Fill(atY, double.NaN);
    }

    /// <summary>Index in the minima of the one point <paramref name="i"/> is at, or −1.</summary>
    public int Minimum(int i) => nearest[i];

    /// <summary>The step since which point <paramref name="i"/> has been at its minimum, or −1.</summary>
    public int ArrivedAt(int i) => arrivedAt[i];

    /// <summary>Records the starts, which may already lie on a minimum (arrival at step 0).</summary>
    public void AtStart(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => AfterStep(0, 0, x, y);

    public void AfterStep(int step, int first, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int width = Vector<double>.Count, k = 0;
        var limit = new Vector<double>(toleranceSquared);
        var mx = atX.AsSpan(first, x.Length);
        var my = atY.AsSpan(first, x.Length);
        for (; k + width <= x.Length; k += width)
        {
            Vector<double> xv = new(x[k..]), yv = new(y[k..]), mxv = new(mx[k..]);
            var dx = xv - mxv;
            var dy = yv - new Vector<double>(my[k..]);
            if (Vector.LessThanAll(dx * dx + dy * dy, limit)) continue; // all still there: most points, most steps
            if (!Vector.EqualsAny(mxv, mxv) && !AnyNear(xv, yv, limit)) continue; // all on their way (NaN: at none), none arrived
            for (int lane = k; lane < k + width; lane++) Check(step, first + lane, x[lane], y[lane]);
        }
        for (; k < x.Length; k++) Check(step, first + k, x[k], y[k]);
    }

    private void Check(int step, int i, double x, double y)
    {
        int m = nearest[i];
        if (m >= 0 && Near(minima[m], x, y)) return;
        m = Find(x, y);
        nearest[i] = m;
        arrivedAt[i] = m >= 0 ? step : -1;
        atX[i] = m >= 0 ? minima[m].X : double.NaN;
        atY[i] = m >= 0 ? minima[m].Y : double.NaN;
    }

    private bool AnyNear(Vector<double> x, Vector<double> y, Vector<double> limit)
    {
        foreach (var m in minima)
        {
            var dx = x - new Vector<double>(m.X);
            var dy = y - new Vector<double>(m.Y);
            if (Vector.LessThanAny(dx * dx + dy * dy, limit)) return true;
        }
        return false;
    }

    private int Find(double x, double y)
    {
        for (int m = 0; m < minima.Length; m++)
            if (Near(minima[m], x, y)) return m;
        return -1;
    }

    private bool Near(Point2 m, double x, double y) => (x - m.X) * (x - m.X) + (y - m.Y) * (y - m.Y) < toleranceSquared;
}
