using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Core.Landscapes;

/// <summary>
/// f = (1 − x)² + 100·(y − x²)²: a long, curved, flat-bottomed valley leading to the minimum
/// 0 at (1, 1). Finding the valley is easy, following its bend is not, which is why every
/// optimizer lecture shows it. It is also the benchmark landscape, so its batch gradients
/// are vectorised.
/// </summary>
public sealed class Rosenbrock : Landscape
{
    public override string Name => "rosenbrock";
    public override string Formula => "(1 - x)^2 + 100*(y - x^2)^2";
    public override Domain Domain => new(-2, 2, -1, 3);
    public override IReadOnlyList<Point2> Minima { get; } = [new(1, 1)];
    public override Point2 DefaultStart => new(-1.5, 2);

    public override double Value(double x, double y)
    {
        double a = 1 - x, b = y - x * x;
        return a * a + 100 * b * b;
    }

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        double d = y - x * x;
        gx = 2 * (x - 1) - 400 * x * d;
        gy = 200 * d;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 2 - 400 * y + 1200 * x * x;
        hxy = -400 * x;
        hyy = 200;
    }

    public override void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy) =>
        VectorGradients(x, y, gx, gy);

    public override void Gradients(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> gx, Span<float> gy) =>
        VectorGradients(x, y, gx, gy);

    // One generic kernel serves float and double; the JIT specialises it per type, so there is
    // no cost over two hand-written copies. Same operation order as Gradient so double agrees.
    private static void VectorGradients<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> gx, Span<T> gy)
        where T : unmanaged, INumber<T>
    {
        int n = x.Length;
        y = y[..n];
        gx = gx[..n];
        gy = gy[..n];

        var xv = MemoryMarshal.Cast<T, Vector<T>>(x);
        var yv = MemoryMarshal.Cast<T, Vector<T>>(y);
        var gxv = MemoryMarshal.Cast<T, Vector<T>>(gx);
        var gyv = MemoryMarshal.Cast<T, Vector<T>>(gy);
        var one = Vector<T>.One;
        var two = new Vector<T>(T.CreateChecked(2));
        var c200 = new Vector<T>(T.CreateChecked(200));
        var c400 = new Vector<T>(T.CreateChecked(400));
        for (int i = 0; i < xv.Length; i++)
        {
            var xi = xv[i];
            var d = yv[i] - xi * xi;
            gxv[i] = two * (xi - one) - c400 * xi * d;
            gyv[i] = c200 * d;
        }

        T s2 = T.CreateChecked(2), s200 = T.CreateChecked(200), s400 = T.CreateChecked(400);
        for (int i = xv.Length * Vector<T>.Count; i < n; i++)
        {
            T xi = x[i];
            T d = y[i] - xi * xi;
            gx[i] = s2 * (xi - T.One) - s400 * xi * d;
            gy[i] = s200 * d;
        }
    }
}
