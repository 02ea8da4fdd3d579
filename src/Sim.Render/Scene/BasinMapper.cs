using System.Globalization;
using Sim.Core;
using Sim.Core.Basins;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim.Render.Scene;

/// <summary>
/// A finished basin map with its texels (<see cref="BasinPicture.Texels"/>) and the line that says what it
/// shows; a <paramref name="Preview"/> is the same map on a coarser grid, shown while the full one is computed.
/// </summary>
public sealed record BasinImage(BasinMapper.MapKey Key, BasinMap? Map, byte[] Texels, string Caption, bool Preview = false);

/// <summary>
/// The basin map of one ball of a world, computed off the render thread: <see cref="Request"/> (each
/// frame, from the render thread) notices when what the map depends on changed (the landscape, the
/// ball's optimizer, learning rate or bias correction, the schedule and its epoch length, which ball)
/// and starts a new map on a copy of the optimizer, cancelling the one under way; the last finished
/// maps are kept, so toggling between two balls swaps at once. A preview on a grid a quarter as fine
/// (a sixteenth of the work) comes first, so something is on the surface at once on a busy machine.
/// The map is <see cref="BasinMap"/>'s, stepped exactly as <c>sim basins</c> steps it.
/// </summary>
public sealed class BasinMapper : IDisposable
{
    /// <summary>Starts along each side and steps of the window's map (a quarter of a second on two cores).</summary>
    public const int DefaultGrid = 256, DefaultSteps = 500;

    private const int Kept = 4;

    /// <summary>The preview's grid is this many times coarser along each side.</summary>
    public const int PreviewCoarsening = 4;

    private readonly int _grid, _steps, _threads;
    private readonly List<BasinImage> _recent = new(Kept);
    private MapKey? _wanted;
    private CancellationTokenSource? _cancel;
    private Task? _running, _warming;
    private BasinImage? _finished; // written by the worker, taken by the render thread

    public BasinMapper(int grid = DefaultGrid, int steps = DefaultSteps, int threads = 0)
    {
        _grid = grid;
        _steps = steps;
        _threads = threads > 0 ? threads : Environment.ProcessorCount;
    }

    /// <summary>What a map depends on; equal keys make equal maps.</summary>
    public readonly record struct MapKey(Landscape Landscape, Optimizer Optimizer, double LearningRate, int BiasCorrection,
        Schedule Schedule, int StepsPerEpoch, int Ball);

    /// <summary>The map on show: the wanted one once it is done, until then the previous one (or null).</summary>
    public BasinImage? Current { get; private set; }

    /// <summary>Whether the wanted map is still being computed (its preview may be on show).</summary>
    public bool Computing => _wanted is { } w && (Current?.Key != w || Current.Preview);

    /// <summary>Whether what is on show is the wanted map or its preview.</summary>
    public bool ShowsWanted => _wanted is { } w && Current?.Key == w;

    /// <summary>Counts the maps that came into view, so a cached picture drawn with an older one knows it is stale.</summary>
    public int Version { get; private set; }

    /// <summary>Maps started so far (cancelled ones too).</summary>
    public int Started { get; private set; }

    /// <summary>The map of ball <paramref name="ball"/> of <paramref name="world"/>: shown if done, else started (allocation-free when nothing changed).</summary>
    public void Request(World world, int ball)
    {
        if (ball < 0 || ball >= world.Balls.Count)
        {
            TakeFinished();
            return;
        }
        var key = KeyOf(world, ball);
        if (_wanted != key)
        {
            _wanted = key; // first, so that what finished for an older key is kept but not shown
            Cancel();
            TakeFinished();
            if (Find(key) is { } kept) Show(kept);
            else Start(key, world.Balls[ball].Label);
        }
        TakeFinished();
    }

    /// <summary>
    /// Readies the JIT for the maps of <paramref name="world"/>'s optimizers in the background
    /// (<see cref="BasinMap.WarmUp"/>), so the first map asked for appears as fast as the later ones.
    /// </summary>
    public void WarmUp(World world)
    {
        if (world.Objective is not Landscape landscape) return;
        var optimizers = world.Balls.Select(b => b.Optimizer).DistinctBy(o => o.GetType()).Select(OptimizerCatalog.Copy).ToArray();
        var schedule = world.Schedule;
        int grid = _grid, steps = _steps, threads = _threads;
        _warming = Task.Run(() =>
        {
            foreach (var optimizer in optimizers) BasinMap.WarmUp(landscape, optimizer, schedule, grid, steps, landscape.Domain, threads);
        });
    }

    /// <summary>Waits for the map under way (headless pictures, tests) and shows it.</summary>
    public void Wait()
    {
        try { _running?.Wait(); }
        catch (AggregateException) { } // cancelled: a newer map is wanted
        TakeFinished();
    }

    /// <summary>Stops computing and forgets what was wanted (the layer was switched off).</summary>
    public void Stop()
    {
        Cancel();
        _wanted = null;
    }

    public static MapKey KeyOf(World world, int ball)
    {
        var optimizer = world.Balls[ball].Optimizer;
        int bias = optimizer is IBiasCorrected corrected ? (corrected.BiasCorrection ? 1 : 0) : -1;
        return new MapKey(world.Landscape, optimizer, optimizer.LearningRate, bias, world.Schedule, world.StepsPerEpoch, ball);
    }

    private void Start(MapKey key, string label)
    {
        var optimizer = OptimizerCatalog.Copy(key.Optimizer); // the ball's own keeps stepping on this thread
        var cancel = _cancel = new CancellationTokenSource();
        int grid = _grid, steps = _steps, threads = _threads;
        Started++;
        _running = Task.Run(() =>
        {
            if (grid >= 4 * PreviewCoarsening && Compute(key, optimizer, label, grid / PreviewCoarsening, steps, threads, cancel.Token, preview: true) is { } coarse)
                Volatile.Write(ref _finished, coarse);
            if (Compute(key, optimizer, label, grid, steps, threads, cancel.Token, preview: false) is { } image) Volatile.Write(ref _finished, image);
        });
    }

    private static BasinImage? Compute(MapKey key, Optimizer optimizer, string label, int grid, int steps, int threads, CancellationToken cancel, bool preview)
    {
        try
        {
            var map = BasinMap.Compute(key.Landscape, optimizer, key.Schedule, grid, steps, key.Landscape.Domain, threads, key.StepsPerEpoch, cancel);
            return new BasinImage(key, map, BasinPicture.Texels(map), (preview ? "preview: " : "") + Caption(map, optimizer, label), preview);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception e) when (e is InputError or ArithmeticException or InvalidOperationException or ArgumentException)
        {
            return new BasinImage(key, null, [], $"basin map of {label} failed: {e.Message}");
        }
    }

    /// <summary>"basin map of adam (lr=0.1, bias correction on): 256×256 starts, 500 steps in 0.31 s: 98% converged, 2% running".</summary>
    public static string Caption(BasinMap map, Optimizer optimizer, string label)
    {
        double n = map.Cells.Count;
        string bias = optimizer is IBiasCorrected c ? (c.BiasCorrection ? ", bias correction on" : ", bias correction off") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"basin map of {label} (lr {optimizer.LearningRate:G3}{bias}): {map.Grid}×{map.Grid} starts, {map.Steps} steps in {map.Seconds:F2} s: " +
            $"{100 * map.CountOf(BallStatus.Converged) / n:F0}% converged, {100 * map.CountOf(BallStatus.Running) / n:F0}% running, " +
            $"{100 * map.CountOf(BallStatus.Diverged) / n:F0}% diverged");
    }

    private void TakeFinished()
    {
        if (Interlocked.Exchange(ref _finished, null) is not { } image) return;
        if (image.Preview)
        {
            if (image.Key == _wanted) Show(image);
            return;
        }
        if (Find(image.Key) is null)
        {
            if (_recent.Count == Kept) _recent.RemoveAt(0);
            _recent.Add(image);
        }
        if (image.Key == _wanted) Show(image);
    }

    private void Show(BasinImage image)
    {
        Current = image;
        Version++;
    }

    private BasinImage? Find(MapKey key)
    {
        for (int i = 0; i < _recent.Count; i++)
            if (_recent[i].Key == key) return _recent[i];
        return null;
    }

    private void Cancel()
    {
        _cancel?.Cancel();
        _cancel = null;
    }

    public void Dispose()
    {
        Cancel();
        Wait();
        _warming?.Wait();
    }
}
