using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// Adam (Ng C2W2; torch.optim.Adam): momentum's average of the gradient divided by RMSprop's
/// average of its square, both bias-corrected. Bias correction can be switched off to show what
/// it does: without it the first steps are too small in m and smaller still in v, so the first
/// step is (1−β₁)/√(1−β₂)·lr ≈ 3.16·lr with the default betas instead of lr.
/// <code>
/// g ← g + weight_decay·p                      (adamw instead: p ← p·(1 − lr·weight_decay))
/// m ← beta1·m + (1 − beta1)·g
/// v ← beta2·v + (1 − beta2)·g²
/// c1 ← 1 − beta1^t,  c2 ← 1 − beta2^t         (both 1 when bias_correction is off)
/// if amsgrad: vmax ← max(vmax, v), used below in place of v
/// p ← p − (lr/c1)·m / (√v/√c2 + eps)
/// </code>
/// </summary>
public class Adam : Optimizer, IBiasCorrected, IAdamFamily
{
    public override string Name => "adam";
    public double Beta1 { get; set; } = 0.9;
    public double Beta2 { get; set; } = 0.999;
    public double Eps { get; set; } = 1e-8;
    public double WeightDecay { get; set; }
    public bool Amsgrad { get; set; }
    public bool BiasCorrection { get; set; } = true;

    public Adam(double lr = 0.001) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("beta1", Beta1), ("beta2", Beta2), ("eps", Eps), ("weight_decay", WeightDecay),
         Hyperparameter.Switch("amsgrad", Amsgrad), Hyperparameter.Switch("bias_correction", BiasCorrection)];

    /// <summary>True for AdamW: weight decay shrinks p directly instead of adding to g.</summary>
    protected virtual bool DecoupledDecay => false;

    /// <summary>c1 = 1 − beta1^t and c2 = 1 − beta2^t, or both 1 without bias correction.</summary>
    private (double C1, double C2) Corrections(int t) =>
        BiasCorrection ? (1 - Math.Pow(Beta1, t), 1 - Math.Pow(Beta2, t)) : (1, 1);

    public override IEnumerable<(string Name, double Value)> StepFactors(int t)
    {
        var (c1, c2) = Corrections(t);
        return [("1 - beta1^t", c1), ("1 - beta2^t", c2)];
    }

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        var (c1, c2) = Corrections(state.Step);
        T b1 = N<T>(Beta1), r1 = N<T>(1 - Beta1), b2 = N<T>(Beta2), r2 = N<T>(1 - Beta2), eps = N<T>(Eps);
        T stepSize = N<T>(lr / c1), sqrtC2 = N<T>(Math.Sqrt(c2));
        T wd = N<T>(WeightDecay), shrink = N<T>(1 - lr * WeightDecay);
        bool addDecay = WeightDecay != 0 && !DecoupledDecay, shrinkDecay = WeightDecay != 0 && DecoupledDecay;
        var m = state.Slot(0, offset, p.Length);
        var v = state.Slot(1, offset, p.Length);
        var vmax = state.Slot(2, offset, p.Length);
        int i = Amsgrad ? 0 : UpdateVectors(p, g, m, v, b1, r1, b2, r2, eps, stepSize, sqrtC2, wd, shrink, addDecay, shrinkDecay);
        for (; i < p.Length; i++)
        {
            if (shrinkDecay) p[i] *= shrink;
            T d = addDecay ? g[i] + wd * p[i] : g[i];
            m[i] = m[i] * b1 + r1 * d;
            v[i] = v[i] * b2 + r2 * (d * d);
            T second = v[i];
            if (Amsgrad)
            {
                vmax[i] = T.Max(vmax[i], v[i]);
                second = vmax[i];
            }
            p[i] -= stepSize * (m[i] / (T.Sqrt(second) / sqrtC2 + eps));
        }
    }

    /// <summary>
    /// The same update, <see cref="Vector{T}.Count"/> coordinates at a time (the swarm's hot loop);
    /// each lane does exactly the scalar operations, so results are bit-identical. Returns how many
    /// coordinates it did.
    /// </summary>
    private static int UpdateVectors<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, T b1, T r1, T b2, T r2, T eps,
        T stepSize, T sqrtC2, T wd, T shrink, bool addDecay, bool shrinkDecay) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count, i = 0;
        if (!Vector.IsHardwareAccelerated) return 0;
        Vector<T> vb1 = new(b1), vr1 = new(r1), vb2 = new(b2), vr2 = new(r2), veps = new(eps);
        Vector<T> vstep = new(stepSize), vc2 = new(sqrtC2), vwd = new(wd), vshrink = new(shrink);
        for (; i <= p.Length - width; i += width)
        {
            var pi = new Vector<T>(p[i..]);
            var gi = new Vector<T>(g[i..]);
            if (shrinkDecay) pi *= vshrink;
            if (addDecay) gi += vwd * pi;
            var mi = new Vector<T>(m[i..]) * vb1 + vr1 * gi;
            var vi = new Vector<T>(v[i..]) * vb2 + vr2 * (gi * gi);
            pi -= vstep * (mi / (Vector.SquareRoot(vi) / vc2 + veps));
            mi.CopyTo(m[i..]);
            vi.CopyTo(v[i..]);
            pi.CopyTo(p[i..]);
        }
        return i;
    }
}
