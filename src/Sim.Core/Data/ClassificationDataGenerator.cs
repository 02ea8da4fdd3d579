namespace Sim.Core.Data;

/// <summary>
/// Two classes as round unit-variance Gaussian blobs whose centres lie <see cref="Separation"/>
/// apart, symmetric about the origin (so a classifier needs no bias). Labels alternate 1, 0, 1, ...
/// so the classes are balanced. Draws are repeated from the continuing seeded stream until no line
/// through the origin separates the classes (after <see cref="InputPreprocessing"/>, which can move
/// the origin), so the logistic loss always has a finite minimum.
/// </summary>
public sealed record ClassificationDataGenerator(int Examples = 256, ulong Seed = 1, double Separation = 2)
{
    private const int MaxDraws = 1000;

    /// <summary>Direction from the class-0 centre to the class-1 centre.</summary>
    public static (double X1, double X2) Axis { get; } = (0.8, 0.6);

    public DataSet Generate(InputPreprocessing preprocessing = default)
    {
        var random = new SplitMix64(Seed);
        for (int draw = 0; draw < MaxDraws; draw++)
        {
            var data = preprocessing.Apply(Draw(random));
            if (!LinearSeparability.ThroughOrigin(data)) return data;
        }
        throw new InputError(
            $"logreg: {Examples} examples with separation {Separation} keep coming out separable, so the loss has no minimum; " +
            "lower separation or raise examples");
    }

    private DataSet Draw(SplitMix64 random)
    {
        var x1 = new double[Examples];
        var x2 = new double[Examples];
        var y = new double[Examples];
        double half = Separation / 2;
        for (int i = 0; i < Examples; i++)
        {
            double label = i % 2 == 0 ? 1 : 0;
            double side = 2 * label - 1;
            x1[i] = side * half * Axis.X1 + random.NextGaussian();
            x2[i] = side * half * Axis.X2 + random.NextGaussian();
            y[i] = label;
        }
        return new DataSet(x1, x2, y);
    }
}
