using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// Rprop (Hinton 6e; torch.optim.Rprop): use only the sign of the gradient, with a step size per
/// coordinate that grows while the sign holds and shrinks when it flips. Meant for full batches:
/// with mini-batches the signs of noisy gradients make the step sizes wander.
/// <code>
/// per coordinate, step starting at lr, g_prev at 0:
/// s = g·g_prev
/// if s > 0: step ← step·eta_plus;  if s &lt; 0: step ← step·eta_minus and g ← 0
/// step ← clamp(step, step_min, step_max)
/// p ← p − sign(g)·step;  g_prev ← g
/// </code>
/// </summary>
public sealed class Rprop : Optimizer
{
    public override string Name => "rprop";
    public double EtaMinus { get; set; } = 0.5;
    public double EtaPlus { get; set; } = 1.2;
    public double StepMin { get; set; } = 1e-6;
    public double StepMax { get; set; } = 50;

    /// <param name="lr">The initial step size of every coordinate; later learning rates are not used.</param>
    public Rprop(double lr = 0.01) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["prev", "step_size"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("eta_minus", EtaMinus), ("eta_plus", EtaPlus), ("step_min", StepMin), ("step_max", StepMax)];

    /// <summary>Clamping to [step_min, step_max] needs step_min ≤ step_max.</summary>
    public override string? Problem => Ordered("step_min", StepMin, "step_max", StepMax);

    protected override void InitSlots<T>(OptimizerState<T> state) => state.Slots[1].AsSpan().Fill(N<T>(LearningRate));

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        T up = N<T>(EtaPlus), down = N<T>(EtaMinus), min = N<T>(StepMin), max = N<T>(StepMax);
        var prev = state.Slot(0, offset, p.Length);
        var step = state.Slot(1, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            T d = g[i];
            T s = d * prev[i];
            if (s > T.Zero) step[i] *= up;
            else if (s < T.Zero)
            {
                step[i] *= down;
                d = T.Zero;
            }
            step[i] = T.Clamp(step[i], min, max);
            p[i] -= Sign(d) * step[i];
            prev[i] = d;
        }
    }

    /// <summary>sign(d), keeping NaN as NaN (T.Sign throws on NaN) so divergence stays visible.</summary>
    private static T Sign<T>(T d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        d > T.Zero ? T.One : d < T.Zero ? -T.One : d;
}
