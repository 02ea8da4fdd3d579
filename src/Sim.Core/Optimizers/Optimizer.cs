using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// An update rule, as in Optax a pair: <see cref="Init{T}"/> makes the state for a parameter
/// vector, and an update moves the parameters given their gradient. The rule of each optimizer
/// is written once, in its class's doc comment. Every rule here works coordinate by coordinate,
/// so one implementation serves a single ball (two coordinates) and a swarm of a million
/// (stepped chunk by chunk, <see cref="BeginStep{T}"/> once then <see cref="Update{T}"/> per chunk).
/// Hyperparameters are plain settable properties: changing one mid-run keeps the state.
/// </summary>
public abstract class Optimizer
{
    /// <summary>Catalogue name, e.g. "adam".</summary>
    public abstract string Name { get; }

    /// <summary>Base learning rate lr₀; a schedule scales it per epoch.</summary>
    public double LearningRate { get; set; }

    /// <summary>Names of the per-parameter state arrays, in slot order (for read-outs).</summary>
    public abstract IReadOnlyList<string> SlotNames { get; }

    public OptimizerState<T> Init<T>(int length) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var state = new OptimizerState<T>(length, SlotNames.Count);
        InitSlots(state);
        return state;
    }

    /// <summary>Starts step t + 1: once per step, before the updates of its chunks.</summary>
    public virtual void BeginStep<T>(OptimizerState<T> state) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        state.Step++;

    /// <summary>
    /// Updates <paramref name="p"/> in place from gradient <paramref name="g"/> with this step's
    /// learning rate <paramref name="lr"/>; <paramref name="offset"/> is the index of p[0] in the
    /// state's slots. The gradient is only read.
    /// </summary>
    public abstract void Update<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, int offset, double lr)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    /// <summary>One whole step of every parameter.</summary>
    public void Step<T>(OptimizerState<T> state, Span<T> p, ReadOnlySpan<T> g, double lr)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        BeginStep(state);
        Update(state, p, g, 0, lr);
    }

    /// <summary>
    /// What is wrong with the hyperparameters taken together (each alone is checked as it is read),
    /// e.g. "gain_min=5 is above gain_max=1"; null when they make a valid rule. The catalogue asks
    /// this of every optimizer it builds, so the command line, scenario files and the parameter
    /// panel refuse the same sets with the same words.
    /// </summary>
    public virtual string? Problem => null;

    /// <summary>"low=A is above high=B; expected low &lt;= high", or null when <paramref name="low"/> ≤ <paramref name="high"/>.</summary>
    protected static string? Ordered(string lowName, double low, string highName, double high) =>
        low <= high ? null : $"{new Hyperparameter(lowName, low)} is above {new Hyperparameter(highName, high)}; expected {lowName} <= {highName}";

    /// <summary>The hyperparameters and their values, for the HUD and the parameter panel.</summary>
    public abstract IEnumerable<Hyperparameter> Hyperparameters { get; }

    /// <summary>
    /// The scalars step <paramref name="t"/> applies besides lr, by name (bias corrections), for
    /// the step explainer; none for most rules.
    /// </summary>
    public virtual IEnumerable<(string Name, double Value)> StepFactors(int t) => [];

    protected virtual void InitSlots<T>(OptimizerState<T> state) where T : unmanaged, IBinaryFloatingPointIeee754<T> { }

    protected static T N<T>(double value) where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.CreateTruncating(value);
}
