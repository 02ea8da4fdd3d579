namespace Sim.Core.Data;

/// <summary>A held-out test split: a seeded random fraction of the examples set aside from training.</summary>
public static class HeldOut
{
    /// <summary>
    /// Shuffles the example indices with <see cref="SplitMix64"/> seeded by <paramref name="seed"/>
    /// and puts the first round(fraction·m) in the test set, the rest (in their original order) in
    /// the training set; both keep at least one example.
    /// </summary>
    public static (DataSet Train, DataSet Test) Split(DataSet data, double fraction, ulong seed)
    {
        if (!(fraction > 0 && fraction < 1)) throw new InputError($"test fraction {fraction} is out of range; expected more than 0 and less than 1");
        int m = data.Count, tests = (int)Math.Round(fraction * m);
        if (tests < 1 || tests >= m)
            throw new InputError($"test fraction {fraction} of {m} examples leaves {tests} for testing and {m - tests} for training; each needs at least 1");
        var order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        var random = new SplitMix64(seed);
        for (int i = m - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var test = order[..tests];
        var train = order[tests..];
        Array.Sort(test);
        Array.Sort(train);
        return (Subset(data, train), Subset(data, test));
    }

    private static DataSet Subset(DataSet data, int[] indices)
    {
        var x1 = new double[indices.Length];
        var x2 = new double[indices.Length];
        var y = new double[indices.Length];
        for (int k = 0; k < indices.Length; k++) (x1[k], x2[k], y[k]) = (data.X1[indices[k]], data.X2[indices[k]], data.Y[indices[k]]);
        return new DataSet(x1, x2, y);
    }
}
