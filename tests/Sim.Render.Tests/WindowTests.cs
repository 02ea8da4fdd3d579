using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Render.Platform;
using Xunit;
using Xunit.Abstractions;

namespace Sim.Render.Tests;

/// <summary>
/// Renders for real through SDL's offscreen (EGL) driver: no X server needed, but the Debian libraries
/// (libsdl2-2.0-0, libsdl2-ttf-2.0-0, Mesa) must be installed.
/// </summary>
public class WindowTests(ITestOutputHelper output)
{
    private static readonly Color Background = new(16, 18, 24);

    /// <summary>Where the smoke picture is kept for a person to look at.</summary>
    public static string SmokePicture => Path.Combine(Path.GetTempPath(), "sim-render-smoke.png");

    private static Window Open(int width = 640, int height = 360) =>
        Window.InitWindow(width, height, "Sim.Render tests", WindowOptions.Headless);

    /// <summary>What the window shows now (call inside a frame), read back from a screenshot that is then deleted.</summary>
    private static Image Screenshot(Window window, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sim-{name}-{Environment.ProcessId}.png");
        try
        {
            window.TakeScreenshot(path);
            return Image.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Headless_scene_shows_surface_spheres_line_and_text_in_the_saved_png()
    {
        var landscape = new Quadratic();
        var surface = new SurfaceMesh(landscape, new SurfaceOptions { Resolution = 128 });
        var camera = new Camera3D { Yaw = 0.52f, Pitch = 0.75f, FovY = 40 };
        var (centre, radius) = surface.Bounds;
        camera.Frame(centre, radius * 0.8f);

        const float r = 0.3f;
        var spheres = new[]
        {
            new SphereInstance(surface.ToWorld(-1.5, 1.0, r), r, new Color(230, 50, 50)),
            new SphereInstance(surface.ToWorld(1.5, 1.0, r), r, new Color(60, 120, 255)),
            new SphereInstance(surface.ToWorld(0, -0.8, r), r, new Color(255, 150, 20)),
        };
        float top = surface.DisplayHeight + 0.6f;
        var line = new[] { new LineSegment(new Vector3(-2.5f, top, 0), new Vector3(2.5f, top, 0), new Color(40, 255, 90)) };

        string path = SmokePicture;
        File.Delete(path);
        int width, height;
        using (var window = Open())
        {
            output.WriteLine($"{window.VideoDriver}: {window.GlRenderer}, {window.GlVersion}, {window.Samples}x MSAA");
            (width, height) = (window.Width, window.Height);
            using var mesh = window.UploadMesh(surface.Vertices, surface.Indices);
            window.PollInputEvents();
            window.BeginDrawing(Background);
            window.BeginMode3D(camera);
            window.DrawMesh(mesh);
            window.DrawSpheres(spheres);
            window.DrawLines3D(line, 6f);
            window.EndMode3D();
            window.DrawRectangle(8, 8, 180, 56, new Color(0, 0, 0, 200));
            window.DrawText("Sim", 20, 14, 36, Color.White);
            window.TakeScreenshot(path);
            window.EndDrawing();
        }
        output.WriteLine($"picture: {path}");

        Assert.True(File.Exists(path), $"no screenshot at {path}");
        Assert.False(File.Exists(path + ".tmp"), "temporary file left behind");
        var image = Image.Load(path);
        Assert.Equal((640, 360), (image.Width, image.Height));
        Assert.Equal((640, 360), (width, height));

        // Each sphere's centre shows that sphere's colour (lit, so compared by hue and rough brightness).
        foreach (var s in spheres)
        {
            var at = camera.WorldToScreen(s.Position, width, height);
            var pixel = image.GetPixel((int)at.X, (int)at.Y);
            output.WriteLine($"sphere {s.Color} at {at}: {pixel}");
            AssertSameHue(s.Color, pixel, 0.97, $"sphere {s.Color} at {at}");
            foreach (var other in spheres)
                if (other.Color != s.Color)
                    Assert.True(Similarity(pixel, s.Color) > Similarity(pixel, other.Color), $"sphere {s.Color} pixel {pixel} looks more like {other.Color}");
        }

        // The line's middle is the line's colour.
        var mid = camera.WorldToScreen(new Vector3(0, top, 0), width, height);
        AssertSameHue(line[0].ColorA, image.GetPixel((int)mid.X, (int)mid.Y), 0.97, $"line at {mid}");

        // The surface shows the colour map: most sample points have viridis' hue at their level.
        int matches = 0, samples = 0;
        foreach (double x in new[] { -2.0, -1.0, 0.0, 1.0, 2.0 })
            foreach (double y in new[] { 0.3, 1.8 })
            {
                var at = camera.WorldToScreen(surface.ToWorld(x, y), width, height);
                var pixel = image.GetPixel((int)at.X, (int)at.Y);
                var expected = ColorMap.Viridis(surface.Level(landscape.Value(x, y)));
                samples++;
                bool ok = Similarity(pixel, expected) > 0.97 && Distance(pixel, Background) > 20;
                if (ok) matches++;
                output.WriteLine($"surface ({x}, {y}) at {at}: {pixel}, viridis {expected}, {(ok ? "ok" : "differs")}");
            }
        Assert.True(matches >= samples * 8 / 10, $"only {matches} of {samples} surface samples show the colour map");

        // The text box: dark rectangle with white text pixels in it.
        int bright = 0, dark = 0;
        for (int y = 14; y < 60; y++)
            for (int x = 20; x < 100; x++)
            {
                var p = image.GetPixel(x, y);
                if (p.R > 200 && p.G > 200 && p.B > 200) bright++;
                else if (p.R < 20 && p.G < 20 && p.B < 20) dark++;
            }
        Assert.True(bright > 80, $"text region has only {bright} white pixels");
        Assert.True(dark > 500, $"text box has only {dark} dark pixels");
    }

    [Fact]
    public void Screenshot_into_a_missing_folder_fails_and_leaves_no_file()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sim-render-no-such-folder-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, "x.png");
        using var window = Open(64, 64);
        window.BeginDrawing(Background);
        Assert.Throws<PlatformError>(() => window.TakeScreenshot(path));
        window.EndDrawing();
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Failed_png_write_leaves_neither_file_nor_temporary()
    {
        // A folder where the PNG should go makes the final rename fail after the temp file was written.
        string dir = Path.Combine(Path.GetTempPath(), "sim-render-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(dir, "blocked.png");
        Directory.CreateDirectory(path);
        try
        {
            using var window = Open(64, 64);
            window.BeginDrawing(Background);
            Assert.ThrowsAny<Exception>(() => window.TakeScreenshot(path));
            window.EndDrawing();
            Assert.False(File.Exists(path + ".tmp"));
            Assert.True(Directory.Exists(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Drawing_outside_a_frame_or_3D_scope_is_refused()
    {
        using var window = Open(64, 64);
        Assert.Throws<InvalidOperationException>(() => window.DrawRectangle(0, 0, 1, 1, Color.White));
        window.BeginDrawing(Background);
        Assert.Throws<InvalidOperationException>(() => window.DrawSpheres([new SphereInstance(Vector3.Zero, 1, Color.White)]));
        window.EndDrawing();
        Assert.Throws<InvalidOperationException>(() => Open(64, 64));
    }

    [Fact]
    public void A_frame_is_cleared_unless_a_picture_covers_it_and_3D_over_the_picture_is_not_hidden_by_old_depth()
    {
        using var window = Open(64, 64);
        string path = Path.Combine(Path.GetTempPath(), $"sim-clear-{Environment.ProcessId}.png");
        var camera = new Camera3D { Target = Vector3.Zero, Distance = 5, Yaw = 0, Pitch = 0, FovY = 45 };
        var wall = new[] { new SphereInstance(Vector3.Zero, 3, new Color(200, 40, 40)) };
        var line = new[] { new LineSegment(new Vector3(-2, 0, -4), new Vector3(2, 0, -4), new Color(40, 220, 60)) };
        try
        {
            // A frame that leaves depth near the camera everywhere and red on screen.
            window.BeginDrawing(Background);
            window.BeginMode3D(camera);
            window.DrawSpheres(wall);
            window.EndMode3D();
            window.EndDrawing();
            // A picture covering the window replaces the clear; a line behind where the old sphere was still shows.
            using var picture = window.LoadRenderTarget(window.Width, window.Height);
            window.BeginDrawing(Background);
            window.BeginTextureMode(picture, new Color(20, 30, 200));
            window.EndTextureMode();
            window.DrawRenderTarget(picture);
            window.BeginMode3D(camera);
            window.DrawLines3D(line, 6f);
            window.EndMode3D();
            window.TakeScreenshot(path);
            window.EndDrawing();
            var image = Image.Load(path);
            AssertSameHue(new Color(20, 30, 200), image.GetPixel(4, 4), 0.97, "the picture's corner");
            AssertSameHue(line[0].ColorA, image.GetPixel(32, 32), 0.97, "the line over the picture");
            // Nothing drawn: the screenshot is the background (the deferred clear still happens).
            window.BeginDrawing(Background);
            window.TakeScreenshot(path);
            window.EndDrawing();
            var cleared = Image.Load(path).GetPixel(32, 32);
            Assert.True(Distance(cleared, Background) < 4, $"an empty frame shows {cleared}, not the background");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Three_d_over_a_backdrop_hides_behind_its_depth_and_stops_at_its_room()
    {
        using var window = Open(64, 64);
        var camera = new Camera3D { Target = Vector3.Zero, Distance = 5, Yaw = 0, Pitch = 0, FovY = 45 };
        var red = new Color(200, 40, 40);
        var behind = new[] { new LineSegment(new Vector3(-3, 0, -4), new Vector3(3, 0, -4), new Color(40, 220, 60)) };
        var before = new[] { new LineSegment(new Vector3(-3, 0.3f, 2), new Vector3(3, 0.3f, 2), new Color(230, 210, 30)) };
        using var picture = window.LoadRenderTarget(window.Width, window.Height);
        window.BeginDrawing(Background);
        window.BeginTextureMode(picture, new Color(20, 30, 200));
        window.BeginMode3D(camera);
        window.DrawSpheres([new SphereInstance(Vector3.Zero, 1, red)]);
        window.EndMode3D();
        window.EndTextureMode();
        // The picture fills the left 48 columns; the 3D is drawn on the window, not into the picture.
        var backdrop = new Backdrop(picture, 48, window.Height);
        window.DrawBackdrop(backdrop);
        window.BeginMode3D(camera, backdrop);
        window.DrawLines3D(behind, 6f);
        window.DrawLines3D(before, 6f);
        window.EndMode3D();
        var image = Screenshot(window, "backdrop");
        window.EndDrawing();
        AssertSameHue(new Color(20, 30, 200), image.GetPixel(4, 4), 0.97, "the backdrop's corner");
        AssertSameHue(red, image.GetPixel(32, 32), 0.97, "the sphere in the backdrop, in front of the far line");
        AssertSameHue(before[0].ColorA, image.GetPixel(32, 24), 0.97, "the near line, in front of the sphere");
        AssertSameHue(behind[0].ColorA, image.GetPixel(8, 32), 0.97, "the far line where the backdrop is empty");
        foreach (var (x, y) in new[] { (60, 32), (60, 24), (60, 4) })
            Assert.True(Distance(image.GetPixel(x, y), Background) < 4, $"({x}, {y}) is right of the backdrop's room: {image.GetPixel(x, y)}, not the background");
    }

    [Fact]
    public void Balls_within_a_hair_of_each_other_show_the_last_one_whole_not_confetti()
    {
        using var window = Open(64, 64);
        var camera = new Camera3D { Target = Vector3.Zero, Distance = 5, Yaw = 0.3f, Pitch = 0.4f, FovY = 45 };
        Color first = new(220, 40, 40), last = new(40, 200, 220);
        // Three balls that met at a minimum: their centres differ by rounding, far less than a pixel.
        var balls = new[]
        {
            new SphereInstance(new Vector3(1e-4f, 0, -1e-4f), 1, first),
            new SphereInstance(new Vector3(-1e-4f, 1e-4f, 0), 1, first),
            new SphereInstance(Vector3.Zero, 1, last),
        };
        window.BeginDrawing(Background);
        window.BeginMode3D(camera);
        window.DrawSpheres(balls);
        window.EndMode3D();
        var image = Screenshot(window, "confetti");
        window.EndDrawing();
        int wrong = 0;
        for (int y = 24; y < 40; y++)
            for (int x = 24; x < 40; x++)
                if (Similarity(first, image.GetPixel(x, y)) > Similarity(last, image.GetPixel(x, y))) wrong++;
        Assert.True(wrong == 0, $"{wrong} of 256 pixels in the middle of the last ball show another ball's colour");
    }

    [Fact]
    public void Text_renders_each_glyph_once_however_many_strings_use_it()
    {
        using var window = Open(64, 64);
        window.BeginDrawing(Background);
        for (int i = 0; i < 520; i++) window.DrawText(i.ToString(), 0, 0, 10, Color.White);
        window.EndDrawing();
        Assert.Equal(10, window.CachedGlyphCount); // the digits, at one size
        window.BeginDrawing(Background);
        window.DrawText("0123456789", 0, 0, 10, Color.White);
        window.DrawText("1", 0, 0, 12, Color.White);
        window.EndDrawing();
        Assert.Equal(11, window.CachedGlyphCount);
        var one = window.MeasureText("kept", 10);
        Assert.Equal(one, window.MeasureText("kept", 10));
        var two = window.MeasureText("kept\nkept", 10);
        Assert.Equal(one.X, two.X);
        Assert.True(two.Y > 1.8f * one.Y, $"two lines {two.Y} vs one {one.Y}");
        Assert.True(window.MeasureText("kept kept", 10).X > 1.9f * one.X);
    }

    [Fact]
    public unsafe void Keyboard_mouse_and_resize_events_reach_the_input_snapshot()
    {
        using var window = Open(64, 64);
        Push(new SdlEvent { Type = SdlEvent.KeyDown, KeySym = (int)Key.Space });
        Push(new SdlEvent { Type = SdlEvent.KeyDown, KeySym = (int)Key.Right });
        Push(new SdlEvent { Type = SdlEvent.MouseButtonDown, Button = (byte)MouseButton.Left, ButtonX = 5, ButtonY = 6 });
        Push(new SdlEvent { Type = SdlEvent.MouseMotion, MotionX = 30, MotionY = 40, MotionXRel = 3, MotionYRel = -4 });
        Push(new SdlEvent { Type = SdlEvent.MouseWheel, WheelY = 1, WheelPreciseY = 1.5f });
        var input = window.PollInputEvents();
        Assert.True(input.IsKeyPressed(Key.Space));
        Assert.True(input.IsKeyDown(Key.Right));
        Assert.Equal([Key.Space, Key.Right], input.KeysPressed);
        Assert.True(input.IsMouseButtonPressed(MouseButton.Left));
        Assert.Equal(new Vector2(30, 40), input.MousePosition);
        Assert.Equal(new Vector2(3, -4), input.MouseDelta);
        Assert.Equal(1.5f, input.MouseWheel);

        Push(new SdlEvent { Type = SdlEvent.KeyDown, KeySym = (int)Key.Right, KeyRepeat = 1 });
        Push(new SdlEvent { Type = SdlEvent.KeyUp, KeySym = (int)Key.Space });
        Push(new SdlEvent { Type = SdlEvent.Quit });
        input = window.PollInputEvents();
        Assert.False(input.IsKeyPressed(Key.Right));
        Assert.True(input.IsKeyPressedOrRepeated(Key.Right));
        Assert.True(input.IsKeyDown(Key.Right));
        Assert.True(input.IsKeyReleased(Key.Space));
        Assert.False(input.IsKeyDown(Key.Space));
        Assert.True(input.IsMouseButtonDown(MouseButton.Left));
        Assert.False(input.IsMouseButtonPressed(MouseButton.Left));
        Assert.Equal(Vector2.Zero, input.MouseDelta);
        Assert.True(window.WindowShouldClose());

        static void Push(SdlEvent e) => Assert.Equal(1, Sdl.PushEvent(&e));
    }

    [Fact]
    public void Missing_image_is_a_platform_error()
    {
        Assert.Throws<PlatformError>(() => Image.Load(Path.Combine(Path.GetTempPath(), "sim-render-no-such.png")));
    }

    private static void AssertSameHue(Color expected, Color actual, double minSimilarity, string what)
    {
        double s = Similarity(expected, actual);
        Assert.True(s >= minSimilarity, $"{what}: {actual} does not look like {expected} (similarity {s:F3})");
        double brightness = (actual.R + actual.G + actual.B) / (double)(expected.R + expected.G + expected.B);
        Assert.InRange(brightness, 0.5, 1.5);
    }

    /// <summary>Cosine between colours as RGB vectors: 1 for the same hue and saturation at any brightness.</summary>
    private static double Similarity(Color a, Color b)
    {
        double dot = a.R * b.R + a.G * b.G + a.B * b.B;
        double na = Math.Sqrt(a.R * a.R + a.G * a.G + a.B * a.B), nb = Math.Sqrt(b.R * b.R + b.G * b.G + b.B * b.B);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    private static double Distance(Color a, Color b) =>
        Math.Sqrt(Math.Pow(a.R - b.R, 2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2));
}
