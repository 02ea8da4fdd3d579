using System.Globalization;

namespace Sim.Tests;

public class ExportCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sim-export-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    private static string[][] Rows(string file) =>
        [.. File.ReadAllText(file).TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(','))];

    [Fact]
    public void ALessonStepsBallsAreWrittenStepByStep()
    {
        string output = PathOf("momentum.csv");
        var r = SimProcess.Run("export", "--lesson", "momentum", "--lesson-step", "4", "--steps", "10", "--out", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        var text = File.ReadAllText(output);
        Assert.StartsWith("ball,label,optimizer,step,x,y,loss,learning_rate\n0,gradient descent,sgd,0,-2.5,1.5,115.625,0.019\n", text);
        var rows = Rows(output);
        Assert.Equal(3 * 11, rows.Length); // three balls, the start and ten steps each, none stops so soon
        Assert.Equal(["0", "1", "2"], rows.Select(row => row[0]).Distinct());
        foreach (var row in rows)
        {
            // A label with a comma is quoted, so the numbers are always the last four fields.
            double x = double.Parse(row[^4], CultureInfo.InvariantCulture), y = double.Parse(row[^3], CultureInfo.InvariantCulture);
            Assert.Equal(0.5 * (x * x + 100 * y * y), double.Parse(row[^2], CultureInfo.InvariantCulture), 1e-9);
        }
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Fact]
    public void ALessonByNumberRunsItsStepsRunStepsByDefault()
    {
        string output = PathOf("adam.csv");
        var r = SimProcess.Run("export", "--lesson", "7", "--lesson-step", "2", "--out", output);
        Assert.Equal(0, r.ExitCode);
        var rows = Rows(output);
        Assert.Equal(2 * 21, rows.Length); // lesson 7 step 2 runs 20 steps
    }

    [Fact]
    public void AScenarioFileExports()
    {
        string scenario = PathOf("race.json"), output = PathOf("race.csv");
        File.WriteAllText(scenario, """
            {"landscape": "himmelblau", "start": [0, 0], "balls": [
              {"optimizer": "sgd", "params": {"lr": 0.01}}, {"optimizer": "adam", "params": {"lr": 0.1}}]}
            """);
        var r = SimProcess.Run("export", "--scenario", scenario, "--steps", "200", "--out", output);
        Assert.Equal(0, r.ExitCode);
        var rows = Rows(output);
        var sgd = rows.Where(row => row[0] == "0").ToList();
        Assert.True(sgd.Count < 201, "the sgd ball reaches (3, 2) and stops"); // converged at step 19
        Assert.Equal(3, double.Parse(sgd[^1][4], CultureInfo.InvariantCulture), 0.02);
    }

    [Fact]
    public void AnExistingFileIsReplacedWhole()
    {
        string output = PathOf("old.csv");
        File.WriteAllText(output, new string('x', 100_000));
        Assert.Equal(0, SimProcess.Run("export", "--lesson", "ema", "--steps", "2", "--out", output).ExitCode);
        Assert.Equal(3, Rows(output).Length);
    }

    public static TheoryData<string[], string> Errors() => new()
    {
        { ["--lesson", "momentom", "--steps", "5"], "error: unknown lesson 'momentom'; expected one of minibatch, inputs, ema, momentum, gains, rmsprop, adam, decay, saddles, race" },
        { ["--lesson", "momentum", "--lesson-step", "9"], "error: --lesson-step 9 is out of range; expected 1 to 5" },
        { ["--lesson-step", "2", "--steps", "5"], "error: --lesson-step needs --lesson NAME" },
        { ["--steps", "5"], "error: export needs --scenario FILE or --lesson NAME" },
        { ["--lesson", "ema", "--scenario", "x.json"], "error: --scenario and --lesson cannot be combined" },
        { ["--scenario", "missing.json", "--steps", "5"], "error: cannot read scenario 'missing.json'" },
        { ["--lesson", "ema", "--steps", "many"], "error: --steps 'many' is not a whole number" },
        { ["--lesson", "ema", "--frames", "3"], "error: unknown option '--frames' for export" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void BadInputIsOneLineExitTwoAndNoFile(string[] args, string message)
    {
        string output = PathOf("out.csv");
        var r = SimProcess.Run(["export", .. args, "--out", output]);
        Assert.StartsWith(message, SimProcess.AssertError(r));
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void ABadScenarioNeedsStepsAndLeavesNoFile()
    {
        string scenario = PathOf("bad.json"), output = PathOf("out.csv");
        File.WriteAllText(scenario, """{"landscape": "quadratic", "balls": [{"optimizer": "adamm"}]}""");
        var line = SimProcess.AssertError(SimProcess.Run("export", "--scenario", scenario, "--steps", "5", "--out", output));
        Assert.Contains("balls[0].optimizer: unknown optimizer 'adamm'", line);
        Assert.False(File.Exists(output));
        File.WriteAllText(scenario, """{"landscape": "quadratic", "balls": [{"optimizer": "adam"}]}""");
        line = SimProcess.AssertError(SimProcess.Run("export", "--scenario", scenario, "--out", output));
        Assert.Equal("error: --steps is required with --scenario", line);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("quadratic", "0", "steps_per_epoch: expected a whole number >= 1 (at most 2147483647)")]
    [InlineData("quadratic", "2.5", "steps_per_epoch: expected a whole number >= 1 (at most 2147483647)")]
    [InlineData("linreg", "10", "steps_per_epoch: applies to analytic landscapes; on linreg an epoch is one pass over its 256 examples")]
    public void ABadStepsPerEpochIsOneErrorLine(string landscape, string value, string message)
    {
        string scenario = PathOf($"epoch-{landscape}-{value}.json"), output = PathOf("epoch.csv");
        File.WriteAllText(scenario, $$"""{"landscape": "{{landscape}}", "steps_per_epoch": {{value}}, "balls": [{"optimizer": "sgd"}]}""");
        var line = SimProcess.AssertError(SimProcess.Run("export", "--scenario", scenario, "--steps", "5", "--out", output));
        Assert.EndsWith(message, line);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void AnOutputInAMissingDirectoryOrOnADirectoryIsAnError()
    {
        var line = SimProcess.AssertError(SimProcess.Run("export", "--lesson", "ema", "--out", PathOf("no/such/dir/out.csv")));
        Assert.StartsWith("error: --out ", line);
        Assert.Contains("does not exist", line);
        line = SimProcess.AssertError(SimProcess.Run("export", "--lesson", "ema", "--out", directory));
        Assert.Contains("is a directory", line);
    }
}
