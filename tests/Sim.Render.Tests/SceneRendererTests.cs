using System.Numerics;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;
using Xunit.Abstractions;
using static Sim.Render.Tests.PictureChecks;

namespace Sim.Render.Tests;

/// <summary>
/// Frames drawn by <see cref="SceneRenderer"/> (the window's and <c>sim render</c>'s one code path)
/// through SDL's offscreen driver, saved and read back: the checks are on real pixels.
/// </summary>
public class SceneRendererTests(ITestOutputHelper output)
{
    private sealed record Frame(Image Image, Camera3D Camera, Vector3[] Centres, bool[] Placed, float PanelWidth, SurfaceMesh Surface);

    private static string PicturePath(string name) => Path.Combine(Path.GetTempPath(), $"sim-scene-{name}.png");

    private Frame Render(World world, string name, Action<SceneRenderer>? configure = null, bool topDown = false, int width = 1280, int height = 720, int samples = 0)
    {
        string path = PicturePath(name);
        File.Delete(path);
        using var window = Window.InitWindow(width, height, "scene test", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows, samples: samples);
        configure?.Invoke(renderer);
        var camera = renderer.DefaultCamera(world);
        if (topDown) renderer.FrameCamera(camera, world, topDown: true);
        window.PollInputEvents();
        window.BeginDrawing(Theme.Standard.Background);
        renderer.Draw(world, camera, new FrameInfo());
        window.TakeScreenshot(path);
        window.EndDrawing();
        int n = world.Balls.Count;
        var centres = Enumerable.Range(0, n).Select(renderer.Positions.Centre).ToArray();
        var placed = Enumerable.Range(0, n).Select(renderer.Positions.IsPlaced).ToArray();
        output.WriteLine($"picture: {path}");
        return new Frame(Image.Load(path), camera, centres, placed, renderer.PanelWidth, renderer.Surface);
    }

    private static Ball NewBall(string optimizer, string lr, Point2 start, int colour)
    {
        var p = new Parameters();
        p.Add($"lr={lr}");
        return new Ball(optimizer, Colour.Palette[colour], OptimizerCatalog.Create(optimizer, p), start);
    }

    /// <summary>Also over a multisampled surface (a GPU's), whose picture is resolved so the balls can read its depth.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Each_ball_shows_its_own_colour_where_it_is_drawn(int samples)
    {
        // Five balls far apart on a bowl, slow enough to stay apart.
        Point2[] starts = [new(-2, 2), new(2, 2), new(-2, -2), new(2, -2), new(0, 2.4)];
        string[] optimizers = ["sgd", "adam", "rmsprop", "adagrad", "momentum"];
        var world = new World(LandscapeCatalog.Create("quadratic"), optimizers.Select((o, i) => NewBall(o, "0.001", starts[i], i)));
        for (int s = 0; s < 20; s++) world.Advance();
        var frame = Render(world, $"colours-{samples}", r => r.Layers.Arrows = false, samples: samples);

        for (int i = 0; i < world.Balls.Count; i++)
        {
            Assert.True(frame.Placed[i]);
            var at = frame.Camera.WorldToScreen(frame.Centres[i], frame.Image.Width, frame.Image.Height);
            Assert.True(at.X > frame.PanelWidth && at.X < frame.Image.Width && at.Y > 0 && at.Y < frame.Image.Height, $"ball {i} at {at} is off the picture or under the panel");
            var pixel = frame.Image.GetPixel((int)at.X, (int)at.Y);
            var own = Theme.From(world.Balls[i].Colour);
            output.WriteLine($"{world.Balls[i].Label} {own} at {at}: {pixel}");
            AssertSameHue(own, pixel, 0.97, $"ball {world.Balls[i].Label}");
            foreach (var other in world.Balls.Where(b => b != world.Balls[i]))
                Assert.True(Similarity(pixel, own) > Similarity(pixel, Theme.From(other.Colour)), $"{world.Balls[i].Label}'s pixel {pixel} looks more like {other.Label}'s colour");
        }
    }

    [Fact]
    public void The_default_scene_after_ten_seconds_shows_every_ball_on_the_surface_with_the_heads_up_text()
    {
        var world = DefaultScene.Scenario.CreateWorld();
        for (int s = 0; s < 600; s++) world.Advance();
        var frame = Render(world, "default");
        var colours = world.Balls.Select(b => Theme.From(b.Colour)).ToArray();
        for (int i = 0; i < world.Balls.Count; i++)
        {
            var at = frame.Camera.WorldToScreen(frame.Centres[i], frame.Image.Width, frame.Image.Height);
            var pixel = frame.Image.GetPixel((int)at.X, (int)at.Y);
            output.WriteLine($"{world.Balls[i].Label} at {at}: {pixel}");
            int nearest = Enumerable.Range(0, colours.Length).MaxBy(k => Similarity(pixel, colours[k]));
            Assert.True(nearest == i, $"{world.Balls[i].Label}'s pixel {pixel} looks most like {world.Balls[nearest].Label}'s colour");
            // Resting on the surface: the centre is one radius (or a little more, on a valley's walls) above it.
            var p = SurfaceMesh.ToPlane(frame.Centres[i]);
            float above = frame.Centres[i].Y - frame.Surface.HeightAt(p.X, p.Y);
            Assert.InRange(above, 0.99f * 0.033f * 4, 2.5f * 0.033f * 4);
        }
        // The heads-up display: a dark panel on the left with much white text in it.
        Assert.True(frame.PanelWidth > 200);
        int bright = BrightPixels(frame.Image, 0, 0, (int)frame.PanelWidth, 460);
        output.WriteLine($"bright text pixels in the panel: {bright}");
        Assert.True(bright > 3000, $"only {bright} bright pixels in the heads-up panel");
        var panel = frame.Image.GetPixel((int)frame.PanelWidth - 4, 440);
        Assert.True(panel.R < 40 && panel.G < 40 && panel.B < 40, $"panel background {panel} is not dark");
    }

    [Fact]
    public void The_surface_shows_the_colour_map_by_height()
    {
        var landscape = LandscapeCatalog.Create("quadratic");
        var world = new World(landscape, [NewBall("sgd", "0.01", new Point2(2.5, 2.5), 0)]);
        var frame = Render(world, "colour-map", r => { r.Layers.Arrows = false; r.Layers.Trails = false; }, topDown: true);
        int matches = 0, samples = 0;
        foreach (double x in new[] { -2.0, -1.0, 0.5, 1.0, 2.0 })
            foreach (double y in new[] { -2.0, -0.7, 0.3, 1.7 })
            {
                var at = frame.Camera.WorldToScreen(frame.Surface.ToWorld(x, y), frame.Image.Width, frame.Image.Height);
                var pixel = frame.Image.GetPixel((int)at.X, (int)at.Y);
                var expected = ColorMap.Viridis(frame.Surface.Level(landscape.Value(x, y)));
                samples++;
                bool ok = Similarity(pixel, expected) > 0.97 && Distance(pixel, Theme.Standard.Background) > 20;
                if (ok) matches++;
                output.WriteLine($"({x}, {y}) at {at}: {pixel}, viridis {expected}, {(ok ? "ok" : "differs")}");
            }
        Assert.True(matches >= samples * 8 / 10, $"only {matches} of {samples} surface samples show the colour map");
        // Low loss is dark violet, high loss is yellow: near the minimum is darker than a corner.
        var centre = frame.Image.GetPixel(ScreenX(frame, 0.4, -0.3), ScreenY(frame, 0.4, -0.3));
        var corner = frame.Image.GetPixel(ScreenX(frame, 2.8, 2.8), ScreenY(frame, 2.8, 2.8));
        Assert.True(corner.R + corner.G > centre.R + centre.G + 150, $"corner {corner} should be far brighter than the centre {centre}");
    }

    private static int ScreenX(Frame f, double x, double y) => (int)f.Camera.WorldToScreen(f.Surface.ToWorld(x, y), f.Image.Width, f.Image.Height).X;
    private static int ScreenY(Frame f, double x, double y) => (int)f.Camera.WorldToScreen(f.Surface.ToWorld(x, y), f.Image.Width, f.Image.Height).Y;

    [Fact]
    public void A_diverged_ball_is_grey_and_labelled_not_gone()
    {
        var landscape = LandscapeCatalog.Create("rosenbrock");
        var world = new World(landscape, [NewBall("sgd", "0.1", new Point2(-1.5, 2), 0), NewBall("adam", "0.01", new Point2(1.5, 2.5), 1)]);
        for (int s = 0; s < 50; s++) world.Advance();
        Assert.Equal(BallStatus.Diverged, world.Balls[0].Status);
        var frame = Render(world, "diverged", r => r.Layers.Arrows = false);
        Assert.True(frame.Placed[0], "the diverged ball has no place in the picture");
        var at = frame.Camera.WorldToScreen(frame.Centres[0], frame.Image.Width, frame.Image.Height);
        var pixel = frame.Image.GetPixel((int)at.X, (int)at.Y);
        output.WriteLine($"diverged ball at {at}: {pixel}");
        Assert.True(IsGrey(pixel) && pixel.R > 50, $"diverged ball pixel {pixel} is not grey");
        // Its label sits above it: white-ish text on a dark box.
        int bright = BrightPixels(frame.Image, (int)at.X - 200, (int)at.Y - 90, (int)at.X + 200, (int)at.Y - 5, 180);
        Assert.True(bright > 100, $"no label above the diverged ball ({bright} bright pixels)");
    }

    [Fact]
    public void On_a_data_landscape_the_mini_batch_surface_is_drawn_and_changes_with_the_batch()
    {
        var landscape = LandscapeCatalog.Create("linreg");
        var world = new World(landscape, [NewBall("sgd", "0.01", landscape.DefaultStart, 0)], batchSize: 4, seed: 3);
        world.Advance();
        var with = Render(world, "batch-on");
        var without = Render(world, "batch-off", r => r.Layers.BatchSurface = false);
        world.Advance();
        var next = Render(world, "batch-next");
        int differ = 0, differNext = 0;
        for (int y = 0; y < with.Image.Height; y += 4)
            for (int x = (int)with.PanelWidth; x < with.Image.Width; x += 4)
            {
                if (Distance(with.Image.GetPixel(x, y), without.Image.GetPixel(x, y)) > 30) differ++;
                if (Distance(with.Image.GetPixel(x, y), next.Image.GetPixel(x, y)) > 30) differNext++;
            }
        output.WriteLine($"pixels changed by the wire: {differ}; by the next batch: {differNext}");
        Assert.True(differ > 500, "the mini-batch surface is not visible");
        Assert.True(differNext > 100, "the mini-batch surface did not change with the batch");
    }

    [Fact]
    public void A_still_camera_draws_the_surface_once_and_a_moved_one_draws_it_again()
    {
        var world = DefaultScene.Scenario.CreateWorld();
        using var window = Window.InitWindow(320, 200, "scene test", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows, new SurfaceOptions { Resolution = 64 });
        var camera = renderer.DefaultCamera(world);
        void Draw()
        {
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(world, camera, new FrameInfo());
            window.EndDrawing();
        }
        for (int f = 0; f < 5; f++)
        {
            world.Advance();
            Draw();
        }
        Assert.Equal(1, renderer.SurfaceRedraws);
        camera.Orbit(0.1f, 0);
        Draw(); // moving: the coarse mesh
        Draw(); // still again: the full mesh, once
        Draw();
        Assert.Equal(3, renderer.SurfaceRedraws);
    }

    [Fact]
    public void Drawing_a_frame_allocates_nothing_once_warm_even_while_the_world_steps()
    {
        // Slow balls on a data landscape with mini-batches: losses, steps, epochs and the batch surface all
        // change every frame, and nobody converges or diverges (a label being written is allowed to allocate).
        var landscape = LandscapeCatalog.Create("linreg");
        var world = new World(landscape, [NewBall("sgd", "1e-4", landscape.DefaultStart, 0), NewBall("adam", "1e-4", new Point2(0, 0), 1)], batchSize: 8);
        using var window = Window.InitWindow(640, 360, "scene test", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows, new SurfaceOptions { Resolution = 64 });
        var camera = renderer.DefaultCamera(world);
        var info = new FrameInfo { Interpolation = 0.5f, FrameMilliseconds = 12.3 };
        void Draw()
        {
            world.Advance();
            window.PollInputEvents();
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(world, camera, info);
            window.EndDrawing();
        }
        // Warm up past tiered compilation, whose tier-up allocates a little now and then.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        for (int f = 0; f < 60 || warm.ElapsedMilliseconds < 1500; f++) Draw();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int f = 0; f < 30; f++) Draw();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(world.Balls, b => Assert.Equal(BallStatus.Running, b.Status));
    }

    [Fact]
    public void The_help_overlay_lists_every_key_over_the_scene()
    {
        var world = DefaultScene.Scenario.CreateWorld();
        var plain = Render(world, "no-help");
        var help = Render(world, "help", r => r.Layers.Help = true);
        int before = BrightPixels(plain.Image, 300, 60, 1000, 680, 150), after = BrightPixels(help.Image, 300, 60, 1000, 680, 150);
        output.WriteLine($"bright pixels without help {before}, with help {after}");
        Assert.True(after > before + 5000, "the help overlay added little text");
    }
}
