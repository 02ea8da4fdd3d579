using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;

namespace Sim.Commands;

/// <summary>
/// <c>sim bench</c>: steps a swarm of N points S times on full-batch gradients after a warm-up and
/// prints its throughput, the last line being <c>point_steps_per_second: X</c> (docs/cli.md).
/// </summary>
public static class BenchCommand
{
    public static int Run(string[] args)
    {
        var a = new Arguments("bench", args, ["--landscape", "--formula", "--domain", "--optimizer", "--param", "--points", "--steps", "--threads", "--seed"], ["--float32", "--per-step"]);
        var parameters = a.Parameters();
        var landscape = SceneArguments.Landscape(a, parameters);
        string optimizerName = a.Required("--optimizer");
        var optimizer = OptimizerCatalog.Create(optimizerName, parameters);
        parameters.RejectUnused($"optimizer {optimizerName} or landscape {landscape.Name}");
        int points = a.Int("--points", -1, 1, Limits.BenchPoints);
        int steps = a.Int("--steps", -1, 1, Limits.BenchSteps);
        if (points < 0) throw new InputError("--points is required");
        if (steps < 0) throw new InputError("--steps is required");
        Limits.Product(points, "--points", steps, "--steps", Limits.BenchPointSteps, "point-steps a bench may take");
        int threads = a.Int("--threads", Environment.ProcessorCount, 1, 256);
        var starts = Starts(landscape, points, a.Seed("--seed", 1));
        bool perStep = a.Has("--per-step");
        return a.Has("--float32")
            ? Measure<float>(landscape, optimizer, starts, steps, threads, perStep)
            : Measure<double>(landscape, optimizer, starts, steps, threads, perStep);
    }

    /// <summary>Points spread uniformly over the landscape's domain.</summary>
    public static Point2[] Starts(Landscape landscape, int count, ulong seed) => SwarmSpec.RandomStarts(landscape.Domain, count, seed);

    /// <param name="perStep">
    /// Step every point once per step, streaming the whole state through memory each time (as the
    /// playground does, one step per frame), instead of taking each cache-sized chunk through all
    /// steps at once (<see cref="Swarm{T}.Advance"/>); both give the same positions.
    /// </param>
    private static int Measure<T>(Landscape landscape, Optimizer optimizer, Point2[] starts, int steps, int threads, bool perStep)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        using var swarm = new Swarm<T>(landscape, optimizer, starts, threads);
        double lr = optimizer.LearningRate;
        // Warm-up: enough steps for the JIT's tiered compilation to settle on optimised code.
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 3 || (warm.Elapsed.TotalSeconds < 1 && i < 100); i++) swarm.Step(lr);
        swarm.Advance(2, lr);

        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        if (perStep)
            for (int i = 0; i < steps; i++) swarm.Step(lr);
        else
            swarm.Advance(steps, lr);
        double seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        int size = typeof(T) == typeof(float) ? 4 : 8;
        double rate = (double)starts.Length * steps / seconds;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"landscape: {landscape.Name}");
        if (landscape is FormulaLandscape formula)
            Console.WriteLine($"formula: {formula.Formula} ({formula.GradientInstructions} instructions per gradient)");
        Console.WriteLine($"optimizer: {optimizer.Name}");
        Console.WriteLine($"precision: {(size == 4 ? "float32" : "float64")}");
        Console.WriteLine($"points: {starts.Length}");
        Console.WriteLine($"steps: {steps}");
        Console.WriteLine($"threads: {threads}");
        Console.WriteLine($"order: {(perStep ? "per step (all points each step)" : "blocked (each chunk through all steps)")}");
        Console.WriteLine(string.Create(c, $"seconds: {seconds:F4}"));
        Console.WriteLine(string.Create(c, $"ms_per_step: {seconds * 1000 / steps:F3}"));
        Console.WriteLine($"state_bytes: {(long)starts.Length * 2 * size * (1 + optimizer.SlotNames.Count)}");
        Console.WriteLine($"allocated_bytes: {allocated}");
        Console.WriteLine(string.Create(c, $"point_steps_per_second: {rate:F0}"));
        return 0;
    }
}
