using Sim.Core.Data;
using Sim.Core.Networks;

namespace Sim.Core.Landscapes;

/// <summary>
/// Mean cross-entropy of a two-weight logistic classifier p = sigmoid(w1·x1 + w2·x2) on two
/// classes, the plane's (x, y) being the weights (w1, w2). There is no bias: the generated blobs
/// are symmetric about the origin, so the best boundary passes near it. With s = ±1 for class 1/0
/// and u = s·(w·x), an example's loss is softplus(−u) = max(−u, 0) + log1p(exp(−|u|)), which
/// neither overflows nor loses the tiny losses of well-classified examples.
/// </summary>
public sealed class LogisticRegression : Landscape
{
    private readonly double[] a, b; // inputs times the class sign s, so labels drop out of the loops
    private readonly int[] all;

    /// <summary>Needs classes that no line through the origin separates (else the loss has no minimum).</summary>
    public LogisticRegression(DataSet data)
    {
        if (LinearSeparability.ThroughOrigin(data))
            throw new ArgumentException("the classes are separable through the origin, so the loss has no minimum", nameof(data));
        Data = data;
        int m = data.Count;
        a = new double[m];
        b = new double[m];
        all = new int[m];
        for (int i = 0; i < m; i++)
        {
            double s = data.Y[i] > 0.5 ? 1 : -1;
            a[i] = s * data.X1[i];
            b[i] = s * data.X2[i];
            all[i] = i;
        }
        Minimum = NewtonMinimum();
        Minima = [Minimum];
        // Wide enough to show the origin (the untrained classifier) and the linear flanks.
        double halfSpan = Math.Max(3, 1.5 * Math.Max(Math.Abs(Minimum.X), Math.Abs(Minimum.Y)));
        Domain = new(Minimum.X - halfSpan, Minimum.X + halfSpan, Minimum.Y - halfSpan, Minimum.Y + halfSpan);
        DefaultStart = new(Minimum.X - 0.8 * halfSpan, Minimum.Y + 0.5 * halfSpan);
    }

    /// <summary>Generates the data from the <c>examples</c>, <c>data_seed</c>, <c>separation</c>
    /// parameters and applies the tricks <c>center</c>, <c>scale</c>, <c>decorrelate</c>.</summary>
    public static LogisticRegression Create(Parameters p)
    {
        var generator = new ClassificationDataGenerator(
            Examples: p.Int("examples", 256, min: 4, max: 100_000),
            Seed: (ulong)p.Int("data_seed", 1, min: 0),
            Separation: p.Double("separation", 2, min: 0, max: 10));
        var tricks = new InputPreprocessing(
            Center: p.Bool("center", false), Scale: p.Bool("scale", false), Decorrelate: p.Bool("decorrelate", false));
        return new LogisticRegression(generator.Generate(tricks));
    }

    public DataSet Data { get; }

    /// <summary>The minimiser, found by damped Newton's method at construction.</summary>
    public Point2 Minimum { get; }

    public override string Name => "logreg";
    public override string Formula => $"mean over {a.Length} examples of log(1 + exp(-s*(x*a + y*b))) (inputs a, b; class s = +1/-1)";
    public override Domain Domain { get; }
    public override IReadOnlyList<Point2> Minima { get; }
    public override Point2 DefaultStart { get; }
    public override int ExampleCount => a.Length;

    public override double Value(double x, double y) => BatchValue(x, y, all);

    public override void Gradient(double x, double y, out double gx, out double gy) => BatchGradient(x, y, all, out gx, out gy);

    /// <summary>mean of sigmoid(u)·sigmoid(−u)·x xᵀ; the class sign squares away.</summary>
    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double ai = a[i], bi = b[i];
            double e = Math.Exp(-Math.Abs(x * ai + y * bi));
            double weight = e / ((1 + e) * (1 + e));
            sxx += weight * ai * ai;
            sxy += weight * ai * bi;
            syy += weight * bi * bi;
        }
        hxx = sxx / a.Length;
        hxy = sxy / a.Length;
        hyy = syy / a.Length;
    }

    public override double BatchValue(double x, double y, ReadOnlySpan<int> examples)
    {
        RequireSome(examples);
        double sum = 0;
        foreach (int i in examples)
        {
            double u = x * a[i] + y * b[i];
            sum += Logistic.Softplus(-u);
        }
        return sum / examples.Length;
    }

    /// <summary>d/dw softplus(−u) = −sigmoid(−u)·s·x, with sigmoid(−u) = 1/(1 + e^u) (exp overflowing to ∞ gives 0, no NaN).</summary>
    public override void BatchGradient(double x, double y, ReadOnlySpan<int> examples, out double gx, out double gy)
    {
        RequireSome(examples);
        double sx = 0, sy = 0;
        foreach (int i in examples)
        {
            double ai = a[i], bi = b[i];
            double pull = 1 / (1 + Math.Exp(x * ai + y * bi));
            sx += pull * ai;
            sy += pull * bi;
        }
        gx = -sx / examples.Length;
        gy = -sy / examples.Length;
    }

    // Newton from the origin: the loss is strictly convex with a finite minimum (the classes
    // overlap), so Newton with backtracking converges. Once the predicted decrease is below what
    // the loss can resolve in float64, the line search is skipped: full steps, quadratic convergence.
    private Point2 NewtonMinimum()
    {
        double x = 0, y = 0, f = Value(x, y);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            Gradient(x, y, out var gx, out var gy);
            Hessian(x, y, out var hxx, out var hxy, out var hyy);
            double det = hxx * hyy - hxy * hxy;
            double dx = -(hyy * gx - hxy * gy) / det, dy = -(hxx * gy - hxy * gx) / det;
            double slope = gx * dx + gy * dy;
            if (!(slope < 0)) break; // the gradient is zero to machine precision
            double step = 1;
            if (-slope > 1e-10 * (1 + f))
                while (Value(x + step * dx, y + step * dy) > f + 1e-4 * step * slope && step > 1e-10) step /= 2;
            x += step * dx;
            y += step * dy;
            f = Value(x, y);
            if (Math.Abs(step * dx) + Math.Abs(step * dy) < 1e-15 * (1 + Math.Abs(x) + Math.Abs(y))) break;
        }
        return new(x, y);
    }

    private static void RequireSome(ReadOnlySpan<int> examples)
    {
        if (examples.IsEmpty) throw new ArgumentException("a batch needs at least one example", nameof(examples));
    }
}
