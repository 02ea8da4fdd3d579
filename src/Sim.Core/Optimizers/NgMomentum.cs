using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// Gradient descent with momentum as Ng teaches it (C2W2): the step follows an exponentially
/// weighted average of the gradients, optionally bias-corrected. Unlike torch's SGD momentum the
/// average is damped by (1 − beta), so lr keeps its meaning as beta changes.
/// <code>
/// v ← beta·v + (1 − beta)·g          (v starts at 0)
/// v̂ = v/(1 − beta^t) when bias_correction, else v
/// p ← p − lr·v̂
/// </code>
/// </summary>
public sealed class NgMomentum : Optimizer, IBiasCorrected
{
    public override string Name => "momentum";
    public double Beta { get; set; } = 0.9;
    public bool BiasCorrection { get; set; }

    public NgMomentum(double lr = 0.01) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["velocity"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("beta", Beta), Hyperparameter.Switch("bias_correction", BiasCorrection)];

    /// <summary>1 − beta^t, or 1 without bias correction.</summary>
    private double Correction(int t) => BiasCorrection ? 1 - Math.Pow(Beta, t) : 1;

    public override IEnumerable<(string Name, double Value)> StepFactors(int t) => [("1 - beta^t", Correction(t))];

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        double correction = Correction(state.Step);
        T beta = N<T>(Beta), rest = N<T>(1 - Beta), rate = N<T>(lr / correction);
        var v = state.Slot(0, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            v[i] = beta * v[i] + rest * g[i];
            p[i] -= rate * v[i];
        }
    }
}
