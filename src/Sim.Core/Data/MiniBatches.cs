namespace Sim.Core.Data;

/// <summary>
/// Mini-batches of example indices as in docs/optimizers.md (Ng's random_mini_batches): each epoch the
/// m indices are shuffled with a seeded Fisher–Yates and cut in order into ⌈m/b⌉ batches, the last
/// one smaller when b does not divide m. b = m is batch gradient descent, b = 1 is SGD.
/// </summary>
public sealed class MiniBatches
{
    private readonly int[] order;
    private readonly SplitMix64 random;
    private int batchSize;
    private int nextStart;

    public MiniBatches(int examples, int batchSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(examples);
        order = new int[examples];
        for (int i = 0; i < examples; i++) order[i] = i;
        random = new SplitMix64(seed);
        BatchSize = batchSize;
        nextStart = examples; // the first Next() begins epoch 0 with a shuffle
    }

    /// <summary>Number of examples m.</summary>
    public int Examples => order.Length;

    /// <summary>
    /// Examples per batch b, 1 to m. A change takes effect at the very next batch, which takes the
    /// next b examples of the current epoch's order: the epoch still visits every example exactly
    /// once, only its batch count differs from <see cref="BatchesPerEpoch"/>.
    /// </summary>
    public int BatchSize
    {
        get => batchSize;
        set
        {
            if (value < 1 || value > order.Length)
                throw new InputError($"batch size {value} is out of range; expected 1 to {order.Length} (the number of examples)");
            batchSize = value;
        }
    }

    /// <summary>⌈m/b⌉ for the current batch size.</summary>
    public int BatchesPerEpoch => (order.Length + batchSize - 1) / batchSize;

    /// <summary>0-based epoch of the batch most recently returned; -1 before the first.</summary>
    public int Epoch { get; private set; } = -1;

    /// <summary>0-based epoch the next batch will belong to (the one <see cref="Next"/> returns next).</summary>
    public int NextEpoch => nextStart == order.Length ? Epoch + 1 : Epoch;

    /// <summary>0-based position within its epoch of the batch most recently returned; -1 before the first.</summary>
    public int BatchInEpoch { get; private set; } = -1;

    /// <summary>
    /// The next batch of example indices. It is a view of an internal array, valid until the next
    /// call (which may reshuffle it); nothing is allocated.
    /// </summary>
    public ReadOnlySpan<int> Next()
    {
        if (nextStart == order.Length)
        {
            Shuffle();
            nextStart = 0;
            Epoch++;
            BatchInEpoch = -1;
        }
        int count = Math.Min(batchSize, order.Length - nextStart);
        var batch = new ReadOnlySpan<int>(order, nextStart, count);
        nextStart += count;
        BatchInEpoch++;
        return batch;
    }

    /// <summary>
    /// Copies the batch the next <see cref="Next"/> will return into the start of <paramref name="into"/>
    /// (at least <see cref="Examples"/> long) without drawing it, and returns its size: what the next
    /// step will see, for explaining that step before it is taken.
    /// </summary>
    public int PeekNext(int[] into)
    {
        if (into.Length < order.Length) throw new ArgumentException($"room for {order.Length} examples is needed", nameof(into));
        if (nextStart < order.Length)
        {
            int count = Math.Min(batchSize, order.Length - nextStart);
            Array.Copy(order, nextStart, into, 0, count);
            return count;
        }
        // A new epoch: the shuffle Next() will do, on copies of the order and the generator.
        order.CopyTo(into, 0);
        Shuffle(into, random.Clone());
        return Math.Min(batchSize, order.Length);
    }

    private void Shuffle() => Shuffle(order, random);

    // Shuffling the previous epoch's order (rather than the identity) is still uniform.
    private static void Shuffle(int[] order, SplitMix64 random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
