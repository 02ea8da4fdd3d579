namespace Sim.Core.Simulation;

/// <summary>
/// The last <see cref="Capacity"/> parameter vectors of a ball on an objective of more than two
/// parameters (a network), oldest first, in one preallocated ring: what its trail on any plane is
/// projected from, and what a PCA plane is fitted to. The capacity is the trail's, cut so that the ring
/// holds at most <see cref="MaxValues"/> numbers (8 MB), however large the network.
/// </summary>
public sealed class WeightHistory
{
    /// <summary>Numbers one history holds at most.</summary>
    public const int MaxValues = 1 << 20;

    private readonly double[] values;
    private readonly int[] steps;
    private int start;

    public WeightHistory(int length, int trailLength)
    {
        Length = length;
        Capacity = Math.Max(1, Math.Min(trailLength, MaxValues / Math.Max(length, 1)));
        values = new double[Capacity * length];
        steps = new int[Capacity];
    }

    /// <summary>Parameters per vector.</summary>
    public int Length { get; }

    public int Capacity { get; }
    public int Count { get; private set; }

    /// <summary>The i-th kept vector, 0 the oldest.</summary>
    public ReadOnlySpan<double> this[int i] => values.AsSpan(Slot(i) * Length, Length);

    /// <summary>The ball's step count when the i-th kept vector was recorded (0 for the start).</summary>
    public int StepOf(int i) => steps[Slot(i)];

    public void Add(ReadOnlySpan<double> vector, int step)
    {
        int slot;
        if (Count < Capacity) slot = (start + Count++) % Capacity;
        else
        {
            slot = start;
            start = (start + 1) % Capacity;
        }
        vector.CopyTo(values.AsSpan(slot * Length, Length));
        steps[slot] = step;
    }

    public void Clear() => (start, Count) = (0, 0);

    private int Slot(int i) => (start + i) % Capacity;
}
