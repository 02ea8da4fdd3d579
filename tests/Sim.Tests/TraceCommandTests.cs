using System.Globalization;

namespace Sim.Tests;

public class TraceCommandTests
{
    private static double[][] Rows(string csv) =>
        csv.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public void WritesTheHeaderTheStartAndOneRowPerStep()
    {
        var r = SimProcess.Run("trace", "--landscape", "rosenbrock", "--optimizer", "adam", "--param", "lr=0.01", "--start", "-1.5,2", "--steps", "25");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        Assert.StartsWith("step,x,y,loss\n0,-1.5,2,12.5\n", r.Out);
        var rows = Rows(r.Out);
        Assert.Equal(26, rows.Length);
        Assert.Equal(Enumerable.Range(0, 26).Select(i => (double)i), rows.Select(row => row[0]));
        foreach (var row in rows)
            Assert.Equal((1 - row[1]) * (1 - row[1]) + 100 * (row[2] - row[1] * row[1]) * (row[2] - row[1] * row[1]), row[3], 1e-9);
        Assert.True(rows[^1][3] < rows[0][3]);
    }

    [Fact]
    public void NumbersRoundTrip()
    {
        var r = SimProcess.Run("trace", "--landscape", "quadratic", "--optimizer", "sgd", "--param", "lr=0.1", "--start", "0.1,0.3", "--steps", "3");
        var second = r.Out.Split('\n')[2].Split(',');
        double x = double.Parse(second[1], CultureInfo.InvariantCulture);
        Assert.Equal(0.1 - 0.1 * 0.1, x);
        Assert.Equal(x.ToString("R", CultureInfo.InvariantCulture), second[1]);
    }

    [Fact]
    public void DivergenceEndsTheRunWithTheNonFiniteRowAndExitZero()
    {
        var r = SimProcess.Run("trace", "--landscape", "rosenbrock", "--optimizer", "sgd", "--param", "lr=0.1", "--start", "-1.5,2", "--steps", "500");
        Assert.Equal(0, r.ExitCode);
        var last = r.Out.TrimEnd('\n').Split('\n')[^1].Split(',');
        Assert.True(int.Parse(last[0], CultureInfo.InvariantCulture) < 500);
        Assert.Contains(last[1..3], v => v is "NaN" or "Infinity" or "-Infinity");
    }

    [Fact]
    public void MiniBatchesAreDeterministicBySeed()
    {
        string[] Run(string seed) => [.. SimProcess.Run("trace", "--landscape", "linreg", "--optimizer", "sgd", "--param", "lr=0.05",
            "--batch-size", "8", "--seed", seed, "--steps", "40").Out.Split('\n')];
        Assert.Equal(Run("3"), Run("3"));
        Assert.NotEqual(Run("3"), Run("4"));
    }

    [Fact]
    public void ScheduleParametersShareThePool()
    {
        var r = SimProcess.Run("trace", "--landscape", "quadratic", "--optimizer", "sgd", "--param", "lr=0.1", "--start", "1,0",
            "--steps", "2", "--schedule", "exponential", "--param", "decay_rate=0.5");
        var rows = Rows(r.Out);
        Assert.Equal(1 - 0.1, rows[1][1], 1e-15);
        Assert.Equal((1 - 0.1) * (1 - 0.05), rows[2][1], 1e-15);
    }

    [Fact]
    public void TracesTheFirstBallOfAScenario()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"landscape": "himmelblau", "balls": [{"optimizer": "adam", "params": {"lr": 0.05}, "start": [0, 0]}, {"optimizer": "sgd"}]}""");
        try
        {
            var fromScenario = SimProcess.Run("trace", "--scenario", file, "--steps", "30");
            var direct = SimProcess.Run("trace", "--landscape", "himmelblau", "--optimizer", "adam", "--param", "lr=0.05", "--start", "0,0", "--steps", "30");
            Assert.Equal(0, fromScenario.ExitCode);
            Assert.Equal(direct.Out, fromScenario.Out);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("unknown command 'fly'", "fly")]
    [InlineData("unknown landscape 'mountain'; expected one of quadratic", "trace", "--landscape", "mountain", "--optimizer", "adam", "--steps", "1")]
    [InlineData("unknown optimizer 'adamm'; expected one of sgd", "trace", "--landscape", "quadratic", "--optimizer", "adamm", "--steps", "1")]
    [InlineData("unknown schedule 'cosine'", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--schedule", "cosine", "--steps", "1")]
    [InlineData("--param: unknown parameter 'lrr'", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--param", "lrr=1", "--steps", "1")]
    [InlineData("--param: lr='abc' is not a number", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--param", "lr=abc", "--steps", "1")]
    [InlineData("--param: beta2=2 is out of range", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--param", "beta2=2", "--steps", "1")]
    [InlineData("--param: 'lr' is not KEY=VALUE", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--param", "lr", "--steps", "1")]
    [InlineData("--start '1;2' is not a point", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--start", "1;2", "--steps", "1")]
    [InlineData("--steps 'ten' is not a whole number", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--steps", "ten")]
    [InlineData("--steps -1 is out of range", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--steps", "-1")]
    [InlineData("--steps is required", "trace", "--landscape", "quadratic", "--optimizer", "adam")]
    [InlineData("--landscape is required", "trace", "--optimizer", "adam", "--steps", "1")]
    [InlineData("--steps needs a value", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--steps")]
    [InlineData("unknown option '--speed' for trace", "trace", "--speed", "2")]
    [InlineData("--batch-size applies to data landscapes", "trace", "--landscape", "quadratic", "--optimizer", "adam", "--batch-size", "4", "--steps", "1")]
    [InlineData("--batch-size 999 is out of range; expected 1 to 256", "trace", "--landscape", "linreg", "--optimizer", "adam", "--batch-size", "999", "--steps", "1")]
    [InlineData("--seed 'x' is not a whole number", "trace", "--landscape", "linreg", "--optimizer", "adam", "--seed", "x", "--steps", "1")]
    [InlineData("cannot read scenario '/nonexistent.json'", "trace", "--scenario", "/nonexistent.json", "--steps", "1")]
    [InlineData("trace follows one ball; give one --optimizer", "trace", "--landscape", "quadratic", "--optimizer", "sgd", "--optimizer", "adam", "--steps", "1")]
    [InlineData("--optimizer is required", "trace", "--landscape", "quadratic", "--steps", "1")]
    [InlineData("--optimizer cannot be combined with --scenario", "trace", "--scenario", "x.json", "--optimizer", "adam", "--steps", "1")]
    public void BadInputIsOneErrorLineAndExitTwo(string expected, params string[] args)
    {
        var line = SimProcess.AssertError(SimProcess.Run(args));
        Assert.Contains(expected, line);
    }

    [Fact]
    public void AMalformedScenarioNamesTheFileAndThePath()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"landscape": "quadratic", "balls": [{"optimizer": "sgd"}, {"optimizer": "sgd"}, {"optimizer": "adamm"}]}""");
        try
        {
            var line = SimProcess.AssertError(SimProcess.Run("trace", "--scenario", file, "--steps", "1"));
            Assert.Equal($"error: {file}: balls[2].optimizer: unknown optimizer 'adamm'; expected one of sgd, rmsprop, adam, adamw, adamax, nadam, radam, adagrad, adadelta, rprop, momentum, gains", line);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
