using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// NAdam (torch.optim.NAdam): Adam with Nesterov momentum, looking one step ahead with a
/// momentum coefficient that warms up over the first steps.
/// <code>
/// μ_t = beta1·(1 − 0.5·0.96^(t·momentum_decay)),  Π_t = μ_1·…·μ_t
/// g ← g + weight_decay·p
/// m ← beta1·m + (1 − beta1)·g,  v ← beta2·v + (1 − beta2)·g²
/// d = √v/√(1 − beta2^t) + eps
/// p ← p − lr·(1 − μ_t)/(1 − Π_t)·g/d − lr·μ_{t+1}/(1 − Π_t·μ_{t+1})·m/d
/// </code>
/// This is PyTorch ≥ 2.0's rule (1.13's single-tensor path counted μ_t twice in Π).
/// </summary>
public sealed class NAdam : Optimizer, IAdamFamily
{
    public override string Name => "nadam";
    public double Beta1 { get; set; } = 0.9;
    public double Beta2 { get; set; } = 0.999;
    public double Eps { get; set; } = 1e-8;
    public double WeightDecay { get; set; }
    public double MomentumDecay { get; set; } = 0.004;

    public NAdam(double lr = 0.002) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["exp_avg", "exp_avg_sq"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("beta1", Beta1), ("beta2", Beta2), ("eps", Eps), ("weight_decay", WeightDecay), ("momentum_decay", MomentumDecay)];

    private double Mu(int t) => Beta1 * (1.0 - 0.5 * Math.Pow(0.96, t * MomentumDecay));

    public override void BeginStep<T>(OptimizerState<T> state)
    {
        base.BeginStep(state);
        state.Product *= Mu(state.Step);
    }

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        int t = state.Step;
        double mu = Mu(t), muNext = Mu(t + 1), product = state.Product;
        T gradStep = N<T>(lr * (1.0 - mu) / (1.0 - product));
        T avgStep = N<T>(lr * muNext / (1.0 - product * muNext));
        T sqrtC2 = N<T>(Math.Sqrt(1 - Math.Pow(Beta2, t)));
        T b1 = N<T>(Beta1), r1 = N<T>(1 - Beta1), b2 = N<T>(Beta2), r2 = N<T>(1 - Beta2), eps = N<T>(Eps), wd = N<T>(WeightDecay);
        bool useDecay = WeightDecay != 0;
        var m = state.Slot(0, offset, p.Length);
        var v = state.Slot(1, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = useDecay ? g[i] + wd * p[i] : g[i];
            m[i] = m[i] * b1 + r1 * d;
            v[i] = v[i] * b2 + r2 * (d * d);
            T denom = T.Sqrt(v[i]) / sqrtC2 + eps;
            p[i] -= gradStep * (d / denom);
            p[i] -= avgStep * (m[i] / denom);
        }
    }
}
