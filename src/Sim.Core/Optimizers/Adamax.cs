using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// Adamax (torch.optim.Adamax): Adam with the infinity norm in place of the root mean square.
/// <code>
/// g ← g + weight_decay·p
/// m ← beta1·m + (1 − beta1)·g
/// u ← max(beta2·u, |g| + eps)
/// p ← p − lr/(1 − beta1^t)·m/u
/// </code>
/// </summary>
public sealed class Adamax : Optimizer, IAdamFamily
{
    public override string Name => "adamax";
    public double Beta1 { get; set; } = 0.9;
    public double Beta2 { get; set; } = 0.999;
    public double Eps { get; set; } = 1e-8;
    public double WeightDecay { get; set; }

    public Adamax(double lr = 0.002) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["exp_avg", "exp_inf"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("beta1", Beta1), ("beta2", Beta2), ("eps", Eps), ("weight_decay", WeightDecay)];

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        T b1 = N<T>(Beta1), r1 = N<T>(1 - Beta1), b2 = N<T>(Beta2), eps = N<T>(Eps), wd = N<T>(WeightDecay);
        T clr = N<T>(lr / (1 - Math.Pow(Beta1, state.Step)));
        bool useDecay = WeightDecay != 0;
        var m = state.Slot(0, offset, p.Length);
        var u = state.Slot(1, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = useDecay ? g[i] + wd * p[i] : g[i];
            m[i] = m[i] * b1 + r1 * d;
            u[i] = T.Max(u[i] * b2, T.Abs(d) + eps);
            p[i] -= clr * (m[i] / u[i]);
        }
    }
}
