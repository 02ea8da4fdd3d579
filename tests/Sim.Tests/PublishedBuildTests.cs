using System.Buffers.Binary;
using System.Diagnostics;
using Sim.Render.Platform;

namespace Sim.Tests;

/// <summary>
/// The one-file downloads of scripts/publish.sh: where ./test has published them it passes their folder as
/// SIM_DIST; run alone, these tests publish into a temporary folder first (a few minutes).
/// </summary>
public sealed class PublishedBuilds : IDisposable
{
    public static readonly string[] Runtimes = ["linux-x64", "win-x64", "osx-arm64"];

    private readonly string? _temporary;

    public string Folder { get; }

    public PublishedBuilds()
    {
        if (Environment.GetEnvironmentVariable("SIM_DIST") is { Length: > 0 } dist)
        {
            Folder = dist;
            return;
        }
        Folder = _temporary = Directory.CreateTempSubdirectory("sim-dist-").FullName;
        var start = new ProcessStartInfo(Path.Join(RepositoryRoot, "scripts", "publish.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string rid in Runtimes) start.ArgumentList.Add(rid);
        start.Environment["SIM_DIST"] = Folder;
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/publish.sh failed: {err.Result}");
    }

    /// <summary>The folder holding Sim.sln, above the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Join(dir.FullName, "Sim.sln"))) return dir.FullName;
            throw new InvalidOperationException($"no Sim.sln above {AppContext.BaseDirectory}");
        }
    }

    public string Program(string runtime) => Path.Join(Folder, runtime, runtime.StartsWith("win-", StringComparison.Ordinal) ? "sim.exe" : "sim");

    public void Dispose()
    {
        if (_temporary != null) Directory.Delete(_temporary, recursive: true);
    }
}

public sealed class PublishedBuildTests(PublishedBuilds builds) : IClassFixture<PublishedBuilds>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("sim-published-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>Runs the Linux download as a user without .NET would: `env -i`, so no PATH, no dotnet, no DOTNET_ROOT, no DISPLAY.</summary>
    private SimProcess.Result RunClean(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _work };
        foreach (string a in (string[])["-i", builds.Program("linux-x64"), .. args]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new SimProcess.Result(process.ExitCode, output, err.Result);
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("win-x64")]
    [InlineData("osx-arm64")]
    public void Each_download_is_one_file(string runtime)
    {
        Assert.Equal([builds.Program(runtime)], Directory.GetFiles(Path.Join(builds.Folder, runtime)));
    }

    [Fact]
    public void Linux_download_renders_a_png_of_the_asked_size_in_a_clean_environment_with_the_same_pixels_as_the_build()
    {
        string[] scene = ["render", "--landscape", "rosenbrock", "--optimizer", "adam:lr=0.05", "--optimizer", "sgd:lr=0.001", "--steps", "60", "--size", "480x270"];
        var r = RunClean([.. scene, "--out", "frame.png"]);
        Assert.Equal((0, "", ""), (r.ExitCode, r.Err, r.Out));
        var published = Image.Load(Path.Join(_work, "frame.png"));
        Assert.Equal((480, 270), (published.Width, published.Height));

        string built = Path.Join(_work, "built.png");
        Assert.Equal(0, SimProcess.Run([.. scene, "--out", built]).ExitCode);
        var expected = Image.Load(built);
        int different = 0;
        for (int y = 0; y < 270; y++)
            for (int x = 0; x < 480; x++)
                if (published.GetPixel(x, y) != expected.GetPixel(x, y)) different++;
        Assert.Equal(0, different);
    }

    [Fact]
    public void Linux_download_traces_the_same_csv_as_the_build_in_a_clean_environment()
    {
        // linreg with decorrelate runs MathNet's eigen-decomposition: trimming must have kept what it needs.
        string[] trace = ["trace", "--landscape", "linreg", "--optimizer", "adam", "--param", "lr=0.05", "--param", "decorrelate=true",
            "--param", "center=true", "--param", "scale=true", "--batch-size", "8", "--seed", "3", "--steps", "40"];
        var r = RunClean(trace);
        Assert.Equal((0, ""), (r.ExitCode, r.Err));
        Assert.StartsWith("step,x,y,loss\n", r.Out);
        Assert.Equal(42, r.Out.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(SimProcess.Run(trace).Out, r.Out);
    }

    [Fact]
    public void Linux_download_reads_a_scenario_file_in_a_clean_environment()
    {
        File.WriteAllText(Path.Join(_work, "race.json"), """
            { "landscape": {"name": "quadratic", "params": {"condition": 20}}, "start": [-2, 1],
              "balls": [ {"optimizer": "sgd", "params": {"lr": 0.02, "momentum": 0.9}}, {"optimizer": "adam", "params": {"lr": 0.1}} ] }
            """);
        var r = RunClean("trace", "--scenario", "race.json", "--steps", "30");
        Assert.Equal((0, ""), (r.ExitCode, r.Err));
        Assert.Equal(SimProcess.Run("trace", "--scenario", Path.Join(_work, "race.json"), "--steps", "30").Out, r.Out);

        File.WriteAllText(Path.Join(_work, "bad.json"), """{ "landscape": "quadratic", "balls": [ {"optimizer": "adamm"} ] }""");
        string line = SimProcess.AssertError(RunClean("trace", "--scenario", "bad.json", "--steps", "3"));
        Assert.StartsWith("error: bad.json: balls[0].optimizer: unknown optimizer 'adamm'", line);
    }

    [Fact]
    public void Linux_download_trains_saves_and_reloads_weights_as_the_build_does()
    {
        // The weights file is JSON both ways: trimming must have kept what reading and writing it needs.
        string[] train = ["train", "--data", "moons", "--layers", "2,6,1", "--optimizer", "adam", "--param", "lr=0.02", "--epochs", "4", "--init-seed", "3"];
        var r = RunClean([.. train, "--save", "w.json"]);
        Assert.Equal((0, ""), (r.ExitCode, r.Err));
        string built = Path.Join(_work, "built.json");
        var expected = SimProcess.Run([.. train, "--save", built]);
        Assert.Equal(expected.Out, r.Out);
        Assert.Equal(File.ReadAllText(built), File.ReadAllText(Path.Join(_work, "w.json")));

        string[] resume = ["train", "--data", "moons", "--layers", "2,6,1", "--optimizer", "sgd", "--epochs", "2"];
        var again = RunClean([.. resume, "--init", "w.json"]);
        Assert.Equal((0, ""), (again.ExitCode, again.Err));
        Assert.Equal(SimProcess.Run([.. resume, "--init", built]).Out, again.Out);
    }

    [Fact]
    public void Linux_download_maps_the_basins_of_a_formula_to_the_same_png_as_the_build()
    {
        // A formula's derivatives are compiled at run time (System.Linq.Expressions), which trimming must leave working.
        string[] basins = ["basins", "--formula", "x^2 + 3*sin(y)", "--optimizer", "sgd", "--param", "lr=0.05", "--grid", "24", "--steps", "40"];
        var r = RunClean([.. basins, "--out", "basins.png"]);
        Assert.Equal((0, ""), (r.ExitCode, r.Err));
        string built = Path.Join(_work, "built.png");
        Assert.Equal(0, SimProcess.Run([.. basins, "--out", built]).ExitCode);
        var published = Image.Load(Path.Join(_work, "basins.png"));
        var expected = Image.Load(built);
        Assert.Equal((expected.Width, expected.Height), (published.Width, published.Height));
        Assert.Equal(File.ReadAllBytes(built), File.ReadAllBytes(Path.Join(_work, "basins.png")));
    }

    [Fact]
    public void Windows_download_is_a_64_bit_x64_console_program()
    {
        byte[] exe = File.ReadAllBytes(builds.Program("win-x64"));
        Assert.Equal("MZ"u8.ToArray(), exe[..2]);
        int pe = BinaryPrimitives.ReadInt32LittleEndian(exe.AsSpan(0x3C));
        Assert.Equal("PE\0\0"u8.ToArray(), exe[pe..(pe + 4)]);
        Assert.Equal(0x8664, BinaryPrimitives.ReadUInt16LittleEndian(exe.AsSpan(pe + 4))); // IMAGE_FILE_MACHINE_AMD64
        int optional = pe + 24;
        Assert.Equal(0x20B, BinaryPrimitives.ReadUInt16LittleEndian(exe.AsSpan(optional))); // PE32+
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(exe.AsSpan(optional + 68))); // IMAGE_SUBSYSTEM_WINDOWS_CUI
    }

    [Fact]
    public void MacOS_download_is_a_signed_arm64_mach_o_executable()
    {
        byte[] file = File.ReadAllBytes(builds.Program("osx-arm64"));
        var header = file.AsSpan();
        Assert.Equal(0xFEEDFACFu, BinaryPrimitives.ReadUInt32LittleEndian(header)); // MH_MAGIC_64
        Assert.Equal(0x0100000C, BinaryPrimitives.ReadInt32LittleEndian(header[4..])); // CPU_TYPE_ARM64
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(header[12..])); // MH_EXECUTE
        // Apple silicon runs only signed code: the SDK signs the bundle ad hoc (LC_CODE_SIGNATURE) even off a Mac.
        uint commands = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        var found = new List<uint>();
        int offset = 32;
        for (int i = 0; i < commands; i++)
        {
            found.Add(BinaryPrimitives.ReadUInt32LittleEndian(header[offset..]));
            offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(header[(offset + 4)..]);
        }
        Assert.Contains(0x1Du, found); // LC_CODE_SIGNATURE
    }
}
