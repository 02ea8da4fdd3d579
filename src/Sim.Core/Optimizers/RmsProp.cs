using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// RMSprop (Hinton 6e; torch.optim.RMSprop): divide the gradient by a running root mean square
/// of its recent magnitudes, so every coordinate takes steps of about the same size.
/// <code>
/// g ← g + weight_decay·p
/// v ← alpha·v + (1 − alpha)·g²
/// ṽ ← v;  if centered: a ← alpha·a + (1 − alpha)·g;  ṽ ← v − a²
/// if momentum > 0: b ← momentum·b + g/(√ṽ + eps);  p ← p − lr·b
/// else:            p ← p − lr·g/(√ṽ + eps)
/// </code>
/// Hinton's rmsprop is alpha = 0.9; Ng's RMSprop is the same rule with β₂ in place of alpha.
/// </summary>
public sealed class RmsProp : Optimizer
{
    public override string Name => "rmsprop";
    public double Alpha { get; set; } = 0.99;
    public double Eps { get; set; } = 1e-8;
    public double WeightDecay { get; set; }
    public double Momentum { get; set; }
    public bool Centered { get; set; }

    public RmsProp(double lr = 0.01) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["square_avg", "grad_avg", "momentum_buffer"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("alpha", Alpha), ("eps", Eps), ("weight_decay", WeightDecay), ("momentum", Momentum), Hyperparameter.Switch("centered", Centered)];

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        T rate = N<T>(lr), alpha = N<T>(Alpha), rest = N<T>(1 - Alpha), eps = N<T>(Eps), wd = N<T>(WeightDecay), mu = N<T>(Momentum);
        bool useDecay = WeightDecay != 0, useMomentum = Momentum > 0;
        var v = state.Slot(0, offset, p.Length);
        var a = state.Slot(1, offset, p.Length);
        var b = state.Slot(2, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = useDecay ? g[i] + wd * p[i] : g[i];
            v[i] = v[i] * alpha + rest * (d * d);
            T avg;
            if (Centered)
            {
                a[i] = a[i] * alpha + rest * d;
                avg = T.Sqrt(v[i] - a[i] * a[i]) + eps;
            }
            else
            {
                avg = T.Sqrt(v[i]) + eps;
            }
            if (useMomentum)
            {
                b[i] = b[i] * mu + d / avg;
                p[i] -= rate * b[i];
            }
            else
            {
                p[i] -= rate * (d / avg);
            }
        }
    }
}
