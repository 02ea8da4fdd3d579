using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// Adadelta (torch.optim.Adadelta): RMSprop whose step is scaled by a running RMS of past steps,
/// so the units match and lr can stay 1.
/// <code>
/// g ← g + weight_decay·p
/// v ← rho·v + (1 − rho)·g²
/// Δ = √(u + eps)/√(v + eps)·g
/// u ← rho·u + (1 − rho)·Δ²
/// p ← p − lr·Δ
/// </code>
/// </summary>
public sealed class Adadelta : Optimizer
{
    public override string Name => "adadelta";
    public double Rho { get; set; } = 0.9;
    public double Eps { get; set; } = 1e-6;
    public double WeightDecay { get; set; }

    public Adadelta(double lr = 1.0) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["square_avg", "acc_delta"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("rho", Rho), ("eps", Eps), ("weight_decay", WeightDecay)];

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        T rho = N<T>(Rho), rest = N<T>(1 - Rho), eps = N<T>(Eps), wd = N<T>(WeightDecay), rate = N<T>(lr);
        bool useDecay = WeightDecay != 0;
        var v = state.Slot(0, offset, p.Length);
        var u = state.Slot(1, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = useDecay ? g[i] + wd * p[i] : g[i];
            v[i] = v[i] * rho + rest * (d * d);
            T delta = T.Sqrt(u[i] + eps) / T.Sqrt(v[i] + eps) * d;
            u[i] = u[i] * rho + rest * (delta * delta);
            p[i] -= rate * delta;
        }
    }
}
