using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sim.Core.Networks;

/// <summary>
/// The sigmoid output unit over a row of logits z and labels y, <see cref="Vector{T}.Count"/>
/// examples at a time: the cross-entropy, δᴸ and the examples classified right, from one
/// exponential and one logarithm per example. With t = e^−|z|:
/// <code>
/// loss  softplus(z) − y·z = max(z, 0) + ln(1 + t) − y·z
/// δᴸ    (sigmoid(z) − y)/n,  sigmoid(z) = 1/(1 + t) for z ≥ 0, t/(1 + t) for z &lt; 0
/// right the lab's 1/(1 + e^−z) &gt; 0.5 is never true for z &lt; 0 (e^−z ≥ 1) and is 1/(1 + t) &gt; 0.5 for z ≥ 0
/// </code>
/// ln(1 + t) is taken as it comes: its absolute error (1e-16) is far below what a mean over
/// examples can resolve. The transcendental functions are .NET's vectorised ones (within an ulp or
/// two of Math.Exp and Math.Log), the tail of a row that fills no vector the scalar ones.
/// </summary>
internal static class OutputLayer
{
    /// <summary>Σ loss over the row; δᴸ into <paramref name="delta"/> unless it is empty; the count of right answers if asked (else 0).</summary>
    public static (double Sum, int Correct) Pass(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> delta, bool countCorrect)
    {
        int n = z.Length, width = Vector<double>.Count, e = 0;
        bool withDelta = !delta.IsEmpty;
        ref double zs = ref MemoryMarshal.GetReference(z);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double ds = ref MemoryMarshal.GetReference(delta);
        var sum = Vector<double>.Zero;
        var right = Vector<long>.Zero;
        var half = new Vector<double>(0.5);
        var scale = new Vector<double>(n);
        for (; e <= n - width; e += width)
        {
            var zv = Vector.LoadUnsafe(ref zs, (nuint)e);
            var yv = Vector.LoadUnsafe(ref ys, (nuint)e);
            var t = Vector.Exp(-Vector.Abs(zv));
            var w = Vector<double>.One + t;
            var positive = Vector.GreaterThanOrEqual(zv, Vector<double>.Zero);
            sum += Vector.ConditionalSelect(positive, zv, Vector<double>.Zero) + Vector.Log(w) - yv * zv;
            if (withDelta)
                Vector.StoreUnsafe((Vector.ConditionalSelect(positive, Vector<double>.One, t) / w - yv) / scale, ref ds, (nuint)e);
            if (countCorrect)
            {
                var predicted = positive & Vector.GreaterThan(Vector<double>.One / w, half);
                right -= Vector.AsVectorInt64(~(predicted ^ Vector.GreaterThan(yv, half))); // true lanes are −1
            }
        }
        double total = Vector.Sum(sum);
        int correct = (int)Vector.Sum(right);
        for (; e < n; e++)
        {
            double zi = Unsafe.Add(ref zs, e), yi = Unsafe.Add(ref ys, e), t = Math.Exp(-Math.Abs(zi)), w = 1 + t;
            total += (zi >= 0 ? zi : 0) + Math.Log(w) - yi * zi;
            if (withDelta) Unsafe.Add(ref ds, e) = ((zi >= 0 ? 1 : t) / w - yi) / n;
            if (countCorrect && (zi >= 0 && 1 / w > 0.5) == yi > 0.5) correct++;
        }
        return (total, correct);
    }
}
