using System.Collections;

namespace Sim.Core.Simulation;

/// <summary>A point of a <see cref="ThinnedSeries{T}"/>: its place in the series (a step, an epoch), which thinning keeps multiples of the stride of.</summary>
public interface ISeriesPoint
{
    int Index { get; }
}

/// <summary>One ball's trajectory, thinned as <see cref="ThinnedSeries{T}"/> says, step by step.</summary>
/// <param name="capacity">Points kept at most besides the latest; at least 2.</param>
public sealed class ThinnedTrajectory(int capacity) : ThinnedSeries<TrajectoryPoint>(capacity);

/// <summary>
/// A series (one ball's trajectory, its accuracy per epoch) within a fixed number of points however long the run: every step until
/// <see cref="Capacity"/> points are held, then every 2nd step, then every 4th, ... (when full, every
/// other kept point is dropped and the stride doubles). A long run so keeps its whole shape at an
/// even spacing, from step 0, and memory stops growing; the latest point is always held besides,
/// so the end of the run (where a ball stopped) is exact.
/// </summary>
public class ThinnedSeries<T> : IReadOnlyList<T> where T : struct, ISeriesPoint
{
    private T[] kept;
    private int keptCount;
    private T latest;
    private bool hasLatest;

    /// <param name="capacity">Points kept at most besides the latest; at least 2.</param>
    /// <param name="room">Points its array holds at first (it grows by doubling up to the capacity): the capacity, for a series that must never allocate once made.</param>
    public ThinnedSeries(int capacity, int room = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        kept = new T[Math.Clamp(room, 1, capacity)];
    }

    public int Capacity { get; }

    /// <summary>Steps between kept points: 1 until the first thinning.</summary>
    public int Stride { get; private set; } = 1;

    /// <summary>Kept points, and the latest when it is not one of them.</summary>
    public int Count => keptCount + (LatestIsKept ? 0 : 1);

    public T this[int index] =>
        index < keptCount ? kept[index] : index == keptCount && !LatestIsKept ? latest : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The last point added (check <see cref="Count"/> first).</summary>
    public T Latest => latest;

    /// <summary>Points of an array that only grows toward <see cref="Capacity"/>, never past it.</summary>
    public int Retained => kept.Length;

    private bool LatestIsKept => !hasLatest || (keptCount > 0 && kept[keptCount - 1].Index == latest.Index);

    public void Add(in T point)
    {
        latest = point;
        hasLatest = true;
        if (point.Index % Stride != 0) return;
        if (keptCount == Capacity) Thin();
        if (point.Index % Stride != 0) return;
        if (keptCount == kept.Length) Array.Resize(ref kept, (int)Math.Min((long)kept.Length * 2, Capacity));
        kept[keptCount++] = point;
    }

    public void Clear()
    {
        keptCount = 0;
        hasLatest = false;
        Stride = 1;
    }

    /// <summary>Keeps the points on every other stride and doubles the stride.</summary>
    private void Thin()
    {
        long stride = (long)Stride * 2;
        int n = 0;
        for (int i = 0; i < keptCount; i++)
            if (kept[i].Index % stride == 0) kept[n++] = kept[i];
        keptCount = n;
        Stride = (int)Math.Min(stride, int.MaxValue);
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
