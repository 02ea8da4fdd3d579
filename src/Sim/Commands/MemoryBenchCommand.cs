using System.Diagnostics;
using System.Globalization;
using Sim.Core;
using Sim.Core.Simulation;

namespace Sim.Commands;

/// <summary>
/// <c>sim bench-memory</c>: this machine's memory bandwidth, measured as STREAM's triad
/// (a = b + s·c over arrays far larger than the caches) on the same worker threads a swarm uses,
/// so that bench's figures can be set against what memory allows.
/// </summary>
public static class MemoryBenchCommand
{
    public static int Run(string[] args)
    {
        var a = new Arguments("bench-memory", args, ["--threads", "--megabytes", "--repeats"], []);
        int threads = a.Int("--threads", Environment.ProcessorCount, 1, 256);
        int megabytes = a.Int("--megabytes", 256, 8, 2048);
        int repeats = a.Int("--repeats", 20, 1, 10000);
        int n = megabytes * (1 << 20) / 8 / 3;
        double[] x = new double[n], y = new double[n], z = new double[n];
        Array.Fill(y, 1.0);
        Array.Fill(z, 2.0);
        using var workers = new WorkerThreads(threads);
        void Triad(int worker, int from, int to)
        {
            Span<double> xs = x.AsSpan(from, to - from);
            ReadOnlySpan<double> ys = y.AsSpan(from, to - from), zs = z.AsSpan(from, to - from);
            for (int i = 0; i < xs.Length; i++) xs[i] = ys[i] + 3.0 * zs[i];
        }
        workers.Run(n, Triad);
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            workers.Run(n, Triad);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        // STREAM counts 3 arrays moved; the write also reads the line first (write-allocate), a 4th.
        double bytes = 3.0 * n * 8;
        Console.WriteLine($"threads: {threads}");
        Console.WriteLine($"array_megabytes: {n * 8.0 / (1 << 20):F0}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"triad_bytes_per_second: {bytes / best:F0}"));
        return 0;
    }
}
