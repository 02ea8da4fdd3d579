using System.Numerics;
using Sim.Core;
using Sim.Core.Basins;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The basin map is drawn on the surface: near each of Himmelblau's minima the surface takes that minimum's colour.</summary>
public class BasinDrapeTests
{
    [Fact]
    public void Beside_each_minimum_the_draped_surface_has_the_colour_of_that_minimum()
    {
        var landscape = LandscapeCatalog.Create("himmelblau");
        var p = new Parameters();
        p.Add("lr=0.01");
        var world = new World(landscape, [new Ball("sgd", Colour.Palette[0], OptimizerCatalog.Create("sgd", p), landscape.DefaultStart)]);
        string path = Path.Combine(Path.GetTempPath(), $"sim-basin-drape-{Guid.NewGuid():N}.png");
        using (var window = Window.InitWindow(1280, 720, "drape test", WindowOptions.Headless with { Samples = 0 }))
        using (var renderer = new SceneRenderer(window, landscape, KeyBindings.HelpRows))
        {
            renderer.Layers.BasinMap = true;
            renderer.Layers.Trails = renderer.Layers.Arrows = renderer.Layers.Labels = false;
            var camera = renderer.DefaultCamera(world);
            renderer.FrameCamera(camera, world, topDown: true);
            window.PollInputEvents();
            renderer.Update(world, new FrameInfo());
            renderer.Basins.Mapper.Wait();
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(world, camera, new FrameInfo());
            window.TakeScreenshot(path);
            window.EndDrawing();

            var picture = Image.Load(path);
            File.Delete(path);
            var d = landscape.Domain;
            var centre = new Point2((d.XMin + d.XMax) / 2, (d.YMin + d.YMax) / 2);
            for (int k = 0; k < landscape.Minima.Count; k++)
            {
                var m = landscape.Minima[k];
                // Between the minimum's marker and the centre, well inside its basin under plain descent.
                var at = new Point2(m.X + 0.25 * (centre.X - m.X), m.Y + 0.25 * (centre.Y - m.Y));
                var screen = camera.WorldToScreen(renderer.Surface.ToWorld(at.X, at.Y), picture.Width, picture.Height);
                var pixel = picture.GetPixel((int)screen.X, (int)screen.Y);
                var own = Theme.From(BasinPicture.MinimumColour(k));
                for (int other = 0; other < landscape.Minima.Count; other++)
                    if (other != k)
                        Assert.True(PictureChecks.Similarity(pixel, own) > PictureChecks.Similarity(pixel, Theme.From(BasinPicture.MinimumColour(other))),
                            $"near minimum {k} ({m.X:F2}, {m.Y:F2}) the surface is {pixel}, closer to minimum {other}'s colour than to its own {own}");
            }
        }
    }
}
