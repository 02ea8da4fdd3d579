using System.Globalization;
using Sim.Core.Basins;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Render.Platform;

namespace Sim.Tests;

/// <summary><c>sim basins</c> as docs/cli.md states it: the grid, the CSV, the picture, agreement with <c>sim trace</c>, errors.</summary>
public class BasinsCommandTests
{
    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"sim-basins-{Guid.NewGuid():N}{extension}");

    private static string[][] Csv(string path) =>
        File.ReadAllText(path).TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToArray();

    [Fact]
    public void WritesOneRowPerCellCentreXFastest()
    {
        var path = TempFile(".csv");
        try
        {
            var r = SimProcess.Run("basins", "--landscape", "himmelblau", "--optimizer", "sgd", "--param", "lr=0.01", "--grid", "4", "--steps", "300", "--domain", "-4,4,-2,6", "--out", path);
            Assert.Equal(0, r.ExitCode);
            Assert.Matches(@"^basins: 16 starts x 300 steps in .* 16 converged, 0 running, 0 diverged; 4 known minima\n$", r.Out);
            var rows = Csv(path);
            Assert.Equal(["x", "y", "end_x", "end_y", "loss", "status"], rows[0]);
            Assert.Equal(17, rows.Length);
            for (int j = 0; j < 4; j++)
                for (int i = 0; i < 4; i++)
                {
                    var row = rows[1 + j * 4 + i];
                    Assert.Equal(-4 + 2 * (i + 0.5), double.Parse(row[0], CultureInfo.InvariantCulture));
                    Assert.Equal(-2 + 2 * (j + 0.5), double.Parse(row[1], CultureInfo.InvariantCulture));
                    Assert.Equal("converged", row[5]);
                }
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string[]> Settings => new()
    {
        { new[] { "--landscape", "himmelblau", "--optimizer", "sgd", "--param", "lr=0.01" } },
        { new[] { "--landscape", "himmelblau", "--optimizer", "sgd", "--param", "lr=0.002", "--param", "momentum=0.9", "--param", "nesterov=true" } },
        { new[] { "--landscape", "rosenbrock", "--optimizer", "adam", "--param", "lr=0.05", "--schedule", "exponential", "--param", "decay_rate=0.99" } },
        { new[] { "--formula", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2 + sin(x*y)", "--optimizer", "rmsprop", "--param", "lr=0.01" } },
        { new[] { "--landscape", "rastrigin", "--optimizer", "sgd", "--param", "lr=0.04" } }, // some cells diverge
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void EveryStartEndsWhereSimTraceTakesIt(string[] setting)
    {
        var path = TempFile(".csv");
        try
        {
            Assert.Equal(0, SimProcess.Run(["basins", .. setting, "--grid", "3", "--steps", "150", "--out", path]).ExitCode);
            var rows = Csv(path);
            foreach (int cell in new[] { 0, 4, 8 })
            {
                var row = rows[1 + cell];
                var trace = SimProcess.Run(["trace", .. setting, "--start", $"{row[0]},{row[1]}", "--steps", "150"]);
                var last = trace.Out.TrimEnd('\n').Split('\n')[^1].Split(',');
                if (last[0] != "150") // the trace stopped where the position stopped being finite
                {
                    Assert.Equal("diverged", row[5]);
                    continue;
                }
                Assert.Equal(last[1], row[2]);
                Assert.Equal(last[2], row[3]);
                Assert.Equal(last[3], row[4]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ThePictureColoursEachCellByItsMinimumAndArrival()
    {
        var path = TempFile(".png");
        try
        {
            var r = SimProcess.Run("basins", "--landscape", "himmelblau", "--optimizer", "adam", "--param", "lr=0.1", "--grid", "8", "--steps", "200", "--out", path);
            Assert.Equal(0, r.ExitCode);
            var image = Image.Load(path);
            Assert.Equal(512, image.Width);
            Assert.Equal(512, image.Height);
            var landscape = LandscapeCatalog.Create("himmelblau");
            var map = BasinMap.Compute(landscape, OptimizerCatalog.Create("adam", Core.Parameters.From([new("lr", "0.1")])), new ConstantSchedule(), 8, 200, landscape.Domain, 1);
            for (int j = 0; j < 8; j++)
                for (int i = 0; i < 8; i++)
                {
                    var expected = BasinPicture.CellColour(map.Cells[j * 8 + i], 200);
                    var pixel = image.GetPixel(i * 64 + 8, (7 - j) * 64 + 8); // a corner of the cell, clear of markers; row 0 is the top
                    Assert.Equal((expected.R, expected.G, expected.B), (pixel.R, pixel.G, pixel.B));
                }
            Assert.Equal(4, map.Cells.Select(c => c.Minimum).Distinct().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--grid is required", "--landscape", "himmelblau", "--optimizer", "sgd", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("--steps is required", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "5", "--out", "OUT.csv")]
    [InlineData("--out is required", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "5", "--steps", "5")]
    [InlineData("--grid 0 is out of range; expected 1 to 2048", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "0", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("--grid 'many' is not a whole number", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "many", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("--steps -2 is out of range", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "5", "--steps", "-2", "--out", "OUT.csv")]
    [InlineData("must name a .csv or .png file", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "5", "--steps", "5", "--out", "OUT.txt")]
    [InlineData("--domain '2,1,0,1' is empty or inverted", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "5", "--steps", "5", "--domain", "2,1,0,1", "--out", "OUT.png")]
    [InlineData("--formula cannot be combined with --landscape", "--landscape", "himmelblau", "--formula", "x^2", "--optimizer", "sgd", "--grid", "5", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("--landscape is required", "--optimizer", "sgd", "--grid", "5", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("formula: unknown name 'z' at column 5", "--formula", "x + z", "--optimizer", "sgd", "--grid", "5", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("unknown optimizer 'adamm'", "--landscape", "himmelblau", "--optimizer", "adamm", "--grid", "5", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("unknown schedule 'sometimes'", "--landscape", "himmelblau", "--optimizer", "sgd", "--schedule", "sometimes", "--grid", "5", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("lrr", "--landscape", "himmelblau", "--optimizer", "sgd", "--param", "lrr=0.1", "--grid", "5", "--steps", "5", "--out", "OUT.csv")]
    [InlineData("unknown option '--start' for basins", "--landscape", "himmelblau", "--optimizer", "sgd", "--start", "1,1", "--grid", "5", "--steps", "5", "--out", "OUT.csv")]
    public void BadInputIsOneErrorLineExitTwoAndNoFile(string expected, params string[] args)
    {
        var path = TempFile(Array.IndexOf(args, "OUT.png") >= 0 ? ".png" : Array.IndexOf(args, "OUT.txt") >= 0 ? ".txt" : ".csv");
        var line = SimProcess.AssertError(SimProcess.Run(["basins", .. args.Select(a => a.StartsWith("OUT.") ? path : a)]));
        Assert.Contains(expected, line);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void AMissingDirectoryIsAnErrorBeforeAnyWork()
    {
        var line = SimProcess.AssertError(SimProcess.Run("basins", "--landscape", "himmelblau", "--optimizer", "sgd", "--grid", "5", "--steps", "5", "--out", "/nonexistent-dir/b.png"));
        Assert.Contains("does not exist", line);
    }
}
