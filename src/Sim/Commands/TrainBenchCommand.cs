using System.Diagnostics;
using System.Globalization;
using Sim.Core;
using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim.Commands;

/// <summary>
/// <c>sim bench-train</c>: how fast networks run, on the C2W2 lab's problem (300 moons, [2, 5, 2, 1]
/// relu, He initialisation from seed 1; or the lab's own data and weights with <c>--data FILE.csv
/// --init FILE.json</c>, as tools/train_bench.sh gives them). (1) <c>sim train</c>'s loop on the lab's Adam run (lr 0.0007, batches
/// of 64, the CSV formatted as <c>sim train</c> writes it, to a null writer): microseconds per
/// epoch. (2) The full-batch loss at N × N points of a plane through parameter space,
/// L(c + a·d₁ + b·d₂) for a, b on a grid over [−1, 1], on T threads (one network's buffers each):
/// milliseconds per grid. Each is the best of R runs, in wall-clock time and in the CPU time the
/// process used (all threads), which a busy machine inflates far less. Prints
/// <c>train_us_per_epoch</c>, <c>train_cpu_us_per_epoch</c>, <c>grid_cpu_ms</c> and, last, <c>grid_ms</c>.
/// </summary>
public static class TrainBenchCommand
{
    private static readonly NetworkArchitecture Shape = new([2, 5, 2, 1], Activation.Relu);

    public static int Run(string[] args)
    {
        var a = new Arguments("bench-train", args, ["--epochs", "--grid", "--threads", "--repeats", "--data", "--init"], []);
        int epochs = a.Int("--epochs", 5000, 1, 10_000_000);
        int grid = a.Int("--grid", 128, 1, 4096);
        int threads = a.Int("--threads", Environment.ProcessorCount, 1, 256);
        int repeats = a.Int("--repeats", 5, 1, 1000);
        var data = new DataSource(a.Value("--data") ?? "moons").Load();
        // Seed 1 trains (at seed 3 every ReLU unit of the built-in moons' network dies, and the
        // moments of dead weights decay into slow denormal numbers): a live network, as the lab's.
        var initial = a.Value("--init") is { } init ? NetworkWeights.Load(init, Shape) : NetworkWeights.HeInitialized(Shape, 1);
        var c = CultureInfo.InvariantCulture;

        var (wall, cpu) = TrainMicroseconds(data, initial, epochs, repeats);
        Console.WriteLine(string.Create(c, $"train: {data.Count} examples of {a.Value("--data") ?? "moons"}, {Shape}, adam lr 0.0007, batch 64, {epochs} epochs, best of {repeats}"));
        Console.WriteLine(string.Create(c, $"train_us_per_epoch: {wall:F2}"));
        Console.WriteLine(string.Create(c, $"train_cpu_us_per_epoch: {cpu:F2}"));
        var (gridWall, gridCpu) = GridMilliseconds(data, initial, grid, threads, repeats);
        Console.WriteLine(string.Create(c, $"grid: full-batch loss at {grid}x{grid} points, {threads} threads, best of {repeats}"));
        Console.WriteLine(string.Create(c, $"grid_cpu_ms: {gridCpu:F2}"));
        Console.WriteLine(string.Create(c, $"grid_ms: {gridWall:F2}"));
        return 0;
    }

    /// <summary>Best wall-clock and best CPU time of <paramref name="repeats"/> runs of <paramref name="body"/>, in milliseconds.</summary>
    private static (double Wall, double Cpu) Best(int repeats, Action body)
    {
        double wall = double.PositiveInfinity, cpu = double.PositiveInfinity;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            body();
            wall = Math.Min(wall, clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        return (wall, cpu);
    }

    private static (double Wall, double Cpu) TrainMicroseconds(DataSet data, double[] initial, int epochs, int repeats)
    {
        NetworkTraining Fresh() => new(new NetworkObjective(Shape, data), new Adam(0.0007), initial, new ConstantSchedule(), 64, 1);
        TrainCommand.Write(Fresh(), Math.Min(epochs, 500), withTest: false, TextWriter.Null); // warm-up: let the JIT settle
        var (wall, cpu) = Best(repeats, () => TrainCommand.Write(Fresh(), epochs, withTest: false, TextWriter.Null));
        return (wall * 1000 / epochs, cpu * 1000 / epochs);
    }

    private static (double Wall, double Cpu) GridMilliseconds(DataSet data, double[] centre, int n, int threads, int repeats)
    {
        var random = new SplitMix64(4);
        var d1 = new double[centre.Length];
        var d2 = new double[centre.Length];
        for (int k = 0; k < centre.Length; k++) (d1[k], d2[k]) = (random.NextGaussian(), random.NextGaussian());
        var objectives = new NetworkObjective[threads];
        var points = new double[threads][];
        for (int t = 0; t < threads; t++) (objectives[t], points[t]) = (new NetworkObjective(Shape, data), new double[centre.Length]);
        var losses = new double[n * n];
        using var workers = new WorkerThreads(threads);
        void Sweep() => workers.Run(n * n, (worker, from, to) =>
        {
            var p = points[worker];
            for (int cell = from; cell < to; cell++)
            {
                double u = n == 1 ? 0 : -1 + 2.0 * (cell % n) / (n - 1), v = n == 1 ? 0 : -1 + 2.0 * (cell / n) / (n - 1);
                for (int k = 0; k < p.Length; k++) p[k] = centre[k] + u * d1[k] + v * d2[k];
                losses[cell] = objectives[worker].Value(p);
            }
        });
        Sweep();
        var best = Best(repeats, Sweep);
        if (losses.Any(l => !double.IsFinite(l))) throw new InvalidOperationException("a grid loss is not finite");
        return best;
    }
}
