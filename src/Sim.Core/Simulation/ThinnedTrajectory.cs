using System.Collections;

namespace Sim.Core.Simulation;

/// <summary>
/// One ball's trajectory within a fixed number of points however long the run: every step until
/// <see cref="Capacity"/> points are held, then every 2nd step, then every 4th, ... (when full, every
/// other kept point is dropped and the stride doubles). A long run so keeps its whole shape at an
/// even spacing, from step 0, and memory stops growing; the latest point is always held besides,
/// so the end of the run (where a ball stopped) is exact.
/// </summary>
public sealed class ThinnedTrajectory : IReadOnlyList<TrajectoryPoint>
{
    private TrajectoryPoint[] kept;
    private int keptCount;
    private TrajectoryPoint latest;
    private bool hasLatest;

    /// <param name="capacity">Points kept at most besides the latest; at least 2.</param>
    public ThinnedTrajectory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        kept = new TrajectoryPoint[Math.Min(16, capacity)];
    }

    public int Capacity { get; }

    /// <summary>Steps between kept points: 1 until the first thinning.</summary>
    public int Stride { get; private set; } = 1;

    /// <summary>Kept points, and the latest when it is not one of them.</summary>
    public int Count => keptCount + (LatestIsKept ? 0 : 1);

    public TrajectoryPoint this[int index] =>
        index < keptCount ? kept[index] : index == keptCount && !LatestIsKept ? latest : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The last point added (check <see cref="Count"/> first).</summary>
    public TrajectoryPoint Latest => latest;

    /// <summary>Points of an array that only grows toward <see cref="Capacity"/>, never past it.</summary>
    public int Retained => kept.Length;

    private bool LatestIsKept => !hasLatest || (keptCount > 0 && kept[keptCount - 1].Step == latest.Step);

    public void Add(in TrajectoryPoint point)
    {
        latest = point;
        hasLatest = true;
        if (point.Step % Stride != 0) return;
        if (keptCount == Capacity) Thin();
        if (point.Step % Stride != 0) return;
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
            if (kept[i].Step % stride == 0) kept[n++] = kept[i];
        keptCount = n;
        Stride = (int)Math.Min(stride, int.MaxValue);
    }

    public IEnumerator<TrajectoryPoint> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
