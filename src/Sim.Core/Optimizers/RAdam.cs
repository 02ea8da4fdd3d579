using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// RAdam (torch.optim.RAdam): Adam whose adaptive step is switched on only once the variance of
/// the second-moment estimate is tractable, and then rectified; before that, momentum SGD.
/// <code>
/// g ← g + weight_decay·p
/// m ← beta1·m + (1 − beta1)·g,  v ← beta2·v + (1 − beta2)·g²,  m̂ = m/(1 − beta1^t)
/// ρ∞ = 2/(1 − beta2) − 1,  ρ_t = ρ∞ − 2t·beta2^t/(1 − beta2^t)
/// if ρ_t > 5: r = √((ρ_t−4)(ρ_t−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ_t)),  l = √(1 − beta2^t)/(√v + eps)
///             p ← p − lr·m̂·l·r
/// else:       p ← p − lr·m̂
/// </code>
/// </summary>
public sealed class RAdam : Optimizer, IAdamFamily
{
    public override string Name => "radam";
    public double Beta1 { get; set; } = 0.9;
    public double Beta2 { get; set; } = 0.999;
    public double Eps { get; set; } = 1e-8;
    public double WeightDecay { get; set; }

    public RAdam(double lr = 0.001) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["exp_avg", "exp_avg_sq"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("beta1", Beta1), ("beta2", Beta2), ("eps", Eps), ("weight_decay", WeightDecay)];

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        int t = state.Step;
        double c1 = 1 - Math.Pow(Beta1, t), c2 = 1 - Math.Pow(Beta2, t);
        double rhoInf = 2 / (1 - Beta2) - 1;
        double rhoT = rhoInf - 2 * t * Math.Pow(Beta2, t) / c2;
        bool rectified = rhoT > 5.0;
        double rect = rectified ? Math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        T b1 = N<T>(Beta1), r1 = N<T>(1 - Beta1), b2 = N<T>(Beta2), r2 = N<T>(1 - Beta2), eps = N<T>(Eps), wd = N<T>(WeightDecay);
        T cc1 = N<T>(c1), sqrtC2 = N<T>(Math.Sqrt(c2)), rate = N<T>(lr), r = N<T>(rect);
        bool useDecay = WeightDecay != 0;
        var m = state.Slot(0, offset, p.Length);
        var v = state.Slot(1, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = useDecay ? g[i] + wd * p[i] : g[i];
            m[i] = m[i] * b1 + r1 * d;
            v[i] = v[i] * b2 + r2 * (d * d);
            T mHat = m[i] / cc1;
            if (rectified)
            {
                T adaptive = sqrtC2 / (T.Sqrt(v[i]) + eps);
                p[i] -= mHat * rate * adaptive * r;
            }
            else
            {
                p[i] -= mHat * rate;
            }
        }
    }
}
