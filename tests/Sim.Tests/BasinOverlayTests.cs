using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Scene;

namespace Sim.Tests;

/// <summary>The window's basin map (<see cref="BasinMapper"/>) shows what <c>sim basins</c> draws, cell by cell.</summary>
public class BasinOverlayTests
{
    public static TheoryData<string, string[]> Settings => new()
    {
        { "himmelblau", new[] { "adam", "lr=0.1" } },
        { "himmelblau", new[] { "adam", "lr=0.1", "bias_correction=false" } },
        { "himmelblau", new[] { "sgd", "lr=0.01", "momentum=0.9" } },
        { "rastrigin", new[] { "sgd", "lr=0.04" } }, // some cells diverge
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Each_cell_of_the_overlay_has_the_colour_sim_basins_gives_its_start(string landscapeName, string[] rule)
    {
        const int grid = 32, steps = 300;
        var parameters = new Parameters();
        foreach (var p in rule.Skip(1)) parameters.Set(p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..]);
        var landscape = LandscapeCatalog.Create(landscapeName);
        var world = new World(landscape, [new Ball("ball", Colour.Palette[0], OptimizerCatalog.Create(rule[0], parameters), landscape.DefaultStart)]);
        using var mapper = new BasinMapper(grid, steps, threads: 2);
        mapper.Request(world, 0);
        mapper.Wait();
        var texels = mapper.Current!.Texels;

        var path = Path.Combine(Path.GetTempPath(), $"sim-basin-overlay-{Guid.NewGuid():N}.png");
        try
        {
            var args = new List<string> { "basins", "--landscape", landscapeName, "--optimizer", rule[0], "--grid", $"{grid}", "--steps", $"{steps}", "--out", path };
            foreach (var p in rule.Skip(1)) args.AddRange(["--param", p]);
            Assert.Equal(0, SimProcess.Run([.. args]).ExitCode);
            var picture = Image.Load(path);
            int scale = picture.Width / grid, compared = 0;
            for (int j = 0; j < grid; j++)
                for (int i = 0; i < grid; i++)
                {
                    int px = i * scale + scale / 2, py = (grid - 1 - j) * scale + scale / 2;
                    if (NearMarker(landscape, picture.Width, px, py)) continue;
                    var c = picture.GetPixel(px, py);
                    int k = (j * grid + i) * 4;
                    Assert.True((c.R, c.G, c.B) == (texels[k], texels[k + 1], texels[k + 2]),
                        $"cell ({i}, {j}): sim basins ({c.R}, {c.G}, {c.B}), overlay ({texels[k]}, {texels[k + 1]}, {texels[k + 2]})");
                    compared++;
                }
            Assert.True(compared > grid * grid * 9 / 10);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The picture marks each minimum with a dot the overlay has not: cells under one are not compared.</summary>
    private static bool NearMarker(Landscape landscape, int side, int px, int py)
    {
        var d = landscape.Domain;
        foreach (var m in landscape.Minima)
        {
            double mx = (m.X - d.XMin) / d.Width * side, my = (d.YMax - m.Y) / d.Height * side;
            if (Math.Abs(mx - px) < 12 && Math.Abs(my - py) < 12) return true;
        }
        return false;
    }
}
