using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional heavy-ball or Nesterov momentum (torch.optim.SGD).
/// <code>
/// g ← g + weight_decay·p
/// if momentum ≠ 0:
///     b ← g                                 (t = 1: the buffer starts AT g)
///     b ← momentum·b + (1 − dampening)·g    (t > 1)
///     g ← g + momentum·b  if nesterov  else  g ← b
/// p ← p − lr·g
/// </code>
/// Hinton's momentum (6c: v ← α·v − ε·g, w ← w + v) is this with momentum = α, dampening = 0.
/// </summary>
public sealed class Sgd : Optimizer
{
    public override string Name => "sgd";
    public double Momentum { get; set; }
    public double Dampening { get; set; }
    public double WeightDecay { get; set; }
    public bool Nesterov { get; set; }

    public Sgd(double lr = 0.01) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["momentum_buffer"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("momentum", Momentum), ("dampening", Dampening), ("weight_decay", WeightDecay), Hyperparameter.Switch("nesterov", Nesterov)];

    /// <summary>Nesterov's look-ahead needs a momentum to look along and no dampening (torch's rule).</summary>
    public override string? Problem => Nesterov && (Momentum <= 0 || Dampening != 0)
        ? $"nesterov=true needs momentum > 0 and dampening=0, not {new Hyperparameter("momentum", Momentum)} and {new Hyperparameter("dampening", Dampening)}"
        : null;

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        T rate = N<T>(lr), mu = N<T>(Momentum), keep = N<T>(1 - Dampening), wd = N<T>(WeightDecay);
        bool first = state.Step == 1, useMomentum = Momentum != 0, useDecay = WeightDecay != 0;
        var b = state.Slot(0, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = useDecay ? g[i] + wd * p[i] : g[i];
            if (useMomentum)
            {
                b[i] = first ? d : mu * b[i] + keep * d;
                d = Nesterov ? d + mu * b[i] : b[i];
            }
            p[i] -= rate * d;
        }
    }
}
