using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// Adagrad (torch.optim.Adagrad): divide by the root of the sum of all past squared gradients,
/// so each coordinate's step shrinks with the total it has seen.
/// <code>
/// g ← g + weight_decay·p
/// lr̃ = lr/(1 + (t − 1)·lr_decay)
/// s ← s + g²                          (s starts at initial_accumulator_value)
/// p ← p − lr̃·g/(√s + eps)
/// </code>
/// </summary>
public sealed class Adagrad : Optimizer
{
    public override string Name => "adagrad";
    public double LrDecay { get; set; }
    public double Eps { get; set; } = 1e-10;
    public double WeightDecay { get; set; }
    public double InitialAccumulatorValue { get; set; }

    public Adagrad(double lr = 0.01) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["sum"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("lr_decay", LrDecay), ("eps", Eps), ("weight_decay", WeightDecay), ("initial_accumulator_value", InitialAccumulatorValue)];

    protected override void InitSlots<T>(OptimizerState<T> state) => state.Slots[0].AsSpan().Fill(N<T>(InitialAccumulatorValue));

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        T clr = N<T>(lr / (1 + (state.Step - 1) * LrDecay)), eps = N<T>(Eps), wd = N<T>(WeightDecay);
        bool useDecay = WeightDecay != 0;
        var s = state.Slot(0, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = useDecay ? g[i] + wd * p[i] : g[i];
            s[i] += d * d;
            p[i] -= clr * (d / (T.Sqrt(s[i]) + eps));
        }
    }
}
