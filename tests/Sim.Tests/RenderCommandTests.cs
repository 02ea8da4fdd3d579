using Sim.Render;
using Sim.Render.Platform;
using Sim.Render.Scene;

namespace Sim.Tests;

/// <summary><c>sim render</c>, <c>sim bench-render</c> and the window as a user runs them, headless.</summary>
public class RenderCommandTests
{
    private static readonly Dictionary<string, string?> Offscreen = new() { ["SDL_VIDEODRIVER"] = "offscreen" };

    private static string TempPng(string name) => Path.Combine(Path.GetTempPath(), $"sim-cli-{name}-{Guid.NewGuid():N}.png");

    [Fact]
    public void Render_writes_a_png_of_the_asked_size_with_no_x_server()
    {
        string path = TempPng("render");
        var r = SimProcess.RunWith(new Dictionary<string, string?> { ["DISPLAY"] = null, ["SDL_VIDEODRIVER"] = null },
            "render", "--steps", "120", "--out", path, "--size", "800x450");
        try
        {
            Assert.Equal("", r.Err);
            Assert.Equal(0, r.ExitCode);
            var image = Image.Load(path);
            Assert.Equal((800, 450), (image.Width, image.Height));
            // The default scene: the side panel's text and the colour-mapped surface are both there.
            int bright = 0, coloured = 0;
            for (int y = 0; y < 450; y += 3)
                for (int x = 0; x < 800; x += 3)
                {
                    var p = image.GetPixel(x, y);
                    if (p.R > 200 && p.G > 200 && p.B > 200) bright++;
                    for (double t = 0.05; t < 1; t += 0.05)
                        if (Similar(p, ColorMap.Viridis(t))) { coloured++; break; }
                }
            Assert.True(bright > 40, $"{bright} text pixels (one in nine sampled)");
            Assert.True(coloured > 2000, $"{coloured} surface pixels (one in nine sampled)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool Similar(Color a, Color b) => Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B) < 60 && a != Theme.Standard.Background;

    [Fact]
    public void Render_draws_exactly_the_same_frame_twice()
    {
        string a = TempPng("a"), b = TempPng("b");
        try
        {
            string[] scene = ["--landscape", "linreg", "--optimizer", "sgd:lr=0.05", "--optimizer", "adam:lr=0.1", "--batch-size", "8", "--seed", "3", "--steps", "40", "--size", "640x360"];
            Assert.Equal(0, SimProcess.Run(["render", .. scene, "--out", a]).ExitCode);
            Assert.Equal(0, SimProcess.Run(["render", .. scene, "--out", b]).ExitCode);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Theory]
    [InlineData("unknown landscape 'nope'", "--landscape", "nope", "--steps", "5")]
    [InlineData("--steps is required")]
    [InlineData("must name a .png file", "--steps", "5", "--out", "x.jpg")]
    [InlineData("does not exist", "--steps", "5", "--out", "/nonexistent-folder/x.png")]
    [InlineData("--lesson 'intro'", "--lesson", "intro", "--steps", "5")]
    [InlineData("cannot be combined with --scenario", "--scenario", "race.json", "--landscape", "quadratic", "--steps", "5")]
    [InlineData("is not a size", "--steps", "5", "--size", "12")]
    [InlineData("unknown optimizer 'adamm'", "--landscape", "quadratic", "--optimizer", "adamm", "--steps", "5")]
    [InlineData("unknown parameter 'foo'", "--landscape", "quadratic", "--optimizer", "adam:foo=1", "--steps", "5")]
    [InlineData("--batch-size applies to data landscapes", "--landscape", "quadratic", "--batch-size", "4", "--steps", "5")]
    public void Bad_input_is_one_error_line_exit_2_and_no_file(string expected, params string[] args)
    {
        string path = TempPng("bad");
        var full = args.Contains("--out") ? args : [.. args, "--out", path];
        var r = SimProcess.Run(["render", .. full]);
        Assert.Contains(expected, SimProcess.AssertError(r));
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void An_unwritable_out_is_one_line_nonzero_and_no_file()
    {
        // sysfs refuses new files even to root.
        var r = SimProcess.Run("render", "--steps", "1", "--out", "/sys/sim-render.png", "--size", "320x200");
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Err.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.False(File.Exists("/sys/sim-render.png"));
    }

    [Fact]
    public void The_window_with_no_command_opens_the_default_scene_and_saves_a_timed_screenshot()
    {
        string path = TempPng("window");
        var r = SimProcess.RunWith(Offscreen, "--screenshot-after", "0.5", path, "--size", "640x360");
        try
        {
            Assert.Equal("", r.Err);
            Assert.Equal(0, r.ExitCode);
            var image = Image.Load(path);
            Assert.Equal((640, 360), (image.Width, image.Height));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_a_display_the_window_says_what_to_do_in_one_line()
    {
        var r = SimProcess.RunWith(new Dictionary<string, string?> { ["DISPLAY"] = null, ["WAYLAND_DISPLAY"] = null, ["SDL_VIDEODRIVER"] = null });
        Assert.Equal(1, r.ExitCode);
        var lines = r.Err.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: no display available", lines[0]);
        Assert.Contains("sim render", lines[0]);
        Assert.Contains("SDL_VIDEODRIVER=offscreen", lines[0]);
    }

    [Fact]
    public void Bench_render_prints_one_line_per_case_and_a_summary()
    {
        var r = SimProcess.Run("bench-render", "--frames", "10", "--cases", "empty,default", "--size", "320x200", "--resolution", "64");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("renderer: ", lines[0]);
        Assert.Matches(@"^startup_ms: \d+$", lines[1]);
        Assert.Matches(@"^empty: fps [\d.]+, ms_per_frame [\d.]+, allocated_bytes_per_frame \d+, frames 10$", lines[2]);
        Assert.Matches(@"^default: fps [\d.]+, ", lines[3]);
        Assert.StartsWith("summary: default scene ", lines[^1]);
    }
}
