using Sim.Render.Platform;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Tests;

/// <summary><c>sim render --panels</c> with the network panels: drawn on a network scene, refused on a 2-D one.</summary>
public class NetworkPanelCommandTests
{
    private static readonly Dictionary<string, string?> Offscreen = new() { ["SDL_VIDEODRIVER"] = "offscreen" };

    private static string TempPng(string name) => Path.Combine(Path.GetTempPath(), $"sim-cli-{name}-{Guid.NewGuid():N}.png");

    /// <summary>Pixels of the right-hand third within 30 of <paramref name="colour"/>.</summary>
    private static int Near(Image image, Color colour)
    {
        int n = 0;
        for (int y = 0; y < image.Height; y++)
            for (int x = image.Width * 2 / 3; x < image.Width; x++)
            {
                var p = image.GetPixel(x, y);
                if (Math.Abs(p.R - colour.R) + Math.Abs(p.G - colour.G) + Math.Abs(p.B - colour.B) < 30) n++;
            }
        return n;
    }

    [Fact]
    public void The_network_panels_render_on_a_network_scene_with_its_classes_and_spectrum()
    {
        string plain = TempPng("network-plain"), panels = TempPng("network-panels");
        string[] scene = ["--data", "lab_moons", "--layers", "2,5,2,1", "--optimizer", "adam:lr=0.01", "--optimizer", "sgd:lr=0.1",
            "--batch-size", "64", "--steps", "300", "--size", "1024x768"];
        try
        {
            var r = SimProcess.RunWith(Offscreen, ["render", .. scene, "--panels", "none", "--out", plain]);
            Assert.Equal("", r.Err);
            r = SimProcess.RunWith(Offscreen, ["render", .. scene, "--panels", "boundary,accuracy,spectrum", "--select", "2", "--out", panels]);
            Assert.Equal("", r.Err);
            Assert.Equal(0, r.ExitCode);
            Image with = Image.Load(panels), without = Image.Load(plain);
            var theme = Theme.Standard;
            // The boundary's regions and points in the two class colours, only with the panel open.
            Assert.True(Near(with, theme.ClassZero) > 500, $"{Near(with, theme.ClassZero)} pixels of class 0");
            Assert.True(Near(with, theme.ClassOne) > 500, $"{Near(with, theme.ClassOne)} pixels of class 1");
            Assert.True(Near(without, theme.ClassZero) < 50 && Near(without, theme.ClassOne) < 50);
            // The spectrum's positive bars.
            Assert.True(Near(with, theme.Good) > 100, $"{Near(with, theme.Good)} pixels of positive eigenvalues");
        }
        finally
        {
            File.Delete(plain);
            File.Delete(panels);
        }
    }

    [Theory]
    [InlineData("boundary", "--landscape", "rosenbrock")]
    [InlineData("spectrum", "--scenario-less-default")]
    public void On_a_2D_scene_each_network_panel_is_one_error_line_exit_2_and_no_file(string panel, params string[] scene)
    {
        string output = TempPng("network-panel-2d");
        string[] args = scene[0] == "--scenario-less-default" ? [] : scene;
        var r = SimProcess.RunWith(Offscreen, ["render", .. args, "--steps", "3", "--panels", $"loss,{panel}", "--out", output]);
        string landscape = args.Length > 0 ? args[1] : "rosenbrock";
        Assert.Equal($"error: --panels: {panel} is for network scenes (--data, a scenario's network); {landscape} is a 2-D landscape", SimProcess.AssertError(r));
        Assert.False(File.Exists(output));
    }
}
