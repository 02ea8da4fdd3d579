using System.Numerics;
using Sim.Render.Platform;
using Xunit;

namespace Sim.Render.Tests;

public class Camera3DTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Target_projects_to_the_centre(bool orthographic)
    {
        var cam = new Camera3D { Target = new(1, 2, 3), Yaw = 0.7f, Pitch = 0.4f, Distance = 8, Orthographic = orthographic };
        var s = cam.WorldToScreen(cam.Target, 640, 360);
        Assert.Equal(320f, s.X, 0.01f);
        Assert.Equal(180f, s.Y, 0.01f);
    }

    [Fact]
    public void Up_is_up_and_right_is_right_on_screen()
    {
        var cam = new Camera3D { Yaw = 0, Pitch = 0, Distance = 10 }; // at +z looking towards −z: x is to the right
        var centre = cam.WorldToScreen(Vector3.Zero, 640, 360);
        Assert.True(cam.WorldToScreen(Vector3.UnitX, 640, 360).X > centre.X + 10);
        Assert.True(cam.WorldToScreen(Vector3.UnitY, 640, 360).Y < centre.Y - 10);
    }

    [Fact]
    public void A_point_behind_the_camera_does_not_project()
    {
        var cam = new Camera3D { Yaw = 0, Pitch = 0, Distance = 10 };
        Assert.False(cam.TryWorldToScreen(new Vector3(0, 0, 20), 640, 360, out _));
    }

    [Fact]
    public void Pitch_stays_short_of_the_poles_and_zoom_scales_distance()
    {
        var cam = new Camera3D { Distance = 4 };
        cam.Orbit(0, 10);
        Assert.Equal(Camera3D.MaxPitch, cam.Pitch);
        cam.Zoom(0.5f);
        Assert.Equal(2f, cam.Distance, 1e-6f);
    }

    [Fact]
    public void Framing_keeps_a_bounding_sphere_inside_the_view()
    {
        var cam = new Camera3D { Yaw = 0.5f, Pitch = 0.6f, FovY = 40 };
        cam.Frame(new Vector3(0, 1, 0), 3);
        foreach (var d in new[] { Vector3.UnitX, -Vector3.UnitX, Vector3.UnitY, -Vector3.UnitY, Vector3.UnitZ, -Vector3.UnitZ })
        {
            var s = cam.WorldToScreen(new Vector3(0, 1, 0) + 3 * d, 360, 360);
            Assert.InRange(s.X, 0, 360);
            Assert.InRange(s.Y, 0, 360);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lens_shift_moves_the_picture_without_turning_the_camera(bool orthographic)
    {
        var cam = new Camera3D { Target = new(1, 2, 3), Yaw = 0.7f, Pitch = 0.4f, Distance = 8, Orthographic = orthographic, LensShift = new(0.25f, -0.5f) };
        var s = cam.WorldToScreen(cam.Target, 640, 360);
        Assert.Equal(320f + 0.25f * 320f, s.X, 0.01f);
        Assert.Equal(180f + 0.5f * 180f, s.Y, 0.01f);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_screen_ray_passes_through_the_point_that_projects_there(bool orthographic)
    {
        var cam = new Camera3D { Target = new(0, 1, 0), Yaw = 0.3f, Pitch = 0.8f, Distance = 10, Orthographic = orthographic, LensShift = new(0.3f, 0) };
        var point = new Vector3(1.5f, 0.2f, -2f);
        var (origin, direction) = cam.ScreenRay(cam.WorldToScreen(point, 1280, 720), 1280, 720);
        var toPoint = point - origin;
        var closest = origin + direction * Vector3.Dot(toPoint, direction);
        Assert.True(Vector3.Distance(closest, point) < 1e-3f, $"ray misses by {Vector3.Distance(closest, point)}");
        Assert.True(Vector3.Dot(toPoint, direction) > 0, "ray points away from the scene");
    }

    [Fact]
    public void Panning_moves_the_target_across_the_view()
    {
        var cam = new Camera3D { Yaw = 0, Pitch = 0, Distance = 10 };
        cam.Pan(new Vector2(100, 0), 720); // drag right: the scene follows the pointer, so the target moves left
        Assert.True(cam.Target.X < 0);
        Assert.Equal(0f, cam.Target.Y, 1e-5f);
    }
}


public class WindowFitTests
{
    [Theory]
    [InlineData(1280, 720, 1920, 1032, 1280, 720)] // fits: unchanged
    [InlineData(1280, 720, 1024, 720, 1024, 720)]  // a 1024×768 projector less its title bar
    [InlineData(1920, 1080, 1280, 672, 1280, 672)]
    [InlineData(1280, 720, 200, 100, 320, 240)]
    public void A_window_too_big_for_the_display_is_cut_down_to_it(int w, int h, int roomW, int roomH, int expectedW, int expectedH) =>
        Assert.Equal((expectedW, expectedH), Sim.Render.Platform.Window.Fit(w, h, roomW, roomH));
}
