using System.Globalization;

namespace Sim.Tests;

/// <summary>--formula and --domain wherever a landscape is named: trace, bench, render, the window's options, scenario files.</summary>
public class FormulaCommandTests
{
    private static double[][] Rows(string csv) =>
        csv.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    /// <summary>
    /// The typed gradient rounds differently from the built-in's hand-factored one (by an ulp or
    /// so), so the runs agree to 1e-12, not bit for bit. RMSprop's zig-zag across the valley
    /// amplifies such a difference (to 7e-12 by step 571), so it is compared over its first 400 steps.
    /// </summary>
    [Theory]
    [InlineData(1500, "adam", "lr=0.01")]
    [InlineData(1500, "sgd", "lr=0.001")]
    [InlineData(1500, "sgd", "lr=0.001", "momentum=0.9", "nesterov=true")]
    [InlineData(400, "rmsprop", "lr=0.01")]
    public void TypedRosenbrockTracesAsTheBuiltIn(int steps, string optimizer, params string[] parameters)
    {
        string[] common = ["--optimizer", optimizer, .. parameters.SelectMany(p => new[] { "--param", p }), "--start", "-1.5,2", "--steps", $"{steps}"];
        var builtIn = SimProcess.Run(["trace", "--landscape", "rosenbrock", .. common]);
        var typed = SimProcess.Run(["trace", "--formula", "(1-x)^2+100*(y-x^2)^2", .. common]);
        Assert.Equal(0, typed.ExitCode);
        var (b, t) = (Rows(builtIn.Out), Rows(typed.Out));
        Assert.Equal(steps + 1, t.Length);
        Assert.Equal(b.Length, t.Length);
        for (int i = 0; i < b.Length; i++)
            for (int k = 1; k < 4; k++)
                Assert.True(Math.Abs(b[i][k] - t[i][k]) <= 1e-12 * Math.Max(1, Math.Abs(b[i][k])), $"step {i} column {k}: {b[i][k]:R} vs {t[i][k]:R}");
    }

    [Theory]
    [InlineData("formula: unknown function 'sinn' at column 9; expected one of sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan", "trace", "--formula", "x^2 + 3*sinn(x)", "--optimizer", "sgd", "--steps", "1")]
    [InlineData("formula: empty;", "trace", "--formula", "", "--optimizer", "sgd", "--steps", "1")]
    [InlineData("--formula cannot be combined with --landscape", "trace", "--formula", "x^2", "--landscape", "quadratic", "--optimizer", "sgd", "--steps", "1")]
    [InlineData("--formula cannot be combined with --landscape", "bench", "--formula", "x^2", "--landscape", "quadratic", "--optimizer", "sgd", "--points", "10", "--steps", "1")]
    [InlineData("--formula cannot be combined with --landscape", "render", "--formula", "x^2", "--landscape", "quadratic", "--steps", "1", "--out", "/tmp/sim-formula-never.png")]
    [InlineData("--formula cannot be combined with --scenario", "trace", "--formula", "x^2", "--scenario", "x.json", "--steps", "1")]
    [InlineData("--domain '1,0,0,1' is empty or inverted", "trace", "--formula", "x^2", "--domain", "1,0,0,1", "--optimizer", "sgd", "--steps", "1")]
    [InlineData("--domain '0,0,0,1' is empty or inverted", "trace", "--formula", "x^2", "--domain", "0,0,0,1", "--optimizer", "sgd", "--steps", "1")]
    [InlineData("--domain 'a' is not a domain; expected XMIN,XMAX,YMIN,YMAX", "bench", "--formula", "x^2", "--domain", "a", "--optimizer", "sgd", "--points", "10", "--steps", "1")]
    [InlineData("--domain applies to --formula EXPR", "trace", "--landscape", "quadratic", "--domain", "0,1,0,1", "--optimizer", "sgd", "--steps", "1")]
    [InlineData("--domain needs --landscape NAME or --formula EXPR", "render", "--domain", "0,1,0,1", "--steps", "1", "--out", "/tmp/sim-formula-never.png")]
    [InlineData("--formula needs a value", "trace", "--optimizer", "sgd", "--steps", "1", "--formula")]
    [InlineData("--formula given 2 times; expected once", "trace", "--formula", "x^2", "--formula", "y^2", "--optimizer", "sgd", "--steps", "1")]
    [InlineData("--landscape is required (a built-in NAME), or give --formula EXPR", "bench", "--optimizer", "sgd", "--points", "10", "--steps", "1")]
    [InlineData("formula: nested too deeply at column 101;", "trace", "--formula", "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))", "--optimizer", "sgd", "--steps", "1")]
    public void BadFormulaInputIsOneErrorLineAndExitTwo(string expected, params string[] args)
    {
        var line = SimProcess.AssertError(SimProcess.Run(args));
        Assert.Contains(expected, line);
        Assert.False(File.Exists("/tmp/sim-formula-never.png"));
    }

    [Fact]
    public void AScenarioFormulaErrorNamesTheFileAndTheKey()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-formula-{Guid.NewGuid():N}.json");
        try
        {
            foreach (var (json, message) in new[]
            {
                ("""{"formula": "x^2 + sinn(y)", "balls": [{"optimizer": "sgd"}]}""", "formula: unknown function 'sinn' at column 7;"),
                ("""{"formula": 3, "balls": [{"optimizer": "sgd"}]}""", "formula: expected a string"),
                ("""{"landscape": "quadratic", "formula": "x^2", "balls": [{"optimizer": "sgd"}]}""", "formula: cannot be combined with landscape"),
                ("""{"formula": "x^2", "domain": [1, 0, 0, 1], "balls": [{"optimizer": "sgd"}]}""", "domain is empty or inverted"),
                ("""{"formula": "x^2", "domain": [0, 1, 0], "balls": [{"optimizer": "sgd"}]}""", "domain has 3 numbers"),
                ("""{"formula": "x^2", "domain": "0,1,0,1", "balls": [{"optimizer": "sgd"}]}""", "domain: expected [xmin, xmax, ymin, ymax]"),
                ("""{"landscape": "quadratic", "domain": [0, 1, 0, 1], "balls": [{"optimizer": "sgd"}]}""", "domain: applies to a formula"),
                ("""{"balls": [{"optimizer": "sgd"}]}""", "landscape: missing; expected a name or {\"name\": ..., \"params\": {...}}, or a \"formula\""),
            })
            {
                File.WriteAllText(file, json);
                var line = SimProcess.AssertError(SimProcess.Run("trace", "--scenario", file, "--steps", "1"));
                Assert.Equal($"error: {file}: {message}", line[..Math.Min(line.Length, $"error: {file}: {message}".Length)]);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AScenarioFormulaRunsWithItsDomain()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-formula-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"formula": "(x - 3)^2 + 2*(y + 1)^2", "domain": [0, 6, -4, 2], "start": [5, 1], "balls": [{"optimizer": "sgd", "params": {"lr": 0.1}}]}""");
        try
        {
            var r = SimProcess.Run("trace", "--scenario", file, "--steps", "200");
            Assert.Equal(0, r.ExitCode);
            var last = Rows(r.Out)[^1];
            Assert.Equal(3, last[1], 9);
            Assert.Equal(-1, last[2], 9);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheWindowsSceneOptionsTakeAFormulaAndItsDomain()
    {
        string[] options = [.. SceneArguments.Options];
        var (world, title) = SceneArguments.CreateScene(new Arguments("sim", ["--formula", "(x - 1)^2 + (y + 2)^2", "--domain", "-3,3,-4,2", "--optimizer", "adam"], options, []));
        Assert.Null(title);
        var landscape = Assert.IsType<Sim.Core.Landscapes.FormulaLandscape>(world.Landscape);
        Assert.Equal(new Sim.Core.Landscapes.Domain(-3, 3, -4, 2), landscape.Domain);
        Assert.Equal("(x - 1)^2 + (y + 2)^2", landscape.Formula);
        var m = Assert.Single(landscape.Minima);
        Assert.Equal((1.0, -2.0), (Math.Round(m.X, 9), Math.Round(m.Y, 9)));
        Assert.Equal(landscape.DefaultStart, world.Balls[0].Position);
    }

    [Fact]
    public void RenderAndExportRunAFormula()
    {
        var png = Path.Combine(Path.GetTempPath(), $"sim-formula-{Guid.NewGuid():N}.png");
        var csv = Path.ChangeExtension(png, ".csv");
        var json = Path.ChangeExtension(png, ".json");
        File.WriteAllText(json, """{"formula": "x^2 + 3*y^2", "balls": [{"optimizer": "sgd", "params": {"lr": 0.1}}]}""");
        try
        {
            var render = SimProcess.RunWith(new Dictionary<string, string?> { ["SDL_VIDEODRIVER"] = "offscreen" },
                "render", "--formula", "x^2 + 3*y^2", "--optimizer", "sgd", "--steps", "5", "--size", "320x240", "--out", png);
            Assert.Equal(0, render.ExitCode);
            Assert.True(new FileInfo(png).Length > 1000);
            var export = SimProcess.Run("export", "--scenario", json, "--steps", "10", "--out", csv);
            Assert.Equal(0, export.ExitCode);
            Assert.Equal(12, File.ReadAllLines(csv).Length); // header, the start and ten steps
        }
        finally
        {
            foreach (var f in new[] { png, csv, json }) File.Delete(f);
        }
    }

    [Fact]
    public void BenchTakesAFormulaAndNamesIt()
    {
        var r = SimProcess.Run("bench", "--formula", "x^2 + sin(y)", "--optimizer", "adam", "--points", "2000", "--steps", "5", "--threads", "1");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("landscape: formula\nformula: x^2 + sin(y) (", r.Out);
        Assert.Matches(@"point_steps_per_second: \d+\n$", r.Out);
    }
}
