using System.Globalization;

namespace Sim.Tests;

public class BenchCommandTests
{
    [Theory]
    [InlineData("--threads", "1")]
    [InlineData("--threads", "2")]
    [InlineData("--float32", null)]
    public void PrintsThroughputAsItsLastLine(string option, string? value)
    {
        string[] args = ["bench", "--landscape", "rosenbrock", "--optimizer", "adam", "--points", "20000", "--steps", "5", option];
        if (value is not null) args = [.. args, value];
        var r = SimProcess.Run(args);
        Assert.Equal(0, r.ExitCode);
        var last = r.Out.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith("point_steps_per_second: ", last);
        Assert.True(double.Parse(last["point_steps_per_second: ".Length..], CultureInfo.InvariantCulture) > 0);
        Assert.Contains(value is null ? "precision: float32" : "precision: float64", r.Out);
    }

    [Theory]
    [InlineData("--points is required", "bench", "--landscape", "rosenbrock", "--optimizer", "adam", "--steps", "5")]
    [InlineData("--points 0 is out of range", "bench", "--landscape", "rosenbrock", "--optimizer", "adam", "--points", "0", "--steps", "5")]
    [InlineData("--threads 0 is out of range", "bench", "--landscape", "rosenbrock", "--optimizer", "adam", "--points", "10", "--steps", "5", "--threads", "0")]
    [InlineData("unknown optimizer 'adamm'", "bench", "--landscape", "rosenbrock", "--optimizer", "adamm", "--points", "10", "--steps", "5")]
    [InlineData("unknown option '--float16' for bench", "bench", "--float16")]
    public void BadInputIsOneErrorLineAndExitTwo(string expected, params string[] args) =>
        Assert.Contains(expected, SimProcess.AssertError(SimProcess.Run(args)));

    [Fact]
    public void CatalogueListsEverything()
    {
        var r = SimProcess.Run("catalogue");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "rosenbrock", "linreg", "styblinski_tang", "adam", "gains", "momentum", "staircase", "fixed_interval" })
            Assert.Contains(name, r.Out);
    }
}

public class HelpTests
{
    [Theory]
    [InlineData("trace", "(--landscape NAME | --formula EXPR")]
    [InlineData("bench", "--points N --steps S")]
    [InlineData("render", "--out FILE.png")]
    [InlineData("export", "--out FILE.csv")]
    public void EveryCommandExplainsItselfWithHelp(string command, string expected)
    {
        var r = SimProcess.Run(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith($"usage: sim {command} ", r.Out);
        Assert.Contains(expected, r.Out);
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void TheProgramListsItsCommands()
    {
        var r = SimProcess.Run("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var command in new[] { "trace", "bench", "render", "lessons", "export", "catalogue" })
            Assert.Contains($"  {command} ", r.Out);
    }
}
