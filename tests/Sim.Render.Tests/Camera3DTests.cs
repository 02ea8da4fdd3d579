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
}
