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
/// relu, He initialisation). (1) <c>sim train</c>'s loop on the lab's Adam run (lr 0.0007, batches
/// of 64, the CSV formatted as <c>sim train</c> writes it, to a null writer): microseconds per
/// epoch. (2) The full-batch loss at N × N points of a plane through parameter space,
/// L(c + a·d₁ + b·d₂) for a, b on a grid over [−1, 1], on T threads (one network's buffers each):
/// milliseconds per grid. Prints <c>train_us_per_epoch</c> and, last, <c>grid_ms</c>.
/// </summary>
public static class TrainBenchCommand
{
    private static readonly NetworkArchitecture Shape = new([2, 5, 2, 1], Activation.Relu);

    public static int Run(string[] args)
    {
        var a = new Arguments("bench-train", args, ["--epochs", "--grid", "--threads", "--repeats"], []);
        int epochs = a.Int("--epochs", 5000, 1, 10_000_000);
        int grid = a.Int("--grid", 128, 1, 4096);
        int threads = a.Int("--threads", Environment.ProcessorCount, 1, 256);
        int repeats = a.Int("--repeats", 5, 1, 1000);
        var data = DataSetCatalog.Create("moons", DataSource.DefaultExamples, DataSetCatalog.DefaultNoise("moons"), 1);
        var c = CultureInfo.InvariantCulture;

        double perEpoch = TrainMicroseconds(data, epochs, repeats);
        Console.WriteLine(string.Create(c, $"train: moons 300, {Shape}, adam lr 0.0007, batch 64, {epochs} epochs, best of {repeats}"));
        Console.WriteLine(string.Create(c, $"train_us_per_epoch: {perEpoch:F2}"));
        double gridMs = GridMilliseconds(data, grid, threads, repeats);
        Console.WriteLine(string.Create(c, $"grid: full-batch loss at {grid}x{grid} points, {threads} threads, best of {repeats}"));
        Console.WriteLine(string.Create(c, $"grid_ms: {gridMs:F2}"));
        return 0;
    }

    private static double TrainMicroseconds(DataSet data, int epochs, int repeats)
    {
        var initial = NetworkWeights.HeInitialized(Shape, 3);
        NetworkTraining Fresh() => new(new NetworkObjective(Shape, data), new Adam(0.0007), initial, new ConstantSchedule(), 64, 1);
        TrainCommand.Write(Fresh(), Math.Min(epochs, 500), withTest: false, TextWriter.Null); // warm-up: let the JIT settle
        double best = double.PositiveInfinity;
        for (int r = 0; r < repeats; r++)
        {
            var training = Fresh();
            var clock = Stopwatch.StartNew();
            TrainCommand.Write(training, epochs, withTest: false, TextWriter.Null);
            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / epochs);
        }
        return best;
    }

    private static double GridMilliseconds(DataSet data, int n, int threads, int repeats)
    {
        var centre = NetworkWeights.HeInitialized(Shape, 3);
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
        double best = double.PositiveInfinity;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            Sweep();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        if (losses.Any(l => !double.IsFinite(l))) throw new InvalidOperationException("a grid loss is not finite");
        return best;
    }
}
