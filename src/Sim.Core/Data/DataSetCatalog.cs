namespace Sim.Core.Data;

/// <summary>
/// The built-in two-class data sets for networks, each from a size, a noise level (the standard
/// deviation of Gaussian noise added to each input, drawn with <see cref="SplitMix64"/>) and a
/// seed. <c>moons</c> is scikit-learn's make_moons, the Ng C2W2 lab's data.
/// </summary>
public static class DataSetCatalog
{
    public const int MaxExamples = 1_000_000;

    private static readonly (string Name, double Noise, string Summary, Func<int, SplitMix64, (double[] X1, double[] X2, double[] Y)> Draw)[] Entries =
    [
        ("moons", 0.2, "two interleaved half circles (sklearn's make_moons; the C2W2 lab's data)", Moons),
        ("circles", 0.1, "a circle of class 0 around one of class 1 (radius 0.5)", Circles),
        ("xor", 0.1, "uniform in [-1, 1]²; class 1 where x1·x2 > 0", Xor),
        ("gaussians", 0.6, "two round Gaussian blobs around (-1, -1) and (1, 1); noise is their spread", Gaussians),
        ("spiral", 0.05, "two interleaved spiral arms of 1.75 turns", Spiral),
    ];

    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    public static IEnumerable<(string Name, double Noise, string Summary)> Summaries => Entries.Select(e => (e.Name, e.Noise, e.Summary));

    public static bool Contains(string name) => Entries.Any(e => e.Name == name);

    /// <summary>The noise a data set gets when none is given.</summary>
    public static double DefaultNoise(string name) => Find(name).Noise;

    /// <summary>
    /// <paramref name="examples"/> points of <paramref name="name"/>: the clean shape (drawn or laid
    /// out in order, then shuffled), then noise·N(0, 1) added to x1 and x2 of each example in turn.
    /// </summary>
    public static DataSet Create(string name, int examples, double noise, ulong seed)
    {
        var entry = Find(name);
        if (examples < 2 || examples > MaxExamples)
            throw new InputError($"{examples} examples is out of range; expected 2 to {MaxExamples}");
        if (!double.IsFinite(noise) || noise < 0 || noise > 10)
            throw new InputError($"noise {noise} is out of range; expected 0 to 10");
        var random = new SplitMix64(seed);
        var (x1, x2, y) = entry.Draw(examples, random);
        Shuffle(x1, x2, y, random);
        for (int i = 0; i < examples; i++)
        {
            x1[i] += noise * random.NextGaussian();
            x2[i] += noise * random.NextGaussian();
        }
        return new DataSet(x1, x2, y);
    }

    private static (string Name, double Noise, string Summary, Func<int, SplitMix64, (double[], double[], double[])> Draw) Find(string name)
    {
        foreach (var entry in Entries)
            if (entry.Name == name) return entry;
        throw new InputError($"unknown data set {InputError.Quote(name)}; expected one of {string.Join(", ", Names)} or a FILE.csv");
    }

    /// <summary>make_moons: ⌊m/2⌋ points on the upper unit half circle (class 0), the rest on the lower one shifted by (1, 0.5) (class 1), evenly spaced.</summary>
    private static (double[], double[], double[]) Moons(int m, SplitMix64 random)
    {
        var (x1, x2, y) = Columns(m);
        int outer = m / 2, inner = m - outer;
        for (int k = 0; k < outer; k++)
        {
            double t = Spaced(k, outer, Math.PI, endpoint: true);
            (x1[k], x2[k], y[k]) = (Math.Cos(t), Math.Sin(t), 0);
        }
        for (int k = 0; k < inner; k++)
        {
            double t = Spaced(k, inner, Math.PI, endpoint: true);
            (x1[outer + k], x2[outer + k], y[outer + k]) = (1 - Math.Cos(t), 1 - Math.Sin(t) - 0.5, 1);
        }
        return (x1, x2, y);
    }

    /// <summary>make_circles with factor 0.5: the unit circle (class 0) around a circle of radius 0.5 (class 1).</summary>
    private static (double[], double[], double[]) Circles(int m, SplitMix64 random)
    {
        var (x1, x2, y) = Columns(m);
        int outer = m / 2, inner = m - outer;
        for (int k = 0; k < m; k++)
        {
            bool isOuter = k < outer;
            double t = isOuter ? Spaced(k, outer, 2 * Math.PI, endpoint: false) : Spaced(k - outer, inner, 2 * Math.PI, endpoint: false);
            double r = isOuter ? 1 : 0.5;
            (x1[k], x2[k], y[k]) = (r * Math.Cos(t), r * Math.Sin(t), isOuter ? 0 : 1);
        }
        return (x1, x2, y);
    }

    private static (double[], double[], double[]) Xor(int m, SplitMix64 random)
    {
        var (x1, x2, y) = Columns(m);
        for (int k = 0; k < m; k++)
        {
            x1[k] = 2 * random.NextDouble() - 1;
            x2[k] = 2 * random.NextDouble() - 1;
            y[k] = x1[k] * x2[k] > 0 ? 1 : 0;
        }
        return (x1, x2, y);
    }

    /// <summary>The centres only: the noise makes the blobs.</summary>
    private static (double[], double[], double[]) Gaussians(int m, SplitMix64 random)
    {
        var (x1, x2, y) = Columns(m);
        for (int k = 0; k < m; k++)
        {
            double side = k % 2 == 0 ? 1 : -1;
            (x1[k], x2[k], y[k]) = (side, side, k % 2 == 0 ? 1 : 0);
        }
        return (x1, x2, y);
    }

    /// <summary>Arm c (class c) at radius r ∈ (0, 1]: angle 2π·1.75·r + c·π.</summary>
    private static (double[], double[], double[]) Spiral(int m, SplitMix64 random)
    {
        var (x1, x2, y) = Columns(m);
        int first = m / 2;
        for (int k = 0; k < m; k++)
        {
            int arm = k < first ? 0 : 1;
            int index = arm == 0 ? k : k - first, size = arm == 0 ? first : m - first;
            double r = (index + 1.0) / size;
            double t = 2 * Math.PI * 1.75 * r + arm * Math.PI;
            (x1[k], x2[k], y[k]) = (r * Math.Cos(t), r * Math.Sin(t), arm);
        }
        return (x1, x2, y);
    }

    private static (double[], double[], double[]) Columns(int m) => (new double[m], new double[m], new double[m]);

    /// <summary>numpy's linspace(0, stop, count, endpoint)[k].</summary>
    private static double Spaced(int k, int count, double stop, bool endpoint)
    {
        int divisions = endpoint ? count - 1 : count;
        return divisions <= 0 ? 0 : k * (stop / divisions);
    }

    private static void Shuffle(double[] x1, double[] x2, double[] y, SplitMix64 random)
    {
        for (int i = y.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (x1[i], x1[j]) = (x1[j], x1[i]);
            (x2[i], x2[j]) = (x2[j], x2[i]);
            (y[i], y[j]) = (y[j], y[i]);
        }
    }
}
