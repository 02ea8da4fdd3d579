namespace Sim.Core.Lessons;

/// <summary>
/// Ng's example series for exponentially weighted averages: a year of daily temperatures (°F),
/// a smooth seasonal curve plus seeded Gaussian noise. The curve is far from zero so that the
/// uncorrected average, which starts near zero, visibly lags at the start.
/// </summary>
public static class TemperatureSeries
{
    public const double Mean = 52, SeasonalSwing = 14, NoiseSd = 6;

    /// <summary>θ₁ … θ_days; day 1 is in mid-winter.</summary>
    public static double[] Generate(int days = 365, ulong seed = 1)
    {
        if (days < 1) throw new InputError($"days {days} is out of range; expected at least 1");
        var random = new SplitMix64(seed);
        var theta = new double[days];
        for (int t = 1; t <= days; t++)
            theta[t - 1] = Seasonal(t) + NoiseSd * random.NextGaussian();
        return theta;
    }

    /// <summary>The noise-free curve on day <paramref name="t"/>: coldest on day 15, warmest half a year later.</summary>
    public static double Seasonal(int t) => Mean - SeasonalSwing * Math.Cos(2 * Math.PI * (t - 15) / 365.0);
}
