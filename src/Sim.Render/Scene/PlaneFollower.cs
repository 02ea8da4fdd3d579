using Sim.Core.Networks;
using Sim.Core.Planes;
using Sim.Core.Simulation;

namespace Sim.Render.Scene;

/// <summary>
/// Keeps a network scene's surface current without stalling the frame: when the world's
/// <see cref="World.PlaneChoice"/> differs from the plane shown, after a reset, or every
/// <see cref="FollowEverySteps"/> steps as the balls move, it captures the world (a copy of the
/// weights into reused arrays, on the frame's thread), samples the new slice on its own background
/// thread with objectives of its own, and shows it in the world (<see cref="World.Show"/>) on a later
/// frame once it is done; the window draws the old surface meanwhile. One recomputation at a time; a
/// 2-D landscape needs none. The frame's thread allocates nothing for it after the first.
/// </summary>
public sealed class PlaneFollower : IDisposable
{
    /// <summary>World steps after which the plane and its domain are fitted again to where the balls are.</summary>
    public const int FollowEverySteps = 50;

    private readonly NetworkObjective[] _workers = new NetworkObjective[Math.Clamp(Environment.ProcessorCount - 1, 1, 4)];
    private readonly SliceJob _job = new();
    private readonly AutoResetEvent _start = new(false), _done = new(false);
    private Thread? _thread;
    private World? _jobWorld;
    private NetworkObjective? _workersFor;
    private SampledSlice? _result;
    private Exception? _error;
    private bool _running, _stopping;

    /// <summary>Recomputations started so far (for checks and the bench).</summary>
    public int Started { get; private set; }

    /// <summary>Whether a recomputation is under way.</summary>
    public bool Busy => _running;

    /// <summary>What went wrong in the last recomputation, or null: the old surface stays.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows a finished slice and starts the next one when the shown plane is stale; call once per frame before drawing.</summary>
    public void Update(World world)
    {
        if (world.Objective is not NetworkObjective objective) return;
        if (_running && _done.WaitOne(0)) Finish(world);
        if (_running || !IsStale(world)) return;
        _job.CaptureFrom(world, world.PlaneChoice);
        Prepare(objective);
        _jobWorld = world;
        _running = true;
        Started++;
        _start.Set();
    }

    /// <summary>Waits for the recomputation under way, if any, and shows it: for pictures that must show the latest plane.</summary>
    public void Complete(World world)
    {
        if (!_running) return;
        _done.WaitOne();
        Finish(world);
    }

    /// <summary>The shown slice is of another plane, from before a reset, or from too many steps ago.</summary>
    public static bool IsStale(World world) => world.Slice is not { } shown
        || shown.Plane.Choice != world.PlaneChoice || world.Step < shown.Step || world.Step - shown.Step >= FollowEverySteps;

    private void Finish(World world)
    {
        _running = false;
        if (!ReferenceEquals(_jobWorld, world)) return; // another scene is shown now
        if (_error is { } e)
        {
            Problem = $"the surface could not be recomputed: {e.Message}";
            _error = null;
            return;
        }
        Problem = null;
        world.Show(_result!);
        _result = null;
    }

    /// <summary>Objectives on the world's network and data for the background work, made once per network, and the thread, once.</summary>
    private void Prepare(NetworkObjective objective)
    {
        if (!ReferenceEquals(_workersFor, objective))
        {
            for (int i = 0; i < _workers.Length; i++) _workers[i] = new NetworkObjective(objective.Shape, objective.Data);
            _workersFor = objective;
        }
        if (_thread is not null) return;
        _thread = new Thread(Loop) { IsBackground = true, Name = "plane-follower" };
        _thread.Start();
    }

    private void Loop()
    {
        while (true)
        {
            _start.WaitOne();
            if (_stopping) return;
            try
            {
                _result = _job.Compute(_workers);
            }
            catch (Exception e)
            {
                _error = e;
            }
            _done.Set();
        }
    }

    public void Dispose()
    {
        if (_running) _done.WaitOne();
        _stopping = true;
        _start.Set();
        _thread?.Join();
        _start.Dispose();
        _done.Dispose();
    }
}
