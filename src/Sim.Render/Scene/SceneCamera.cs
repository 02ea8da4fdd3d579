using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>The views the scene starts from: a raised three-quarter view, and straight down for contours.</summary>
public static class SceneCamera
{
    public const float Yaw = 0.35f, Pitch = 0.95f, FovY = 40f;

    /// <summary>Straight down is the pole the orbit camera stays short of; this is as close as it goes.</summary>
    public const float TopDownPitch = Camera3D.MaxPitch;

    /// <summary>
    /// Aims the camera at the whole surface, from the three-quarter view or from above, so that it fits
    /// a room <paramref name="aspect"/> times as wide as tall (the window beside the side panel).
    /// </summary>
    public static void Frame(Camera3D camera, SurfaceMesh surface, bool topDown, float aspect)
    {
        var (centre, radius) = surface.Bounds;
        camera.Yaw = topDown ? 0 : Yaw;
        camera.Pitch = topDown ? TopDownPitch : Pitch;
        camera.Orthographic = topDown;
        if (topDown)
        {
            // Seen from above, only the domain's square has to fit, not the box's height.
            var d = surface.Landscape.Domain;
            camera.Frame(centre with { Y = 0 }, (float)(0.5 * Math.Max(d.Width, d.Height)) * 1.08f, aspect);
        }
        else
        {
            // Seen from above at an angle, the box's corners reach the bounding sphere's outline across the
            // view but not up and down it, which the pitch foreshortens: fit the sphere's width (and a margin for perspective), 80% of its height.
            float tanHalf = MathF.Tan(camera.FovY * MathF.PI / 360f);
            camera.Target = centre;
            camera.Distance = Math.Max(0.8f * radius / MathF.Sin(MathF.Atan(tanHalf)), 1.08f * radius / MathF.Sin(MathF.Atan(tanHalf * aspect)));
        }
    }
}
