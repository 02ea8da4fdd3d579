using Xunit;
using Sim.Core.Data;
using Sim.Core.Landscapes;

namespace Sim.Core.Tests;

public class DataLandscapeTests
{
    private static Parameters Params(params string[] pairs)
    {
        var p = new Parameters();
        foreach (var pair in pairs) p.Add(pair);
        return p;
    }

    private static LinearRegression Linreg(params string[] pairs) => (LinearRegression)LandscapeCatalog.Create("linreg", Params(pairs));
    private static LogisticRegression Logreg(params string[] pairs) => (LogisticRegression)LandscapeCatalog.Create("logreg", Params(pairs));

    public static TheoryData<string, string[]> Landscapes => new()
    {
        { "linreg", [] },
        { "linreg", ["center=true", "scale=true", "decorrelate=true"] },
        { "linreg", ["scale=true", "correlation=-0.5", "examples=50"] },
        { "logreg", [] },
        { "logreg", ["center=true", "scale=true", "decorrelate=true", "separation=3"] },
        { "logreg", ["separation=0.5", "examples=40"] },
    };

    private static readonly (double X, double Y)[] Offsets = [(0, 0), (-2.5, 1.5), (1.2, -0.7), (2.9, 2.9)];

    private static IEnumerable<(double X, double Y)> Probes(Landscape l)
    {
        var c = l.Minima[0];
        return Offsets.Select(o => (c.X + o.X, c.Y + o.Y));
    }

    private static void Close(double expected, double actual, double relative, double absolute = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= absolute + relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void GradientMatchesCentralDifferences(string name, string[] pairs)
    {
        var l = LandscapeCatalog.Create(name, Params(pairs));
        const double h = 1e-5;
        foreach (var (x, y) in Probes(l))
        {
            l.Gradient(x, y, out var gx, out var gy);
            Close((l.Value(x + h, y) - l.Value(x - h, y)) / (2 * h), gx, 1e-6, 1e-8);
            Close((l.Value(x, y + h) - l.Value(x, y - h)) / (2 * h), gy, 1e-6, 1e-8);
        }
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void HessianMatchesCentralDifferencesOfTheGradient(string name, string[] pairs)
    {
        var l = LandscapeCatalog.Create(name, Params(pairs));
        const double h = 1e-5;
        foreach (var (x, y) in Probes(l))
        {
            l.Hessian(x, y, out var hxx, out var hxy, out var hyy);
            l.Gradient(x + h, y, out var gxr, out var gyr);
            l.Gradient(x - h, y, out var gxl, out var gyl);
            l.Gradient(x, y + h, out var gxu, out var gyu);
            l.Gradient(x, y - h, out var gxd, out var gyd);
            Close((gxr - gxl) / (2 * h), hxx, 1e-6, 1e-8);
            Close((gyr - gyl) / (2 * h), hxy, 1e-6, 1e-8);
            Close((gxu - gxd) / (2 * h), hxy, 1e-6, 1e-8);
            Close((gyu - gyd) / (2 * h), hyy, 1e-6, 1e-8);
        }
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void BatchGradientMatchesCentralDifferencesOfBatchValue(string name, string[] pairs)
    {
        var l = LandscapeCatalog.Create(name, Params(pairs));
        int[] batch = [0, 3, 4, 9, 17, 2];
        const double h = 1e-5;
        foreach (var (x, y) in Probes(l))
        {
            l.BatchGradient(x, y, batch, out var gx, out var gy);
            Close((l.BatchValue(x + h, y, batch) - l.BatchValue(x - h, y, batch)) / (2 * h), gx, 1e-6, 1e-8);
            Close((l.BatchValue(x, y + h, batch) - l.BatchValue(x, y - h, batch)) / (2 * h), gy, 1e-6, 1e-8);
        }
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void BatchOfAllExamplesIsTheFullLoss(string name, string[] pairs)
    {
        var l = LandscapeCatalog.Create(name, Params(pairs));
        var all = Enumerable.Range(0, l.ExampleCount).Reverse().ToArray();
        foreach (var (x, y) in Probes(l))
        {
            l.Gradient(x, y, out var gx, out var gy);
            l.BatchGradient(x, y, all, out var bx, out var by);
            Close(gx, bx, 1e-12, 1e-13);
            Close(gy, by, 1e-12, 1e-13);
            Close(l.Value(x, y), l.BatchValue(x, y, all), 1e-12, 1e-13);
        }
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void BatchGradientsOfAnEpochWeightedBySizeAverageToTheFullGradient(string name, string[] pairs)
    {
        var l = LandscapeCatalog.Create(name, Params(pairs));
        var batches = new MiniBatches(l.ExampleCount, 7, seed: 4);
        var (x, y) = Probes(l).Last();
        double sx = 0, sy = 0;
        for (int k = 0; k < batches.BatchesPerEpoch; k++)
        {
            var batch = batches.Next();
            l.BatchGradient(x, y, batch, out var gx, out var gy);
            sx += gx * batch.Length;
            sy += gy * batch.Length;
        }
        l.Gradient(x, y, out var fx, out var fy);
        Close(fx, sx / l.ExampleCount, 1e-12, 1e-13);
        Close(fy, sy / l.ExampleCount, 1e-12, 1e-13);
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void TheMinimumHasZeroGradientAndTheLowestValue(string name, string[] pairs)
    {
        var l = LandscapeCatalog.Create(name, Params(pairs));
        var min = l.Minima[0];
        l.Gradient(min.X, min.Y, out var gx, out var gy);
        Assert.True(Math.Abs(gx) + Math.Abs(gy) < 1e-12, $"gradient ({gx}, {gy}) at the minimum");
        foreach (var (x, y) in Probes(l).Skip(1)) Assert.True(l.Value(x, y) > l.Value(min.X, min.Y));
        Assert.True(l.Domain.Contains(min.X, min.Y));
        Assert.True(l.Domain.Contains(l.DefaultStart.X, l.DefaultStart.Y));
        Assert.True(l.Value(l.DefaultStart.X, l.DefaultStart.Y) > l.Value(min.X, min.Y));
    }

    [Fact]
    public void BatchGradientsDoNotAllocate()
    {
        Landscape[] landscapes = [Linreg(), Logreg()];
        int[] batch = [5, 1, 200, 33];
        double sum = 0;
        foreach (var l in landscapes) l.BatchGradient(0.5, 0.5, batch, out _, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var l in landscapes)
            for (int k = 0; k < 1000; k++)
            {
                l.BatchGradient(0.5, k * 1e-3, batch, out var gx, out var gy);
                sum += gx + gy + l.BatchValue(0.5, 0.5, batch);
            }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(double.IsFinite(sum));
    }

    [Fact]
    public void LinregFullValueEqualsTheDirectMeanOverExamples()
    {
        var l = Linreg("noise=0.3");
        var x1 = l.Data.X1;
        var x2 = l.Data.X2;
        var t = l.Data.Y;
        foreach (var (x, y) in Probes(l))
        {
            double sum = 0;
            for (int i = 0; i < l.ExampleCount; i++) sum += 0.5 * Math.Pow(x * x1[i] + y * x2[i] - t[i], 2);
            Close(sum / l.ExampleCount, l.Value(x, y), 1e-12);
        }
    }

    [Fact]
    public void RawInputsMakeARavineAndAllThreeTricksARoundBowl()
    {
        Assert.True(Linreg().ConditionNumber > 20, $"raw condition number {Linreg().ConditionNumber}");
        var round = Linreg("center=true", "scale=true", "decorrelate=true");
        Assert.Equal(1, round.ConditionNumber, 1e-9);
        round.Hessian(0, 0, out var hxx, out var hxy, out var hyy);
        Assert.Equal(1, hxx, 1e-9);
        Assert.Equal(0, hxy, 1e-9);
        Assert.Equal(1, hyy, 1e-9);
        // Centring and scaling alone leave the correlation: still an ellipse, but a rounder one.
        double centredAndScaled = Linreg("center=true", "scale=true").ConditionNumber;
        Assert.InRange(centredAndScaled, 2, Linreg().ConditionNumber);
    }

    [Fact]
    public void WhitenedInputsHaveZeroMeanAndIdentityCovariance()
    {
        var raw = new RegressionDataGenerator(Examples: 500, Seed: 3).Generate();
        var whitened = new InputPreprocessing(Center: true, Scale: true, Decorrelate: true).Apply(raw);
        var m = InputMoments.Of(whitened);
        Assert.Equal(0, m.Mean1, 1e-12);
        Assert.Equal(0, m.Mean2, 1e-12);
        Assert.Equal(1, m.Var1, 1e-12);
        Assert.Equal(0, m.Cov12, 1e-12);
        Assert.Equal(1, m.Var2, 1e-12);
        Assert.Equal(raw.Y.ToArray(), whitened.Y.ToArray());
    }

    [Fact]
    public void EachTrickDoesItsOwnPart()
    {
        var raw = new RegressionDataGenerator(Examples: 500, Seed: 3).Generate();
        var rawMoments = InputMoments.Of(raw);
        Assert.True(rawMoments.Mean1 > 2 && rawMoments.Cov12 > 0.1 * Math.Sqrt(rawMoments.Var1 * rawMoments.Var2));

        var centred = InputMoments.Of(new InputPreprocessing(Center: true, Scale: false, Decorrelate: false).Apply(raw));
        Assert.Equal(0, centred.Mean1, 1e-12);
        Assert.Equal(rawMoments.Cov12, centred.Cov12, 1e-12);

        var decorrelated = InputMoments.Of(new InputPreprocessing(Center: true, Scale: false, Decorrelate: true).Apply(raw));
        Assert.Equal(0, decorrelated.Cov12, 1e-12);
        Assert.True(decorrelated.Var1 > decorrelated.Var2, "the first principal axis carries the larger variance");
        Assert.Equal(rawMoments.Var1 + rawMoments.Var2, decorrelated.Var1 + decorrelated.Var2, 1e-12); // a rotation

        var scaled = InputMoments.Of(new InputPreprocessing(Center: false, Scale: true, Decorrelate: false).Apply(raw));
        Assert.Equal(1, scaled.Var1, 1e-12);
        Assert.Equal(1, scaled.Var2, 1e-12);
        Assert.True(scaled.Mean1 > 1, "scaling alone keeps the offset");
    }

    [Fact]
    public void LeastSquaresRecoversTheTrueWeightsWithOrWithoutCentring()
    {
        var w = RegressionDataGenerator.TrueWeights;
        foreach (var l in new[] { Linreg("examples=20000"), Linreg("examples=20000", "center=true") })
        {
            Assert.Equal(w.X, l.Solution.X, 0.1);
            Assert.Equal(w.Y, l.Solution.Y, 0.1);
        }
    }

    [Fact]
    public void SameDataSeedGivesSameDataAndAnotherSeedOther()
    {
        var a = new RegressionDataGenerator(Seed: 4).Generate();
        var b = new RegressionDataGenerator(Seed: 4).Generate();
        var c = new RegressionDataGenerator(Seed: 5).Generate();
        Assert.Equal(a.X1.ToArray(), b.X1.ToArray());
        Assert.Equal(a.Y.ToArray(), b.Y.ToArray());
        Assert.NotEqual(a.X1.ToArray(), c.X1.ToArray());

        var p = new ClassificationDataGenerator(Seed: 4).Generate();
        var q = new ClassificationDataGenerator(Seed: 4).Generate();
        var r = new ClassificationDataGenerator(Seed: 5).Generate();
        Assert.Equal(p.X2.ToArray(), q.X2.ToArray());
        Assert.NotEqual(p.X2.ToArray(), r.X2.ToArray());

        Assert.Equal(Linreg("data_seed=4").Solution, Linreg("data_seed=4").Solution);
        Assert.NotEqual(Linreg("data_seed=4").Solution, Linreg("data_seed=5").Solution);
        Assert.NotEqual(Logreg("data_seed=4").Minimum, Logreg("data_seed=5").Minimum);
    }

    [Fact]
    public void ClassificationDataHasBalancedLabelsAndSeparatedBlobs()
    {
        var data = new ClassificationDataGenerator(Examples: 2000, Seed: 2, Separation: 3).Generate();
        var y = data.Y.ToArray();
        Assert.All(y, v => Assert.True(v == 0 || v == 1));
        Assert.Equal(1000, y.Count(v => v == 1));
        double along1 = 0, along0 = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double along = data.X1[i] * ClassificationDataGenerator.Axis.X1 + data.X2[i] * ClassificationDataGenerator.Axis.X2;
            if (y[i] == 1) along1 += along; else along0 += along;
        }
        Assert.Equal(3, (along1 - along0) / 1000, 0.15);
    }

    [Theory]
    [InlineData(4, 2.0, 1UL)]
    [InlineData(6, 4.0, 2UL)]
    [InlineData(256, 6.0, 3UL)]
    public void GeneratedClassesOverlapSoTheLogisticMinimumIsFinite(int examples, double separation, ulong seed)
    {
        foreach (var tricks in new[] { default, new InputPreprocessing(true, true, true) })
        {
            var data = new ClassificationDataGenerator(examples, seed, separation).Generate(tricks);
            Assert.False(LinearSeparability.ThroughOrigin(data));
            var l = new LogisticRegression(data);
            l.Gradient(l.Minimum.X, l.Minimum.Y, out var gx, out var gy);
            Assert.True(Math.Abs(gx) + Math.Abs(gy) < 1e-12);
            l.Hessian(l.Minimum.X, l.Minimum.Y, out var hxx, out var hxy, out var hyy);
            Assert.True(hxx > 0 && hxx * hyy - hxy * hxy > 0, "strictly convex at the minimum");
        }
    }

    [Fact]
    public void SeparabilityThroughTheOriginIsDetected()
    {
        // Class 1 right of the y axis, class 0 left of it: the y axis separates them.
        var separable = new DataSet([1, 2, -1, -3], [5, -4, 2, -1], [1, 1, 0, 0]);
        Assert.True(LinearSeparability.ThroughOrigin(separable));
        Assert.Throws<ArgumentException>(() => new LogisticRegression(separable));
        // Same inputs with one label flipped on each side: every line through the origin errs.
        var overlapping = new DataSet([1, 2, -1, -3, 0.5, -0.5], [5, -4, 2, -1, 1, -1], [1, 1, 0, 0, 0, 1]);
        Assert.False(LinearSeparability.ThroughOrigin(overlapping));
    }

    [Fact]
    public void TooFewExamplesForSeparatedClassesIsAnInputError() =>
        Assert.Throws<InputError>(() => Logreg("examples=4", "separation=10"));

    [Fact]
    public void LogregStaysFiniteFarOut()
    {
        var l = Logreg();
        foreach (var w in new[] { 1e3, -1e3, 1e300 })
        {
            Assert.True(double.IsFinite(l.Value(w, -w)));
            l.Gradient(w, -w, out var gx, out var gy);
            Assert.True(double.IsFinite(gx) && double.IsFinite(gy));
        }
        // A well-classified example keeps its tiny loss softplus(−40) ≈ e^−40, which log(1 + e^−40) rounds to 0.
        var sure = new LogisticRegression(new DataSet([40, -40, -1, 1, 1, -1], [0, 0, 1, -1, 1, -1], [1, 0, 1, 0, 0, 1]));
        Assert.Equal(Math.Exp(-40), sure.BatchValue(1, 0, [0]), 1e-30);
    }

    [Fact]
    public void ParametersAreReadAndChecked()
    {
        Assert.Equal(100, Linreg("examples=100").ExampleCount);
        Assert.Equal(64, Logreg("examples=64").ExampleCount);
        Assert.Throws<InputError>(() => Linreg("correlation=1"));
        Assert.Throws<InputError>(() => Linreg("examples=1"));
        Assert.Throws<InputError>(() => Logreg("center=yes"));
        var p = Params("offset=2", "bogus=1");
        LandscapeCatalog.Create("linreg", p);
        Assert.Throws<InputError>(() => p.RejectUnused("linreg"));
        Assert.Contains("linreg", LandscapeCatalog.Names);
        Assert.Contains("logreg", LandscapeCatalog.Names);
    }
}
