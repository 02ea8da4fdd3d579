using System.Numerics;

namespace Sim.Core.Optimizers;

/// <summary>
/// What an optimizer carries from one step to the next for a vector of parameters: the step
/// count and one array per slot (first moment, accumulator, step size, ...), each as long as
/// the parameter vector. Kept apart from the <see cref="Optimizer"/>'s hyperparameters so those
/// can change while a run goes on without resetting this.
/// </summary>
public sealed class OptimizerState<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public OptimizerState(int length, int slotCount)
    {
        Length = length;
        Slots = new T[slotCount][];
        for (int i = 0; i < slotCount; i++) Slots[i] = new T[length];
    }

    /// <summary>Number of parameters.</summary>
    public int Length { get; }

    /// <summary>t of the step under way (1 for the first); 0 before any step.</summary>
    public int Step { get; internal set; }

    /// <summary>A running scalar an optimizer may keep across steps (NAdam's product of μ).</summary>
    public double Product { get; internal set; } = 1;

    /// <summary>Per-parameter arrays, in the order the optimizer names them.</summary>
    public T[][] Slots { get; }

    public Span<T> Slot(int slot, int offset, int length) => Slots[slot].AsSpan(offset, length);

    /// <summary>
    /// A state sharing these slot arrays with its own step count and running scalar, so a range
    /// of parameters can be stepped ahead of the rest (a swarm's temporal blocking).
    /// </summary>
    /// <summary>A deep copy, to try a step without taking it (the step explainer).</summary>
    public OptimizerState<T> Clone()
    {
        var copy = new OptimizerState<T>(Length, Slots.Length) { Step = Step, Product = Product };
        for (int i = 0; i < Slots.Length; i++) Slots[i].CopyTo(copy.Slots[i], 0);
        return copy;
    }

    internal OptimizerState<T> ShareSlots() => new(Slots) { Step = Step, Product = Product };

    internal void CopyScalarsFrom(OptimizerState<T> other) => (Step, Product) = (other.Step, other.Product);

    private OptimizerState(T[][] slots) => (Slots, Length) = (slots, slots.Length > 0 ? slots[0].Length : 0);
}
