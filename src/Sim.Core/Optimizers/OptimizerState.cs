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
}
