using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// A separate adaptive learning rate for each connection (Hinton 6d): each coordinate has a gain
/// that grows additively while its gradient keeps its sign and shrinks multiplicatively when the
/// sign flips, so oscillating coordinates slow down fast and steady ones speed up slowly.
/// <code>
/// per coordinate, gain starting at 1, g_prev and Δ at 0:
/// if g·g_prev > 0: gain ← gain + gain_up  else: gain ← gain·gain_down
/// gain ← clamp(gain, gain_min, gain_max)
/// Δ ← momentum·Δ − lr·gain·g
/// p ← p + Δ;  g_prev ← g
/// </code>
/// </summary>
public sealed class Gains : Optimizer
{
    public override string Name => "gains";
    public double GainUp { get; set; } = 0.05;
    public double GainDown { get; set; } = 0.95;
    public double GainMin { get; set; } = 0.1;
    public double GainMax { get; set; } = 10;
    public double Momentum { get; set; }

    public Gains(double lr = 0.01) => LearningRate = lr;

    public override IReadOnlyList<string> SlotNames { get; } = ["gain", "prev", "delta"];

    public override IEnumerable<Hyperparameter> Hyperparameters =>
        [("lr", LearningRate), ("gain_up", GainUp), ("gain_down", GainDown), ("gain_min", GainMin), ("gain_max", GainMax), ("momentum", Momentum)];

    /// <summary>Clamping to [gain_min, gain_max] needs gain_min ≤ gain_max.</summary>
    public override string? Problem => Ordered("gain_min", GainMin, "gain_max", GainMax);

    protected override void InitSlots<T>(OptimizerState<T> state) => state.Slots[0].AsSpan().Fill(T.One);

    public override void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
    {
        T up = N<T>(GainUp), down = N<T>(GainDown), min = N<T>(GainMin), max = N<T>(GainMax), mu = N<T>(Momentum), rate = N<T>(lr);
        var gain = state.Slot(0, offset, p.Length);
        var prev = state.Slot(1, offset, p.Length);
        var delta = state.Slot(2, offset, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            gain[i] = g[i] * prev[i] > T.Zero ? gain[i] + up : gain[i] * down;
            gain[i] = T.Clamp(gain[i], min, max);
            delta[i] = mu * delta[i] - rate * gain[i] * g[i];
            p[i] += delta[i];
            prev[i] = g[i];
        }
    }
}
