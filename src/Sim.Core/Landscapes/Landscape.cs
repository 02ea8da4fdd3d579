using Sim.Core.Simulation;

namespace Sim.Core.Landscapes;

/// <summary>A point of the parameter plane.</summary>
public readonly record struct Point2(double X, double Y);

/// <summary>The rectangle a landscape is drawn over and its balls normally stay in.</summary>
public readonly record struct Domain(double XMin, double XMax, double YMin, double YMax)
{
    public double Width => XMax - XMin;
    public double Height => YMax - YMin;
    public bool Contains(double x, double y) => x >= XMin && x <= XMax && y >= YMin && y <= YMax;
}

/// <summary>
/// A loss f(x, y) over two parameters with its exact gradient and Hessian.
/// Analytic landscapes have no examples: every gradient is the full one. Data landscapes
/// (<see cref="ExampleCount"/> &gt; 0) are an average over examples, and a mini-batch's
/// gradient averages over the examples it names. As an <see cref="IObjective"/> it is the case
/// n = 2 of a parameter vector (x, y).
/// </summary>
public abstract class Landscape : IObjective
{
    /// <summary>Catalogue name, e.g. "rosenbrock".</summary>
    public abstract string Name { get; }

    /// <summary>The formula in one line, for the catalogue and the HUD.</summary>
    public abstract string Formula { get; }

    public abstract Domain Domain { get; }

    /// <summary>Known global minima (and, where a lesson needs them, the equal local ones).</summary>
    public abstract IReadOnlyList<Point2> Minima { get; }

    /// <summary>A start that shows the landscape's character, used when none is given.</summary>
    public abstract Point2 DefaultStart { get; }

    /// <summary>
    /// What is wrong with the parameters taken together (each alone is checked as it is read); null
    /// when they make a valid landscape. The catalogue asks it of every landscape it builds.
    /// </summary>
    public virtual string? Problem => null;

    /// <summary>
    /// A loss the drawn height and colour range must reach besides the values on the grid (a network
    /// slice's: the balls' true losses, which may lie below the slice); null for none.
    /// </summary>
    public virtual double? FloorValue => null;

    public abstract double Value(double x, double y);

    public abstract void Gradient(double x, double y, out double gx, out double gy);

    public abstract void Hessian(double x, double y, out double hxx, out double hxy, out double hyy);

    /// <summary>The eigenvalues λ₁ ≤ λ₂ of the symmetric 2×2 matrix [[hxx, hxy], [hxy, hyy]], such as a Hessian.</summary>
    public static (double Smaller, double Larger) Eigenvalues(double hxx, double hxy, double hyy)
    {
        double mean = (hxx + hyy) / 2, radius = Math.Sqrt((hxx - hyy) * (hxx - hyy) / 4 + hxy * hxy);
        return (mean - radius, mean + radius);
    }

    /// <summary>Full-batch gradients of many points in planar layout (all x, then all y).</summary>
    public virtual void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
    {
        for (int i = 0; i < x.Length; i++)
        {
            Gradient(x[i], y[i], out var a, out var b);
            gx[i] = a;
            gy[i] = b;
        }
    }

    /// <summary>Single-precision gradients, for swarms stepped in float32.</summary>
    public virtual void Gradients(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> gx, Span<float> gy)
    {
        for (int i = 0; i < x.Length; i++)
        {
            Gradient(x[i], y[i], out var a, out var b);
            gx[i] = (float)a;
            gy[i] = (float)b;
        }
    }

    /// <summary>Number of examples the loss averages over; 0 for an analytic landscape.</summary>
    public virtual int ExampleCount => 0;

    /// <summary>Loss over the given examples only (the whole loss for an analytic landscape).</summary>
    public virtual double BatchValue(double x, double y, ReadOnlySpan<int> examples) => Value(x, y);

    /// <summary>Gradient over the given examples only (the full gradient for an analytic landscape).</summary>
    public virtual void BatchGradient(double x, double y, ReadOnlySpan<int> examples, out double gx, out double gy) =>
        Gradient(x, y, out gx, out gy);

    int IObjective.ParameterCount => 2;

    double IObjective.Value(ReadOnlySpan<double> p) => Value(p[0], p[1]);

    void IObjective.Gradient(ReadOnlySpan<double> p, Span<double> gradient)
    {
        Gradient(p[0], p[1], out var gx, out var gy);
        gradient[0] = gx;
        gradient[1] = gy;
    }

    double IObjective.BatchValue(ReadOnlySpan<double> p, ReadOnlySpan<int> examples) => BatchValue(p[0], p[1], examples);

    double IObjective.BatchValueAndGradient(ReadOnlySpan<double> p, ReadOnlySpan<int> examples, Span<double> gradient)
    {
        double value = BatchValue(p[0], p[1], examples);
        BatchGradient(p[0], p[1], examples, out var gx, out var gy);
        gradient[0] = gx;
        gradient[1] = gy;
        return value;
    }
}
