namespace Sim.Core.Lessons;

/// <summary>One curve of an <see cref="EmaFigure"/>: the averages of the series for one β, corrected or not.</summary>
public sealed record EmaCurve(double Beta, bool BiasCorrected, IReadOnlyList<double> Values);

/// <summary>
/// What a lesson's EMA plot shows: the noisy temperature series and its exponentially weighted
/// averages for each β, without and/or with bias correction.
/// </summary>
public sealed record EmaFigure(IReadOnlyList<double> Betas, bool ShowUncorrected, bool ShowCorrected, int Days = 365, ulong Seed = 1)
{
    /// <summary>θ₁ … θ_days, the dots of the plot.</summary>
    public IReadOnlyList<double> Series() => TemperatureSeries.Generate(Days, Seed);

    /// <summary>For each β in order, the uncorrected curve then the corrected one, as shown.</summary>
    public IReadOnlyList<EmaCurve> Curves()
    {
        var theta = Series();
        var curves = new List<EmaCurve>();
        foreach (double beta in Betas)
        {
            if (ShowUncorrected) curves.Add(new EmaCurve(beta, false, ExponentialAverage.Of(theta, beta, biasCorrected: false)));
            if (ShowCorrected) curves.Add(new EmaCurve(beta, true, ExponentialAverage.Of(theta, beta, biasCorrected: true)));
        }
        return curves;
    }
}
