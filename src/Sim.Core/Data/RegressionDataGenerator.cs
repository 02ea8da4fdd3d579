using Sim.Core.Landscapes;

namespace Sim.Core.Data;

/// <summary>
/// Regression data y = w*·x + noise whose raw squared-error bowl is a long thin ravine away from
/// the origin: both inputs share a mean <see cref="Offset"/>, x1 has standard deviation 1 and x2
/// 1/<see cref="ScaleRatio"/>, and they are correlated by <see cref="Correlation"/>.
/// Example i is drawn from the i-th three Gaussians of the seeded stream, so a larger
/// <see cref="Examples"/> extends the same data set rather than replacing it.
/// </summary>
public sealed record RegressionDataGenerator(
    int Examples = 256, ulong Seed = 1, double Offset = 3, double ScaleRatio = 5, double Correlation = 0.8, double Noise = 0.5)
{
    /// <summary>The weights the targets are made from.</summary>
    public static Point2 TrueWeights { get; } = new(1.5, -0.8);

    public DataSet Generate()
    {
        var random = new SplitMix64(Seed);
        double sd2 = 1 / ScaleRatio;
        double independent = Math.Sqrt(1 - Correlation * Correlation);
        var x1 = new double[Examples];
        var x2 = new double[Examples];
        var y = new double[Examples];
        for (int i = 0; i < Examples; i++)
        {
            double z1 = random.NextGaussian();
            double z2 = random.NextGaussian();
            double e = random.NextGaussian();
            x1[i] = Offset + z1;
            x2[i] = Offset + sd2 * (Correlation * z1 + independent * z2);
            y[i] = TrueWeights.X * x1[i] + TrueWeights.Y * x2[i] + Noise * e;
        }
        return new DataSet(x1, x2, y);
    }
}
