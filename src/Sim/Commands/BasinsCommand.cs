using System.Globalization;
using Sim.Core;
using Sim.Core.Basins;
using Sim.Core.Formulas;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Commands;

/// <summary>
/// <c>sim basins</c> (docs/cli.md): where every start of an N × N grid ends after S steps of one
/// optimizer (<see cref="BasinMap"/>), as CSV (<see cref="BasinCsv"/>) or as a picture
/// (<see cref="BasinPicture"/>), chosen by the extension of <c>--out</c>. Prints a one-line summary
/// with the stepping speed after a warm-up. The file appears whole or not at all.
/// </summary>
public static class BasinsCommand
{
    private static readonly string[] Options =
        ["--landscape", "--formula", "--domain", "--optimizer", "--param", "--schedule", "--grid", "--steps", "--out", "--threads"];

    public const int MaxGrid = 2048;

    public static int Run(string[] args)
    {
        var a = new Arguments("basins", args, Options, []);
        string output = a.Required("--out");
        bool picture = Kind(output);
        OutputFile.Check(output, "--out");
        int grid = a.Int("--grid", -1, 1, MaxGrid);
        int steps = a.Int("--steps", -1, 0, 1_000_000);
        if (grid < 0) throw new InputError("--grid is required: the number of starts along each side, such as 256");
        if (steps < 0) throw new InputError("--steps is required");
        int threads = a.Int("--threads", Environment.ProcessorCount, 1, 256);

        var pool = a.Parameters();
        var landscape = SceneArguments.Landscape(a, pool);
        string optimizerName = a.Required("--optimizer"), scheduleName = a.Value("--schedule") ?? "constant";
        var optimizer = OptimizerCatalog.Create(optimizerName, pool);
        var schedule = ScheduleCatalog.Create(scheduleName, pool);
        pool.RejectUnused($"optimizer {optimizerName}, schedule {scheduleName} or landscape {landscape.Name}");
        var domain = a.Value("--domain") is { } d ? DomainText.Parse(d, "--domain") : landscape.Domain;

        BasinMap.WarmUp(landscape, optimizer, schedule, grid, steps, domain, threads);
        var map = BasinMap.Compute(landscape, optimizer, schedule, grid, steps, domain, threads);
        if (picture) WritePicture(output, map);
        else WholeFile.WriteText(output, writer => BasinCsv.Write(map, writer));
        Summary(map);
        return 0;
    }

    /// <summary>True for a .png, false for a .csv; anything else is an error.</summary>
    private static bool Kind(string path)
    {
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) return true;
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        throw new InputError($"--out {InputError.Quote(path)} must name a .csv or .png file");
    }

    /// <summary>The one place a basin map becomes an image file.</summary>
    private static void WritePicture(string path, BasinMap map)
    {
        var (rgba, width, height) = BasinPicture.Draw(map);
        Png.Write(path, width, height, rgba);
    }

    private static void Summary(BasinMap map)
    {
        long pointSteps = (long)map.Cells.Count * map.Steps;
        double rate = map.Seconds > 0 ? pointSteps / map.Seconds : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"basins: {map.Cells.Count} starts x {map.Steps} steps in {map.Seconds:F3} s ({rate:F0} point-steps/s); " +
            $"{map.CountOf(BallStatus.Converged)} converged, {map.CountOf(BallStatus.Running)} running, {map.CountOf(BallStatus.Diverged)} diverged; {map.Minima.Count} known minima"));
    }
}
