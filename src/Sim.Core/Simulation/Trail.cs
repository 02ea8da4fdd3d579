using Sim.Core.Landscapes;

namespace Sim.Core.Simulation;

/// <summary>The last <see cref="Capacity"/> positions of a ball, oldest first, in a ring buffer.</summary>
public sealed class Trail(int capacity = 1024)
{
    private readonly Point2[] points = new Point2[capacity];
    private int start;

    public int Capacity => points.Length;
    public int Count { get; private set; }

    public void Add(Point2 p)
    {
        if (Count < points.Length)
        {
            points[(start + Count) % points.Length] = p;
            Count++;
        }
        else
        {
            points[start] = p;
            start = (start + 1) % points.Length;
        }
    }

    public void Clear() => (start, Count) = (0, 0);

    /// <summary>The i-th kept position, 0 the oldest.</summary>
    public Point2 this[int i] => points[(start + i) % points.Length];
}
