using Sim.Core.Landscapes;
using System.Numerics;
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
    /// a room <paramref name="aspect"/> times as wide as tall that takes <paramref name="widthShare"/> and
    /// <paramref name="heightShare"/> of the window (the rest is side panel, panels and caption; the
    /// camera's lens shift centres the picture in the room).
    /// </summary>
    public static void Frame(Camera3D camera, SurfaceMesh surface, bool topDown, float aspect, float widthShare = 1, float heightShare = 1)
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
            FitTightly(camera, surface, aspect, widthShare, heightShare);
        }
        else
        {
            // Seen from above at an angle, the box's corners reach the bounding sphere's outline across the
            // view but not up and down it, which the pitch foreshortens: fit the sphere's width (and a margin for perspective), 80% of its height.
            float tanHalf = MathF.Tan(camera.FovY * MathF.PI / 360f);
            camera.Target = centre;
            camera.Distance = Math.Max(0.8f * radius / MathF.Sin(MathF.Atan(tanHalf)), 1.08f * radius / MathF.Sin(MathF.Atan(tanHalf * aspect)));
            FitTightly(camera, surface, aspect, widthShare, heightShare);
        }
    }

    /// <summary>
    /// Keeps the view of a surface whose domain changed from <paramref name="from"/> to <paramref name="to"/>
    /// (a network's, refitted as its balls move): the scene scales with its domain's larger side, so the
    /// target and distance are carried over in proportion and the user's angle stays as it was.
    /// </summary>
    public static void Rescale(Camera3D camera, Domain from, Domain to)
    {
        float scale = (float)(Math.Max(to.Width, to.Height) / Math.Max(from.Width, from.Height));
        if (!float.IsFinite(scale) || scale <= 0) return;
        var oldCentre = new Vector3((float)(from.XMin + from.XMax) / 2, 0, -(float)(from.YMin + from.YMax) / 2);
        var newCentre = new Vector3((float)(to.XMin + to.XMax) / 2, 0, -(float)(to.YMin + to.YMax) / 2);
        camera.Target = newCentre + (camera.Target - oldCentre) * scale;
        camera.Distance *= scale;
    }

    /// <summary>Share of the room's width and height left free on each side of the framed surface.</summary>
    public const float Margin = 0.03f;

    /// <summary>
    /// The sphere's estimate wastes room on some landscapes and cuts corners off others: centre the
    /// surface's projected outline in the room and bring the camera as close as keeps all of it inside,
    /// a few per cent from each edge. Samples the surface on a grid; done only when the view is framed.
    /// </summary>
    private static void FitTightly(Camera3D camera, SurfaceMesh surface, float aspect, float widthShare, float heightShare)
    {
        const int grid = 24;
        // A probe window in which the room is 1000 pixels tall and centred (no lens shift).
        float roomHeight = 1000, roomWidth = roomHeight * aspect;
        int height = Math.Max((int)(roomHeight / Math.Clamp(heightShare, 0.05f, 1)), 1), width = Math.Max((int)(roomWidth / Math.Clamp(widthShare, 0.05f, 1)), 1);
        var room = new Box((width - roomWidth) / 2, (height - roomHeight) / 2, (width + roomWidth) / 2, (height + roomHeight) / 2);
        var d = surface.Landscape.Domain;
        // The surface and, a ball's diameter above it, the top of a ball resting on it anywhere.
        float lift = 0.066f * (float)Math.Max(d.Width, d.Height);
        Span<Vector3> points = stackalloc Vector3[2 * grid * grid];
        for (int j = 0; j < grid; j++)
            for (int i = 0; i < grid; i++)
            {
                var p = surface.ToWorld(d.XMin + d.Width * i / (grid - 1), d.YMin + d.Height * j / (grid - 1));
                points[2 * (j * grid + i)] = p;
                points[2 * (j * grid + i) + 1] = p + new Vector3(0, lift, 0);
            }
        var shift = camera.LensShift;
        camera.LensShift = default;
        for (int pass = 0; pass < 3; pass++)
        {
            float near = camera.Distance * 0.2f, far = camera.Distance * 4f;
            for (int k = 0; k < 24; k++)
            {
                camera.Distance = (near + far) / 2;
                if (Outline(camera, points, width, height) is { } box && box.Within(room)) far = camera.Distance;
                else near = camera.Distance;
            }
            camera.Distance = far;
            if (Outline(camera, points, width, height) is not { } fitted) break;
            camera.Pan(new Vector2(width / 2f - fitted.CentreX, height / 2f - fitted.CentreY), height);
        }
        camera.LensShift = shift;
    }

    private readonly record struct Box(float Left, float Top, float Right, float Bottom)
    {
        public float CentreX => (Left + Right) / 2;
        public float CentreY => (Top + Bottom) / 2;

        /// <summary>Inside <paramref name="room"/>, with <see cref="Margin"/> of its size free on every side.</summary>
        public bool Within(Box room)
        {
            float mx = Margin * (room.Right - room.Left), my = Margin * (room.Bottom - room.Top);
            return Left >= room.Left + mx && Right <= room.Right - mx && Top >= room.Top + my && Bottom <= room.Bottom - my;
        }
    }

    /// <summary>The projected outline's bounding box; null if a point is behind the camera.</summary>
    private static Box? Outline(Camera3D camera, ReadOnlySpan<Vector3> points, int width, int height)
    {
        float left = float.MaxValue, top = float.MaxValue, right = float.MinValue, bottom = float.MinValue;
        int count = 0;
        foreach (var p in points)
        {
            if (!float.IsFinite(p.Y)) continue;
            if (!camera.TryWorldToScreen(p, width, height, out var s)) return null;
            left = Math.Min(left, s.X);
            right = Math.Max(right, s.X);
            top = Math.Min(top, s.Y);
            bottom = Math.Max(bottom, s.Y);
            count++;
        }
        return count == 0 ? null : new Box(left, top, right, bottom);
    }
}
