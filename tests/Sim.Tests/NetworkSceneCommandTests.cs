using System.Globalization;
using Sim.Render.Platform;

namespace Sim.Tests;

/// <summary>
/// Network scenes on the commands that draw and export (<c>--data NAME --layers ...</c> or a network
/// scenario): every bad combination is one error line and exit 2 with no file; export writes the loss and
/// the projection onto one plane; trace refuses a network in one line.
/// </summary>
public sealed class NetworkSceneCommandTests : IDisposable
{
    private static readonly Dictionary<string, string?> Offscreen = new() { ["SDL_VIDEODRIVER"] = "offscreen" };
    private readonly string directory = Directory.CreateTempSubdirectory("sim-network-scene-").FullName;

    private string Scratch(string name) => Path.Combine(directory, name);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private const string Trace = "error: trace follows one point (x, y) of a 2-D landscape; ";

    public static TheoryData<string[], string> Errors() => new()
    {
        { ["render", "--data", "moons", "--landscape", "quadratic", "--steps", "3"], "error: --landscape cannot be combined with --data: a network scene trains on data" },
        { ["render", "--data", "moons", "--formula", "x*y", "--layers", "2,3,1", "--steps", "3"], "error: --formula cannot be combined with --data" },
        { ["render", "--data", "moons", "--layers", "2,3,1", "--start", "1,2", "--steps", "3"], "error: --start cannot be combined with --data" },
        { ["render", "--data", "moons", "--layers", "2,3,1", "--domain", "0,1,0,1", "--steps", "3"], "error: --domain cannot be combined with --data" },
        { ["render", "--layers", "2,3,1", "--steps", "3"], "error: --layers needs --data NAME|FILE.csv (a network scene)" },
        { ["render", "--landscape", "quadratic", "--init-seed", "2", "--steps", "3"], "error: --init-seed needs --data NAME|FILE.csv (a network scene)" },
        { ["render", "--data", "moons", "--steps", "3"], "error: --data needs --layers 2,H1,...,1" },
        { ["render", "--data", "moons", "--layers", "2,3,1", "--test-fraction", "1.5", "--steps", "3"], "error: --test-fraction 1.5 is out of range; expected 0 to 1" },
        { ["render", "--landscape", "quadratic", "--test-fraction", "0.2", "--steps", "3"], "error: --test-fraction needs --data NAME|FILE.csv (a network scene)" },
        { ["export", "--lesson", "ema", "--test-fraction", "0.2", "--steps", "3"], "error: --test-fraction needs --data NAME|FILE.csv (a network scene); a scenario or lesson brings its own" },
        { ["render", "--data", "moons", "--layers", "2,3,1", "--plane", "flat", "--steps", "3"], "error: --plane 'flat' is not a plane; expected random, balls or pca" },
        { ["render", "--landscape", "quadratic", "--plane", "pca", "--steps", "3"], "error: --plane applies to network scenes" },
        { ["render", "--plane", "pca", "--steps", "3"], "error: --plane needs a network scene" },
        { ["render", "--data", "moons", "--layers", "2,3,1", "--batch-size", "301", "--steps", "3"], "error: --batch-size 301 is out of range; expected 1 to 300" },
        { ["render", "--data", "moons", "--layers", "2,3,1", "--optimizer", "adam", "--param", "beta9=1", "--steps", "3"], "error: --param: unknown parameter 'beta9' for optimizers or schedule constant" },
        { ["render", "--data", "moons", "--layers", "2,3,1", "--scenario", "x.json", "--steps", "3"], "error: --data cannot be combined with --scenario" },
        { ["export", "--layers", "2,3,1", "--steps", "3"], "error: --layers needs --data NAME|FILE.csv (a network scene); a scenario or lesson brings its own" },
        { ["export", "--data", "moons", "--layers", "2,3,1", "--lesson", "ema", "--steps", "3"], "error: --lesson cannot be combined with --data; give one scene" },
        { ["export", "--data", "moons", "--layers", "2,3,1"], "error: --steps is required with --data" },
        { ["export", "--lesson", "ema", "--plane", "pca", "--steps", "3"], "error: --plane applies to network scenes" },
        { ["export", "--data", "nope", "--layers", "2,3,1", "--steps", "3"], "error: unknown data set 'nope'" },
        { ["trace", "--data", "moons", "--layers", "2,3,1", "--optimizer", "adam", "--steps", "3"], Trace + "moons is a network scene" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_combinations_are_one_error_line_exit_two_and_no_file(string[] args, string message)
    {
        string output = Scratch(args[0] == "render" ? "out.png" : "out.csv");
        var r = SimProcess.RunWith(Offscreen, [.. args, .. args[0] == "trace" ? [] : (string[])["--out", output]]);
        Assert.StartsWith(message, SimProcess.AssertError(r));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void The_window_checks_a_network_scene_before_it_opens()
    {
        var r = SimProcess.RunWith(Offscreen, "--data", "moons", "--layers", "2,3,1", "--plane", "sideways");
        Assert.Equal("error: --plane 'sideways' is not a plane; expected random, balls or pca", SimProcess.AssertError(r));
    }

    [Fact]
    public void A_network_scenario_renders_and_exports_and_trace_refuses_it()
    {
        string path = Scratch("network.json"), png = Scratch("n.png"), csv = Scratch("n.csv");
        File.WriteAllText(path, """{"network": {"data": "moons", "layers": [2, 5, 2, 1]}, "balls": [{"optimizer": "adam", "params": {"lr": 0.01}}, {"optimizer": "sgd", "params": {"lr": 0.1}}]}""");
        Assert.Equal(Trace + "network 2,5,2,1 relu is a network scene: use sim export --out FILE.csv (loss, a, b, off_plane on a plane) or sim train",
            SimProcess.AssertError(SimProcess.Run("trace", "--scenario", path, "--steps", "3")));
        var render = SimProcess.RunWith(Offscreen, "render", "--scenario", path, "--plane", "pca", "--steps", "30", "--size", "640x360", "--out", png);
        Assert.Equal("", render.Err);
        Assert.Equal((640, 360), (Image.Load(png).Width, Image.Load(png).Height));
        var export = SimProcess.Run("export", "--scenario", path, "--steps", "4", "--out", csv);
        Assert.Equal("", export.Err);
        Assert.Equal(1 + 2 * 5, File.ReadAllLines(csv).Length);
    }

    [Fact]
    public void Export_writes_loss_and_projection_onto_one_plane_and_the_two_balls_lie_on_theirs()
    {
        string csv = Scratch("balls.csv");
        var r = SimProcess.Run("export", "--data", "moons", "--layers", "2,5,2,1", "--optimizer", "sgd:lr=0.1", "--optimizer", "adam:lr=0.01",
            "--optimizer", "rmsprop:lr=0.01", "--batch-size", "64", "--plane", "balls", "--steps", "40", "--out", csv);
        Assert.Equal("", r.Err);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("ball,label,optimizer,step,loss,a,b,off_plane,learning_rate", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToArray();
        Assert.Equal(3 * 41, rows.Length);
        double Number(string[] row, int column) => double.Parse(row[column], CultureInfo.InvariantCulture);
        // Step 0: every ball at the shared start, the plane's centre; the same loss for all.
        foreach (var row in rows.Where(row => row[3] == "0"))
        {
            Assert.Equal((0.0, 0.0, 0.0), (Number(row, 5), Number(row, 6), Number(row, 7)));
            Assert.Equal(Number(rows[0], 4), Number(row, 4));
        }
        // The plane runs through balls 1 and 2 where they end; ball 3 is off it.
        var last = rows.Where(row => row[3] == "40").ToArray();
        Assert.True(Number(last[0], 7) < 1e-12 && Number(last[1], 7) < 1e-12, $"{last[0][7]}, {last[1][7]}");
        Assert.True(Number(last[2], 7) > 1e-3);
        Assert.Equal(0, Number(last[0], 6), 12); // ball 1 lies along d₁
        Assert.True(Number(last[1], 4) < Number(rows[0], 4), "Adam lowered the loss");
    }
}
