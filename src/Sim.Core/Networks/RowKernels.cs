using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sim.Core.Networks;

/// <summary>
/// The loops a network's passes are made of, over rows of examples (unit-major activations
/// keep one unit's values for every example of a batch contiguous), <see cref="Vector{T}.Count"/>
/// examples at a time. Rows are short (a mini-batch of 64 is 16 vectors), so the loops load
/// through references rather than slicing spans: a slice per vector costs as much as its arithmetic.
/// </summary>
internal static class RowKernels
{
    /// <summary>y ← y + alpha·x, for x and y of the same length.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("rows differ in length");
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        int n = x.Length, width = Vector<double>.Count, i = 0;
        var a = new Vector<double>(alpha);
        for (; i <= n - width; i += width)
            Vector.StoreUnsafe(Vector.LoadUnsafe(ref ys, (nuint)i) + a * Vector.LoadUnsafe(ref xs, (nuint)i), ref ys, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref ys, i) += alpha * Unsafe.Add(ref xs, i);
    }

    /// <summary>Σ x·y, for x and y of the same length.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("rows differ in length");
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        int n = x.Length, width = Vector<double>.Count, i = 0;
        var acc = Vector<double>.Zero;
        for (; i <= n - width; i += width) acc += Vector.LoadUnsafe(ref xs, (nuint)i) * Vector.LoadUnsafe(ref ys, (nuint)i);
        double sum = Vector.Sum(acc);
        for (; i < n; i++) sum += Unsafe.Add(ref xs, i) * Unsafe.Add(ref ys, i);
        return sum;
    }

    /// <summary>Σ x.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        int n = x.Length, width = Vector<double>.Count, i = 0;
        var acc = Vector<double>.Zero;
        for (; i <= n - width; i += width) acc += Vector.LoadUnsafe(ref xs, (nuint)i);
        double sum = Vector.Sum(acc);
        for (; i < n; i++) sum += Unsafe.Add(ref xs, i);
        return sum;
    }

    /// <summary>
    /// z ← max(0, z), NaN kept (a diverged run shows). Branch-free: on a hidden layer the sign of
    /// z is a coin toss from example to example, which a branch would mispredict half the time.
    /// </summary>
    public static void Relu(Span<double> z)
    {
        ref double zs = ref MemoryMarshal.GetReference(z);
        int n = z.Length, width = Vector<double>.Count, i = 0;
        for (; i <= n - width; i += width)
        {
            var v = Vector.LoadUnsafe(ref zs, (nuint)i);
            Vector.StoreUnsafe(Vector.ConditionalSelect(Vector.LessThanOrEqual(v, Vector<double>.Zero), Vector<double>.Zero, v), ref zs, (nuint)i);
        }
        for (; i < n; i++)
            if (Unsafe.Add(ref zs, i) <= 0) Unsafe.Add(ref zs, i) = 0;
    }

    /// <summary>g ← g where a &gt; 0, else 0: times relu'(z) read from a = relu(z) (0 at the kink).</summary>
    public static void WherePositive(Span<double> g, ReadOnlySpan<double> a)
    {
        if (g.Length != a.Length) throw new ArgumentException("rows differ in length");
        ref double gs = ref MemoryMarshal.GetReference(g);
        ref double As = ref MemoryMarshal.GetReference(a);
        int n = g.Length, width = Vector<double>.Count, i = 0;
        for (; i <= n - width; i += width)
        {
            var keep = Vector.GreaterThan(Vector.LoadUnsafe(ref As, (nuint)i), Vector<double>.Zero);
            Vector.StoreUnsafe(Vector.ConditionalSelect(keep, Vector.LoadUnsafe(ref gs, (nuint)i), Vector<double>.Zero), ref gs, (nuint)i);
        }
        for (; i < n; i++)
            if (!(Unsafe.Add(ref As, i) > 0)) Unsafe.Add(ref gs, i) = 0;
    }

    /// <summary>g ← g·(1 − a²): times tanh'(z) read from a = tanh(z).</summary>
    public static void TimesOneMinusSquare(Span<double> g, ReadOnlySpan<double> a)
    {
        if (g.Length != a.Length) throw new ArgumentException("rows differ in length");
        ref double gs = ref MemoryMarshal.GetReference(g);
        ref double As = ref MemoryMarshal.GetReference(a);
        int n = g.Length, width = Vector<double>.Count, i = 0;
        for (; i <= n - width; i += width)
        {
            var v = Vector.LoadUnsafe(ref As, (nuint)i);
            Vector.StoreUnsafe(Vector.LoadUnsafe(ref gs, (nuint)i) * (Vector<double>.One - v * v), ref gs, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref gs, i) *= 1 - Unsafe.Add(ref As, i) * Unsafe.Add(ref As, i);
    }
}
