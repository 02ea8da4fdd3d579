using Sim.Core.Landscapes;
using Xunit;

namespace Sim.Core.Tests;

public class LandscapeTests
{
    public static TheoryData<string> Names => new(LandscapeCatalog.Names);

    private const int SampleCount = 200;

    // Central differences err by O(h²·f''') + O(ε·|f|/h); with h = 1e-5·max(1,|x|) both stay well
    // below 1e-5 of the magnitudes involved, while a wrong formula is off by O(1) of them.
    private const double RelativeStep = 1e-5;
    private const double Tolerance = 1e-5;

    [Theory]
    [MemberData(nameof(Names))]
    public void GradientMatchesCentralDifferencesOfValue(string name)
    {
        var landscape = LandscapeCatalog.Create(name);
        foreach (var (x, y) in SamplePoints(landscape, seed: 1))
        {
            landscape.Gradient(x, y, out var gx, out var gy);
            double hx = Step(x), hy = Step(y);
            double dx = (landscape.Value(x + hx, y) - landscape.Value(x - hx, y)) / (2 * hx);
            double dy = (landscape.Value(x, y + hy) - landscape.Value(x, y - hy)) / (2 * hy);
            double scale = Math.Max(1, Math.Max(Math.Abs(landscape.Value(x, y)), Math.Max(Math.Abs(gx), Math.Abs(gy))));
            AssertClose(dx, gx, Tolerance * scale, $"{name} ∂f/∂x at ({x}, {y})");
            AssertClose(dy, gy, Tolerance * scale, $"{name} ∂f/∂y at ({x}, {y})");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HessianMatchesCentralDifferencesOfGradient(string name)
    {
        var landscape = LandscapeCatalog.Create(name);
        foreach (var (x, y) in SamplePoints(landscape, seed: 2))
        {
            landscape.Hessian(x, y, out var hxx, out var hxy, out var hyy);
            landscape.Gradient(x, y, out var gx, out var gy);
            double hx = Step(x), hy = Step(y);
            landscape.Gradient(x + hx, y, out var gxPx, out var gyPx);
            landscape.Gradient(x - hx, y, out var gxMx, out var gyMx);
            landscape.Gradient(x, y + hy, out var gxPy, out var gyPy);
            landscape.Gradient(x, y - hy, out var gxMy, out var gyMy);
            double dxx = (gxPx - gxMx) / (2 * hx);
            double dyx = (gyPx - gyMx) / (2 * hx);
            double dxy = (gxPy - gxMy) / (2 * hy);
            double dyy = (gyPy - gyMy) / (2 * hy);
            double scale = new[] { 1, Math.Abs(gx), Math.Abs(gy), Math.Abs(hxx), Math.Abs(hxy), Math.Abs(hyy) }.Max();
            AssertClose(dxx, hxx, Tolerance * scale, $"{name} hxx at ({x}, {y})");
            AssertClose(dxy, hxy, Tolerance * scale, $"{name} hxy (∂gx/∂y) at ({x}, {y})");
            AssertClose(dyx, hxy, Tolerance * scale, $"{name} hxy (∂gy/∂x) at ({x}, {y})");
            AssertClose(dyy, hyy, Tolerance * scale, $"{name} hyy at ({x}, {y})");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ListedMinimaAreStationaryWithPositiveSemidefiniteHessian(string name)
    {
        var landscape = LandscapeCatalog.Create(name);
        foreach (var m in landscape.Minima)
        {
            Assert.True(landscape.Domain.Contains(m.X, m.Y), $"{name}: minimum {m} outside the domain");
            landscape.Gradient(m.X, m.Y, out var gx, out var gy);
            Assert.True(Math.Abs(gx) < 1e-9 && Math.Abs(gy) < 1e-9, $"{name}: gradient ({gx}, {gy}) at minimum {m}");
            landscape.Hessian(m.X, m.Y, out var hxx, out var hxy, out var hyy);
            Assert.True(hxx >= 0 && hyy >= 0 && hxx * hyy - hxy * hxy >= 0, $"{name}: Hessian not PSD at {m}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DefaultStartLiesInTheDomain(string name)
    {
        var landscape = LandscapeCatalog.Create(name);
        Assert.True(landscape.Domain.Contains(landscape.DefaultStart.X, landscape.DefaultStart.Y));
        Assert.Equal(name, landscape.Name);
        Assert.False(string.IsNullOrWhiteSpace(landscape.Formula));
    }

    public static TheoryData<string, double, double, double> GlobalMinima => new()
    {
        { "quadratic", 0, 0, 0 },
        { "rosenbrock", 1, 1, 0 },
        { "beale", 3, 0.5, 0 },
        { "himmelblau", 3, 2, 0 },
        { "himmelblau", -2.805118, 3.131312, 0 },
        { "himmelblau", -3.779310, -3.283186, 0 },
        { "himmelblau", 3.584428, -1.848126, 0 },
        { "rastrigin", 0, 0, 0 },
        { "plateau", 0, 0, 0 },
        { "ackley", 0, 0, 0 },
        { "six_hump_camel", 0.0898, -0.7126, -1.0316 },
        { "six_hump_camel", -0.0898, 0.7126, -1.0316 },
        { "goldstein_price", 0, -1, 3 },
        { "styblinski_tang", -2.9035, -2.9035, -78.33 },
    };

    [Theory]
    [MemberData(nameof(GlobalMinima))]
    public void GlobalMinimumHasDocumentedValue(string name, double x, double y, double value)
    {
        var landscape = LandscapeCatalog.Create(name);
        // The documented coordinates are rounded; the listed minimum nearest to them is the precise one.
        var m = landscape.Minima.MinBy(p => Math.Abs(p.X - x) + Math.Abs(p.Y - y));
        Assert.True(Math.Abs(m.X - x) < 1e-4 && Math.Abs(m.Y - y) < 1e-4, $"{name}: no listed minimum near ({x}, {y})");
        // Documented values carry 4 significant digits at most.
        Assert.Equal(value, landscape.Value(m.X, m.Y), 0.005);
        // Every listed minimum is global: none lies below another.
        foreach (var other in landscape.Minima)
            Assert.Equal(landscape.Value(m.X, m.Y), landscape.Value(other.X, other.Y), 1e-9);
    }

    [Fact]
    public void PreciseMinimaMatchTheirKnownValues()
    {
        Assert.Equal(-1.0316284534898774, LandscapeCatalog.Create("six_hump_camel").Value(0.089842013100318062, -0.71265640302073963), 1e-14);
        var st = LandscapeCatalog.Create("styblinski_tang");
        Assert.Equal(-78.332331407542831, st.Value(st.Minima[0].X, st.Minima[0].Y), 1e-12);
        var himmelblau = LandscapeCatalog.Create("himmelblau");
        foreach (var m in himmelblau.Minima)
            Assert.Equal(0, himmelblau.Value(m.X, m.Y), 1e-20);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void BatchGradientsAgreeWithScalarGradient(string name)
    {
        var landscape = LandscapeCatalog.Create(name);
        // Not a multiple of any vector width, so the scalar tail runs too.
        const int n = 1003;
        var points = SamplePoints(landscape, seed: 3, n).ToArray();
        var x = points.Select(p => p.X).ToArray();
        var y = points.Select(p => p.Y).ToArray();
        var gx = new double[n];
        var gy = new double[n];
        landscape.Gradients(x, y, gx, gy);

        var xf = x.Select(v => (float)v).ToArray();
        var yf = y.Select(v => (float)v).ToArray();
        var gxf = new float[n];
        var gyf = new float[n];
        landscape.Gradients(xf, yf, gxf, gyf);

        for (int i = 0; i < n; i++)
        {
            landscape.Gradient(x[i], y[i], out var ex, out var ey);
            AssertClose(ex, gx[i], 1e-12 * Math.Max(1, Math.Abs(ex)), $"{name} double gx[{i}]");
            AssertClose(ey, gy[i], 1e-12 * Math.Max(1, Math.Abs(ey)), $"{name} double gy[{i}]");

            // Float kernels lose ~1e-7 relative per operation, amplified by cancellation in terms
            // such as rosenbrock's 400x(y − x²); compare at the same float inputs.
            landscape.Gradient(xf[i], yf[i], out var fx, out var fy);
            AssertClose(fx, gxf[i], 1e-3 * Math.Max(1, Math.Abs(fx)), $"{name} float gx[{i}]");
            AssertClose(fy, gyf[i], 1e-3 * Math.Max(1, Math.Abs(fy)), $"{name} float gy[{i}]");
        }
    }

    [Theory]
    [InlineData("rosenbrock")]
    [InlineData("quadratic")]
    public void VectorisedGradientsDoNotAllocate(string name)
    {
        // The swarm benchmark steps a million points per call; garbage there would dominate.
        var landscape = LandscapeCatalog.Create(name);
        var d = new double[4099];
        var f = new float[4099];
        landscape.Gradients(d, d, new double[d.Length], new double[d.Length]);
        landscape.Gradients(f, f, new float[f.Length], new float[f.Length]);
        var gd = new double[d.Length];
        var gf = new float[f.Length];
        long before = GC.GetAllocatedBytesForCurrentThread();
        landscape.Gradients(d, d, gd, gd);
        landscape.Gradients(f, f, gf, gf);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void UnknownLandscapeIsAnInputErrorListingTheNames()
    {
        var error = Assert.Throws<InputError>(() => LandscapeCatalog.Create("nope"));
        Assert.Contains("'nope'", error.Message);
        foreach (var name in LandscapeCatalog.Names)
            Assert.Contains(name, error.Message);
    }

    [Fact]
    public void CatalogueListsTheLandscapesInOrder()
    {
        Assert.Equal(
            ["quadratic", "rosenbrock", "beale", "himmelblau", "rastrigin", "saddle", "monkey_saddle", "plateau",
             "ackley", "six_hump_camel", "goldstein_price", "styblinski_tang", "linreg", "logreg"],
            LandscapeCatalog.Names);
    }

    [Fact]
    public void ConditionParameterShapesTheQuadratic()
    {
        var p = new Parameters();
        p.Add("condition=100");
        var q = Assert.IsType<Quadratic>(LandscapeCatalog.Create("quadratic", p));
        Assert.Equal(100, q.Condition);
        p.RejectUnused("quadratic");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1e7")]
    public void OutOfRangeConditionIsAnInputError(string value)
    {
        var p = new Parameters();
        p.Add($"condition={value}");
        var error = Assert.Throws<InputError>(() => LandscapeCatalog.Create("quadratic", p));
        Assert.Contains("condition", error.Message);
    }

    [Fact]
    public void NonNumericConditionIsAnInputError()
    {
        var p = new Parameters();
        p.Add("condition=steep");
        Assert.Throws<InputError>(() => LandscapeCatalog.Create("quadratic", p));
    }

    [Fact]
    public void UnknownParameterIsRejectedListingTheAcceptedOnes()
    {
        var p = new Parameters();
        p.Add("condition=5");
        p.Add("conditon=50");
        LandscapeCatalog.Create("quadratic", p);
        var error = Assert.Throws<InputError>(() => p.RejectUnused("quadratic"));
        Assert.Contains("'conditon'", error.Message);
        Assert.Contains("condition", error.Message.Split("expected one of")[1]);
    }

    [Fact]
    public void PlateauWidthScalesTheDomain()
    {
        var p = new Parameters();
        p.Add("width=2");
        var plateau = LandscapeCatalog.Create("plateau", p);
        p.RejectUnused("plateau");
        Assert.Equal(new Domain(-8, 8, -8, 8), plateau.Domain);
        Assert.Throws<InputError>(() => LandscapeCatalog.Create("plateau", Parameters.From([new("width", "0")])));
    }

    [Fact]
    public void AckleyGradientIsZeroAtTheCone()
    {
        var ackley = LandscapeCatalog.Create("ackley");
        ackley.Gradient(0, 0, out var gx, out var gy);
        Assert.Equal(0, gx);
        Assert.Equal(0, gy);
        ackley.Hessian(0, 0, out var hxx, out var hxy, out var hyy);
        Assert.True(double.IsFinite(hxx) && double.IsFinite(hxy) && double.IsFinite(hyy));
    }

    private static double Step(double v) => RelativeStep * Math.Max(1, Math.Abs(v));

    private static IEnumerable<(double X, double Y)> SamplePoints(Landscape landscape, int seed, int count = SampleCount)
    {
        var random = new Random(seed);
        var d = landscape.Domain;
        for (int i = 0; i < count; i++)
            yield return (d.XMin + random.NextDouble() * d.Width, d.YMin + random.NextDouble() * d.Height);
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual} (tolerance {tolerance})");
}
