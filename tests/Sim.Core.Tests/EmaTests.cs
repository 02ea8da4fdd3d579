using Sim.Core.Lessons;
using Xunit;

namespace Sim.Core.Tests;

public class EmaTests
{
    private static double VarianceOfDifferences(IReadOnlyList<double> v)
    {
        var d = v.Zip(v.Skip(1), (a, b) => b - a).ToList();
        double mean = d.Average();
        return d.Average(x => (x - mean) * (x - mean));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.98)]
    public void TheCorrectedAverageOfAConstantIsThatConstantAtEveryStep(double beta)
    {
        var theta = Enumerable.Repeat(40.0, 200).ToArray();
        Assert.All(ExponentialAverage.Of(theta, beta, biasCorrected: true), v => Assert.Equal(40.0, v, 1e-9));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.98)]
    public void TheUncorrectedAverageStartsAtOneMinusBetaTimesTheFirstValue(double beta)
    {
        var theta = TemperatureSeries.Generate(50, seed: 2);
        var v = ExponentialAverage.Of(theta, beta, biasCorrected: false);
        Assert.Equal((1 - beta) * theta[0], v[0], 1e-12);
        Assert.Equal(beta * v[0] + (1 - beta) * theta[1], v[1], 1e-12);
        Assert.Equal(theta[0], ExponentialAverage.Of(theta, beta, biasCorrected: true)[0], 1e-12);
    }

    [Fact]
    public void ALargerBetaIsSmoother()
    {
        var theta = TemperatureSeries.Generate();
        double[] betas = [0.5, 0.9, 0.98];
        var roughness = betas.Select(b => VarianceOfDifferences(ExponentialAverage.Of(theta, b, biasCorrected: true))).ToList();
        Assert.True(VarianceOfDifferences(theta) > roughness[0]);
        Assert.True(roughness[0] > roughness[1] && roughness[1] > roughness[2], string.Join(", ", roughness));
    }

    [Fact]
    public void TheSeriesIsSeededNoiseAroundASeasonalCurve()
    {
        var a = TemperatureSeries.Generate(365, seed: 1);
        Assert.Equal(a, TemperatureSeries.Generate(365, seed: 1));
        Assert.NotEqual(a, TemperatureSeries.Generate(365, seed: 2));
        var residuals = a.Select((t, i) => t - TemperatureSeries.Seasonal(i + 1)).ToList();
        Assert.InRange(residuals.Average(), -1, 1);
        Assert.InRange(Math.Sqrt(residuals.Average(r => r * r)), 0.8 * TemperatureSeries.NoiseSd, 1.2 * TemperatureSeries.NoiseSd);
    }

    [Fact]
    public void AFigureHasACurvePerBetaAndCorrection()
    {
        var figure = new EmaFigure([0.9, 0.98], ShowUncorrected: true, ShowCorrected: true, Days: 30);
        var curves = figure.Curves();
        Assert.Equal([(0.9, false), (0.9, true), (0.98, false), (0.98, true)], curves.Select(c => (c.Beta, c.BiasCorrected)));
        Assert.All(curves, c => Assert.Equal(30, c.Values.Count));
        Assert.Equal(10, ExponentialAverage.Window(0.9), 1e-9);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void ABetaOutsideZeroToOneIsAnInputError(double beta)
    {
        var e = Assert.Throws<InputError>(() => ExponentialAverage.Of([1.0], beta, biasCorrected: false));
        Assert.Contains("expected 0 <= beta < 1", e.Message);
    }
}
