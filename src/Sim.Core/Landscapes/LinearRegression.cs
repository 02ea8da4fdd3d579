using Sim.Core.Data;

namespace Sim.Core.Landscapes;

/// <summary>
/// Mean squared error of a two-weight linear model without bias, the plane's (x, y) being the
/// weights (w1, w2): f = mean over examples of ½(w1·x1 + w2·x2 − t)², with the ½ so that the
/// gradient is mean(r·x) and the Hessian mean(x xᵀ), r the residual. On raw generated inputs the
/// bowl is a long off-centre ravine; the input tricks of Hinton's lecture 6b make it round.
/// </summary>
public sealed class LinearRegression : Landscape
{
    private const double HalfSpan = 3;

    private readonly double[] x1, x2, t;
    private readonly double hxx, hxy, hyy;
    private readonly double minimumValue;

    public LinearRegression(DataSet data)
    {
        Data = data;
        x1 = data.X1.ToArray();
        x2 = data.X2.ToArray();
        t = data.Y.ToArray();
        int m = t.Length;
        double cx = 0, cy = 0;
        for (int i = 0; i < m; i++)
        {
            hxx += x1[i] * x1[i];
            hxy += x1[i] * x2[i];
            hyy += x2[i] * x2[i];
            cx += x1[i] * t[i];
            cy += x2[i] * t[i];
        }
        hxx /= m; hxy /= m; hyy /= m; cx /= m; cy /= m;

        // Normal equations H w = c by Cramer's rule; a singular H (too few or collinear inputs)
        // has a line of minima, not a point.
        double det = hxx * hyy - hxy * hxy;
        if (!(det > 1e-12 * (hxx + hyy) * (hxx + hyy)))
            throw new InputError($"linreg: the {m} examples' inputs are collinear, so there is no single minimum; use more examples");
        Solution = new((hyy * cx - hxy * cy) / det, (hxx * cy - hxy * cx) / det);
        minimumValue = BatchValue(Solution.X, Solution.Y, Enumerable.Range(0, m).ToArray());

        Minima = [Solution];
        Domain = new(Solution.X - HalfSpan, Solution.X + HalfSpan, Solution.Y - HalfSpan, Solution.Y + HalfSpan);
        // Mostly along the raw ravine's floor and a little off it, like quadratic's start.
        DefaultStart = new(Solution.X - 2.5, Solution.Y + 1.5);
    }

    /// <summary>Generates the data from the <c>examples</c>, <c>data_seed</c>, <c>offset</c>,
    /// <c>scale_ratio</c>, <c>correlation</c>, <c>noise</c> parameters and applies the tricks
    /// <c>center</c>, <c>scale</c>, <c>decorrelate</c> (centring the target too).</summary>
    public static LinearRegression Create(Parameters p)
    {
        var generator = new RegressionDataGenerator(
            Examples: p.Int("examples", 256, min: 2, max: 100_000),
            Seed: (ulong)p.Int("data_seed", 1, min: 0),
            Offset: p.Double("offset", 3, min: -100, max: 100),
            ScaleRatio: p.Double("scale_ratio", 5, min: 0.01, max: 100),
            Correlation: p.Double("correlation", 0.8, min: -0.99, max: 0.99),
            Noise: p.Double("noise", 0.5, min: 0, max: 100));
        var tricks = new InputPreprocessing(
            Center: p.Bool("center", false), Scale: p.Bool("scale", false), Decorrelate: p.Bool("decorrelate", false));
        var data = tricks.Apply(generator.Generate());
        return new LinearRegression(tricks.Center ? data.WithTargetCentered() : data);
    }

    public DataSet Data { get; }

    /// <summary>The least-squares weights, from the normal equations.</summary>
    public Point2 Solution { get; }

    /// <summary>Ratio of the constant Hessian's eigenvalues: how stretched the ravine is.</summary>
    public double ConditionNumber
    {
        get
        {
            var (smaller, larger) = Eigenvalues(hxx, hxy, hyy);
            return larger / smaller;
        }
    }

    public override string Name => "linreg";
    public override string Formula => $"mean over {t.Length} examples of 0.5*(x*a + y*b - t)^2 (inputs a, b; target t)";
    public override Domain Domain { get; }
    public override IReadOnlyList<Point2> Minima { get; }
    public override Point2 DefaultStart { get; }
    public override int ExampleCount => t.Length;

    // The loss is exactly quadratic, so the full value and gradient come from the Hessian and the
    // solution in O(1) instead of a pass over the examples; the value cannot dip below the minimum.
    public override double Value(double x, double y)
    {
        double dx = x - Solution.X, dy = y - Solution.Y;
        return minimumValue + 0.5 * (hxx * dx * dx + 2 * hxy * dx * dy + hyy * dy * dy);
    }

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        double dx = x - Solution.X, dy = y - Solution.Y;
        gx = hxx * dx + hxy * dy;
        gy = hxy * dx + hyy * dy;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = this.hxx;
        hxy = this.hxy;
        hyy = this.hyy;
    }

    public override double BatchValue(double x, double y, ReadOnlySpan<int> examples)
    {
        RequireSome(examples);
        double sum = 0;
        foreach (int i in examples)
        {
            double r = x * x1[i] + y * x2[i] - t[i];
            sum += r * r;
        }
        return 0.5 * sum / examples.Length;
    }

    public override void BatchGradient(double x, double y, ReadOnlySpan<int> examples, out double gx, out double gy)
    {
        RequireSome(examples);
        double sx = 0, sy = 0;
        foreach (int i in examples)
        {
            double a = x1[i], b = x2[i];
            double r = x * a + y * b - t[i];
            sx += r * a;
            sy += r * b;
        }
        gx = sx / examples.Length;
        gy = sy / examples.Length;
    }

    private static void RequireSome(ReadOnlySpan<int> examples)
    {
        if (examples.IsEmpty) throw new ArgumentException("a batch needs at least one example", nameof(examples));
    }
}
