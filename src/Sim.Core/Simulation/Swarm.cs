using System.Numerics;
using System.Runtime.InteropServices;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;

namespace Sim.Core.Simulation;

/// <summary>
/// Many points stepped with one optimizer on full-batch gradients, laid out planar in one array
/// (all x, then all y) so that gradients and updates run over contiguous coordinates. A step
/// goes chunk by chunk: the chunk's gradient lands in a small buffer that stays in cache and is
/// consumed at once by the update, so memory traffic is the positions and the optimizer state.
/// Allocation-free per step; split across threads by contiguous ranges of points.
/// <para>
/// Points are independent and a full-batch gradient depends only on a point's own position, so
/// <see cref="Advance"/> may take a chunk through all its steps while it sits in cache before
/// moving to the next chunk (temporal blocking): the same result as stepping every point once
/// per step, without streaming the state through memory at every step.
/// </para>
/// </summary>
public sealed class Swarm<T> : IDisposable where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Points per chunk: two gradient buffers of this many coordinates fit in L1/L2.</summary>
    private const int Chunk = 1024;

    private readonly T[] coordinates;
    private readonly WorkerThreads? workers;
    private readonly Action<int, int, int> advanceRange;
    private readonly OptimizerState<T>[] chunkStates;
    private double learningRate;
    private int advanceSteps;
    private Func<int, double>? learningRateAt;
    private ISwarmObserver<T>? observer;

    public Swarm(Landscape landscape, Optimizer optimizer, ReadOnlySpan<Point2> starts, int threads = 1)
    {
        Landscape = landscape;
        Optimizer = optimizer;
        Count = starts.Length;
        coordinates = new T[2 * Count];
        for (int i = 0; i < Count; i++)
        {
            coordinates[i] = T.CreateTruncating(starts[i].X);
            coordinates[Count + i] = T.CreateTruncating(starts[i].Y);
        }
        State = optimizer.Init<T>(2 * Count);
        workers = threads > 1 ? new WorkerThreads(threads) : null;
        advanceRange = AdvanceRange;
        chunkStates = new OptimizerState<T>[Math.Max(threads, 1)];
        for (int i = 0; i < chunkStates.Length; i++) chunkStates[i] = State.ShareSlots();
    }

    public Landscape Landscape { get; }
    public Optimizer Optimizer { get; }
    public OptimizerState<T> State { get; }
    public int Count { get; }

    /// <summary>Steps taken since the swarm was made.</summary>
    public int StepsTaken { get; private set; }

    public ReadOnlySpan<T> X => coordinates.AsSpan(0, Count);
    public ReadOnlySpan<T> Y => coordinates.AsSpan(Count, Count);

    /// <summary>One optimizer step of every point at learning rate <paramref name="lr"/>.</summary>
    public void Step(double lr) => Advance(1, lr);

    /// <summary>
    /// <paramref name="steps"/> optimizer steps of every point at learning rate <paramref name="lr"/>,
    /// chunk by chunk (see the class comment); equal to as many calls of <see cref="Step"/>.
    /// </summary>
    public void Advance(int steps, double lr) => Advance(steps, lr, null, null);

    /// <summary>
    /// <paramref name="steps"/> steps, step t (counted from 0 since the swarm was made) at learning
    /// rate <paramref name="learningRateAt"/>(t), as a ball under a schedule; <paramref name="observer"/>
    /// sees every chunk after each of its steps. Same order of work as <see cref="Advance(int, double)"/>.
    /// </summary>
    public void Advance(int steps, Func<int, double> learningRateAt, ISwarmObserver<T>? observer) =>
        Advance(steps, 0, learningRateAt, observer);

    private void Advance(int steps, double lr, Func<int, double>? rateAt, ISwarmObserver<T>? stepObserver)
    {
        learningRate = lr;
        advanceSteps = steps;
        learningRateAt = rateAt;
        observer = stepObserver;
        if (workers is null) AdvanceRange(0, 0, Count);
        else workers.Run(Count, advanceRange);
        for (int s = 0; s < steps; s++) Optimizer.BeginStep(State);
        StepsTaken += steps;
    }

    private void AdvanceRange(int worker, int from, int to)
    {
        var chunkState = chunkStates[worker];
        Span<T> gx = stackalloc T[Chunk];
        Span<T> gy = stackalloc T[Chunk];
        for (int i = from; i < to; i += Chunk)
        {
            int n = Math.Min(Chunk, to - i);
            var x = coordinates.AsSpan(i, n);
            var y = coordinates.AsSpan(Count + i, n);
            chunkState.CopyScalarsFrom(State);
            for (int s = 0; s < advanceSteps; s++)
            {
                double lr = learningRateAt is null ? learningRate : learningRateAt(StepsTaken + s);
                Optimizer.BeginStep(chunkState);
                Gradients(x, y, gx[..n], gy[..n]);
                Optimizer.Update(chunkState, x, gx[..n], i, lr);
                Optimizer.Update(chunkState, y, gy[..n], Count + i, lr);
                observer?.AfterStep(StepsTaken + s + 1, i, x, y);
            }
        }
    }

    private void Gradients(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> gx, Span<T> gy)
    {
        if (typeof(T) == typeof(double))
            Landscape.Gradients(Cast<double>(x), Cast<double>(y), CastMut<double>(gx), CastMut<double>(gy));
        else if (typeof(T) == typeof(float))
            Landscape.Gradients(Cast<float>(x), Cast<float>(y), CastMut<float>(gx), CastMut<float>(gy));
        else
            throw new NotSupportedException($"swarms step float or double, not {typeof(T).Name}");
    }

    private static ReadOnlySpan<TTo> Cast<TTo>(ReadOnlySpan<T> s) where TTo : struct => MemoryMarshal.Cast<T, TTo>(s);
    private static Span<TTo> CastMut<TTo>(Span<T> s) where TTo : struct => MemoryMarshal.Cast<T, TTo>(s);

    public void Dispose() => workers?.Dispose();
}

/// <summary>Watches a swarm's points step by step (arrival at a minimum, for basin maps).</summary>
public interface ISwarmObserver<T> where T : unmanaged
{
    /// <summary>
    /// The points <paramref name="first"/> … <paramref name="first"/> + x.Length − 1 after step
    /// <paramref name="step"/> (from 1). Called from the swarm's worker threads for disjoint ranges of points.
    /// </summary>
    void AfterStep(int step, int first, ReadOnlySpan<T> x, ReadOnlySpan<T> y);
}
