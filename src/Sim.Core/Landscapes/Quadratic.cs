using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Core.Landscapes;

/// <summary>
/// f = ½(x² + κ·y²): a bowl whose condition number κ (default 10) stretches it into a ravine
/// along x, the simplest picture of why plain gradient descent oscillates across a valley.
/// </summary>
public sealed class Quadratic(double condition = 10) : Landscape
{
    public double Condition { get; } = condition;

    public override string Name => "quadratic";
    public override string Formula => $"0.5*(x^2 + {Condition:G4}*y^2)";
    public override Domain Domain => new(-3, 3, -3, 3);
    public override IReadOnlyList<Point2> Minima { get; } = [new(0, 0)];
    public override Point2 DefaultStart => new(-2.5, 1.5);

    public override double Value(double x, double y) => 0.5 * (x * x + Condition * y * y);

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = x;
        gy = Condition * y;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 1;
        hxy = 0;
        hyy = Condition;
    }

    public override void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy) =>
        VectorGradients(x, y, gx, gy, Condition);

    public override void Gradients(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> gx, Span<float> gy) =>
        VectorGradients(x, y, gx, gy, (float)Condition);

    // Swarm benchmarks compare landscapes, so the simplest one is vectorised like rosenbrock.
    private static void VectorGradients<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> gx, Span<T> gy, T condition)
        where T : unmanaged, INumber<T>
    {
        int n = x.Length;
        y = y[..n];
        gy = gy[..n];
        x.CopyTo(gx);

        var yv = MemoryMarshal.Cast<T, Vector<T>>(y);
        var gyv = MemoryMarshal.Cast<T, Vector<T>>(gy);
        var k = new Vector<T>(condition);
        for (int i = 0; i < yv.Length; i++)
            gyv[i] = k * yv[i];
        for (int i = yv.Length * Vector<T>.Count; i < n; i++)
            gy[i] = condition * y[i];
    }
}
