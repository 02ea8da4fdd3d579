using Sim.Core.Networks;
using Sim.Core.Planes;
using Sim.Core.Simulation;

namespace Sim.Render.Scene;

/// <summary>
/// Keeps a network scene's surface current without stalling the frame: when the world's
/// <see cref="World.PlaneChoice"/> differs from the plane shown, after a reset, or every
/// <see cref="FollowEverySteps"/> steps as the balls move, it captures the world (a copy of the
/// weights, on the frame's thread), samples the new slice on a background thread with objectives of
/// its own, and shows it in the world (<see cref="World.Show"/>) on a later frame once it is done;
/// the window draws the old surface meanwhile. One recomputation at a time; a 2-D landscape needs none.
/// </summary>
public sealed class PlaneFollower : IDisposable
{
    /// <summary>World steps after which the plane and its domain are fitted again to where the balls are.</summary>
    public const int FollowEverySteps = 50;

    private readonly NetworkObjective?[] _workers = new NetworkObjective?[Math.Clamp(Environment.ProcessorCount - 1, 1, 4)];
    private Task<SampledSlice>? _job;
    private World? _jobWorld;
    private NetworkObjective? _workersFor;

    /// <summary>Recomputations started so far (for checks and the bench).</summary>
    public int Started { get; private set; }

    /// <summary>Whether a recomputation is under way.</summary>
    public bool Busy => _job is not null;

    /// <summary>What went wrong in the last recomputation, or null: the window shows it and keeps the old surface.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows a finished slice and starts the next one when the shown plane is stale; call once per frame before drawing.</summary>
    public void Update(World world)
    {
        if (world.Objective is not NetworkObjective objective) return;
        if (_job is { IsCompleted: true } done) Finish(done, world);
        if (_job is not null || !IsStale(world)) return;
        var job = SliceJob.Capture(world, world.PlaneChoice);
        var workers = Workers(objective);
        _jobWorld = world;
        _job = Task.Run(() => job.Compute(workers));
        Started++;
    }

    /// <summary>Waits for the recomputation under way, if any, and shows it: for pictures that must show the latest plane.</summary>
    public void Complete(World world)
    {
        if (_job is { } job)
        {
            ((IAsyncResult)job).AsyncWaitHandle.WaitOne();
            Finish(job, world);
        }
    }

    /// <summary>The shown slice is of another plane, from before a reset, or from too many steps ago.</summary>
    public static bool IsStale(World world) => world.Slice is not { } shown
        || shown.Plane.Choice != world.PlaneChoice || world.Step < shown.Step || world.Step - shown.Step >= FollowEverySteps;

    private void Finish(Task<SampledSlice> job, World world)
    {
        _job = null;
        if (!ReferenceEquals(_jobWorld, world)) return; // another scene is shown now
        if (job.IsFaulted)
        {
            Problem = $"the surface could not be recomputed: {job.Exception?.InnerException?.Message}";
            return;
        }
        Problem = null;
        world.Show(job.Result);
    }

    /// <summary>Objectives on the world's network and data for the background threads, made once per network.</summary>
    private NetworkObjective[] Workers(NetworkObjective objective)
    {
        if (!ReferenceEquals(_workersFor, objective))
        {
            for (int i = 0; i < _workers.Length; i++) _workers[i] = new NetworkObjective(objective.Shape, objective.Data);
            _workersFor = objective;
        }
        return _workers!;
    }

    public void Dispose() => _job?.Wait();
}
