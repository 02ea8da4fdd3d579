using System.Text;

namespace Sim.Tests;

/// <summary>Issue 7's findings, each through the real program as a process: one error line and exit 2 for bad input, 1 for I/O.</summary>
public class RobustnessCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sim-robust-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    private string Scenario(string name, string json)
    {
        File.WriteAllText(PathOf(name), json);
        return PathOf(name);
    }

    // 1. Combinations of values: one validation of the whole set, before any output.

    [Theory]
    [InlineData("gains", "gain_min=5", "gain_max=1", "gain_min=5 is above gain_max=1; expected gain_min <= gain_max")]
    [InlineData("rprop", "step_min=5", "step_max=1", "step_min=5 is above step_max=1; expected step_min <= step_max")]
    [InlineData("sgd", "nesterov=true", "dampening=0.5", "nesterov=true needs momentum > 0 and dampening=0")]
    public void Trace_refuses_values_that_do_not_fit_together_before_writing(string optimizer, string a, string b, string expected)
    {
        var r = SimProcess.Run("trace", "--landscape", "rosenbrock", "--optimizer", optimizer, "--param", a, "--param", b, "--start", "0,0", "--steps", "3");
        Assert.StartsWith($"error: --param: {expected}", SimProcess.AssertError(r));
    }

    [Fact]
    public void Scenario_files_render_bench_and_export_refuse_the_same_sets()
    {
        string file = Scenario("gains.json", """{"landscape": "quadratic", "balls": [{"optimizer": "sgd"}, {"optimizer": "gains", "params": {"gain_min": 5, "gain_max": 1}}]}""");
        Assert.Equal($"error: {file}: balls[1].params: gain_min=5 is above gain_max=1; expected gain_min <= gain_max",
            SimProcess.AssertError(SimProcess.Run("export", "--scenario", file, "--steps", "3", "--out", PathOf("o.csv"))));
        Assert.False(File.Exists(PathOf("o.csv")));
        SimProcess.AssertError(SimProcess.Run("render", "--landscape", "quadratic", "--optimizer", "rprop:step_min=2,step_max=1", "--steps", "3", "--out", PathOf("o.png")));
        Assert.False(File.Exists(PathOf("o.png")));
        Assert.Contains("step_min=2 is above step_max=1", SimProcess.AssertError(
            SimProcess.Run("bench", "--landscape", "quadratic", "--optimizer", "rprop", "--param", "step_min=2", "--param", "step_max=1", "--points", "10", "--steps", "1")));
    }

    // 2. Input echoed in an error line is escaped and shortened.

    [Fact]
    public void Newlines_and_huge_input_stay_one_short_line()
    {
        Assert.StartsWith("error: unknown command 'trace\\n'; expected one of", SimProcess.AssertError(SimProcess.Run("trace\n")));
        Assert.StartsWith("error: unknown optimizer 'adam\\r\\n'", SimProcess.AssertError(SimProcess.Run("trace", "--landscape", "quadratic", "--optimizer", "adam\r\n", "--steps", "1")));
        Assert.StartsWith("error: --param: 'a\\nb' is not KEY=VALUE", SimProcess.AssertError(SimProcess.Run("trace", "--landscape", "quadratic", "--optimizer", "sgd", "--param", "a\nb", "--steps", "1")));
        string line = SimProcess.AssertError(SimProcess.Run("trace", "--landscape", new string('x', 100_000), "--optimizer", "sgd", "--steps", "1"));
        Assert.StartsWith($"error: unknown landscape '{new string('x', 60)}…'", line);
        Assert.True(line.Length < 400, $"{line.Length} characters");
        string colour = Scenario("colour.json", """{"landscape": "quadratic", "balls": [{"optimizer": "sgd", "colour": "#12\n\u0007"}]}""");
        Assert.EndsWith("balls[0].colour: '#12\\n\\u0007' is not a colour; expected #rrggbb", SimProcess.AssertError(SimProcess.Run("trace", "--scenario", colour, "--steps", "1")));
    }

    // 3. Lone surrogates.

    [Theory]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "\udc00"}]}""", "balls[0].optimizer: a string with a lone surrogate escape")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "sgd", "params": {"\ud800": 1}}]}""", "balls[0].params: a key with a lone surrogate escape")]
    [InlineData("""{"title": "\udfff", "landscape": "quadratic", "balls": [{"optimizer": "sgd"}]}""", "title: a string with a lone surrogate escape")]
    public void A_lone_surrogate_escape_is_a_clean_error_with_its_path(string json, string expected)
    {
        string file = Scenario("surrogate.json", json);
        Assert.StartsWith($"error: {file}: {expected}", SimProcess.AssertError(SimProcess.Run("trace", "--scenario", file, "--steps", "1")));
    }

    // 4. Empty paths.

    [Fact]
    public void Empty_paths_are_clean_errors()
    {
        Assert.Equal("error: scenario path is empty; expected a file name such as race.json", SimProcess.AssertError(SimProcess.Run("trace", "--scenario", "", "--steps", "1")));
        Assert.StartsWith("error: --out is empty", SimProcess.AssertError(SimProcess.Run("export", "--lesson", "ema", "--out", "")));
        Assert.StartsWith("error: --out is empty", SimProcess.AssertError(SimProcess.Run("render", "--landscape", "quadratic", "--steps", "1", "--out", "")));
    }

    // 5. Limits, each named.

    [Fact]
    public void An_endless_scenario_file_is_refused_at_its_size_limit()
    {
        Assert.Equal("error: cannot read scenario '/dev/zero': larger than the limit of 1,048,576 bytes",
            SimProcess.AssertError(SimProcess.Run("trace", "--scenario", "/dev/zero", "--steps", "1")));
    }

    [Fact]
    public void Labels_balls_points_sizes_and_steps_have_limits()
    {
        string label = Scenario("label.json", $$"""{"landscape": "quadratic", "balls": [{"optimizer": "sgd", "label": "{{new string('a', 1_000_000)}}"}]}""");
        Assert.Contains("balls[0].label 'aaaa", SimProcess.AssertError(SimProcess.Run("render", "--scenario", label, "--steps", "1", "--out", PathOf("l.png"))));
        var balls = string.Join(",", Enumerable.Repeat("""{"optimizer": "sgd"}""", 1001));
        string crowd = Scenario("crowd.json", $$"""{"landscape": "quadratic", "balls": [{{balls}}]}""");
        Assert.EndsWith("balls: 1,001 balls is over the limit of 1,000 per scene", SimProcess.AssertError(SimProcess.Run("export", "--scenario", crowd, "--steps", "1", "--out", PathOf("c.csv"))));
        Assert.Contains("expected 1 to 10000000", SimProcess.AssertError(SimProcess.Run("bench", "--landscape", "quadratic", "--optimizer", "sgd", "--points", "200000000", "--steps", "1")));
        Assert.Contains("over the limit of 100,000,000,000 point-steps", SimProcess.AssertError(SimProcess.Run("bench", "--landscape", "quadratic", "--optimizer", "sgd", "--points", "10000000", "--steps", "100000")));
        Assert.Contains("each 64 to 4096 and at most 8,294,400 pixels", SimProcess.AssertError(SimProcess.Run("render", "--landscape", "quadratic", "--steps", "1", "--size", "8192x8192", "--out", PathOf("big.png"))));
        Assert.Contains("each 64 to 4096 and at most 8,294,400 pixels", SimProcess.AssertError(SimProcess.Run("render", "--landscape", "quadratic", "--steps", "1", "--size", "4096x4096", "--out", PathOf("big.png"))));
        foreach (var command in (string[][])[["trace", "--landscape", "quadratic", "--optimizer", "sgd"], ["render", "--landscape", "quadratic", "--out", PathOf("s.png")], ["export", "--lesson", "ema", "--out", PathOf("s.csv")]])
            Assert.Contains("--steps 10000001 is out of range; expected 0 to 10000000", SimProcess.AssertError(SimProcess.Run([.. command, "--steps", "10000001"])));
        Assert.Contains("over the limit of 5,000,000 rows an export holds", SimProcess.AssertError(SimProcess.Run("export", "--lesson", "race", "--steps", "2000000", "--out", PathOf("r.csv"))));
        Assert.Contains("over the limit of 100,000,000 ball-steps a render may take", SimProcess.AssertError(SimProcess.Run("render", "--lesson", "race", "--steps", "10000000", "--out", PathOf("r.png"))));
    }

    // 6. Standard error closed or full: the exit code still tells.

    [Theory]
    [InlineData("2>&-")]
    [InlineData("2>/dev/full")]
    public void Bad_input_exits_2_with_standard_error_closed_or_full(string redirection)
    {
        var r = SimShell.Run($"$SIM trace --landscape rosenbrock --optimizer adamm --steps 3 {redirection}");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void A_full_disk_is_an_io_failure_exit_1()
    {
        var r = SimProcess.Run("export", "--lesson", "ema", "--steps", "3", "--out", "/dev/full");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches("^error: No space left on device[^\n]*\n$", r.Err);
    }

    // 8. Devices and links are not replaced; - is standard output.

    [Fact]
    public void Export_to_a_device_writes_through_and_leaves_it_a_device()
    {
        var r = SimProcess.Run("export", "--lesson", "ema", "--steps", "3", "--out", "/dev/null");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("character special file", SimShell.Run("stat -c %F /dev/null").Out.Trim());
    }

    [Fact]
    public void Export_through_a_link_writes_its_target_and_keeps_the_link()
    {
        string target = PathOf("target.csv"), link = PathOf("link.csv");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(0, SimProcess.Run("export", "--lesson", "ema", "--steps", "3", "--out", link).ExitCode);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.StartsWith("ball,label,optimizer,step", File.ReadAllText(target));
    }

    [Fact]
    public void Out_dash_writes_to_standard_output()
    {
        var csv = SimProcess.Run("export", "--lesson", "ema", "--steps", "3", "--out", "-");
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("ball,label,optimizer,step,x,y,loss,learning_rate\n0,", csv.Out);
        var png = SimShell.Run("$SIM render --landscape quadratic --steps 1 --size 64x64 --out - | head -c 8 | od -An -tx1");
        Assert.Equal("89 50 4e 47 0d 0a 1a 0a", png.Out.Trim()); // the PNG signature
    }

    // 9. Closed standard output, a reader that stops early.

    [Fact]
    public void A_closed_standard_output_says_so()
    {
        var r = SimShell.Run("$SIM trace --landscape quadratic --optimizer sgd --steps 3 >&-");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("error: cannot write to standard output: it is closed; redirect it to a file (> FILE) or give --out FILE\n", r.Err);
    }

    [Fact]
    public void Output_into_a_file_others_write_too_lands_after_theirs()
    {
        var r = SimShell.Run("f=$(mktemp); { echo start; $SIM trace --landscape quadratic --optimizer sgd --steps 1; echo end; } > \"$f\"; cat \"$f\"; rm \"$f\"");
        Assert.StartsWith("start\nstep,x,y,loss\n0,-2.5,1.5,14.375\n1,", r.Out);
        Assert.EndsWith("\nend\n", r.Out);
        Assert.Equal(5, r.Out.Split('\n').Length - 1);
    }

    [Fact]
    public void Trace_stops_quietly_when_its_reader_stops()
    {
        // Ten million steps write about 600 MB: only a stop at the broken pipe ends this in seconds.
        var r = SimShell.Run("$SIM trace --landscape quadratic --optimizer sgd --param lr=1e-9 --steps 10000000 | head -n 3; echo \"exit ${PIPESTATUS[0]}\"");
        Assert.Equal("", r.Err);
        Assert.Equal(["step,x,y,loss", "0,-2.5,1.5,14.375"], r.Out.Split('\n')[..2]);
        Assert.EndsWith("exit 0\n", r.Out);
    }
}
