using System.Numerics;

namespace Sim.Render.Platform;

/// <summary>
/// An orbit camera: it looks at <see cref="Target"/> from <see cref="Distance"/> away,
/// turned by <see cref="Yaw"/> about the vertical axis and raised by <see cref="Pitch"/>.
/// World is y-up and right-handed; matrices follow System.Numerics' row-vector convention,
/// which is exactly the column-major layout GL expects, so they upload untransposed.
/// </summary>
public sealed class Camera3D
{
    public const float MinPitch = -1.5f, MaxPitch = 1.565f; // short of straight down, where the view has no "up"

    public Vector3 Target { get; set; }

    /// <summary>Radians about +y; 0 looks along −z from the +z side.</summary>
    public float Yaw { get; set; }

    private float _pitch = 0.6f;

    /// <summary>Radians above the horizontal plane through the target, kept short of the poles.</summary>
    public float Pitch
    {
        get => _pitch;
        set => _pitch = Math.Clamp(value, MinPitch, MaxPitch);
    }

    private float _distance = 10f;

    public float Distance
    {
        get => _distance;
        set => _distance = Math.Max(value, 1e-3f);
    }

    /// <summary>Vertical field of view in degrees; in orthographic mode it sets the same framing at the target.</summary>
    public float FovY { get; set; } = 45f;

    public bool Orthographic { get; set; }

    /// <summary>
    /// Moves the picture across the screen without turning the camera, in normalised device units
    /// (1 is half the view): e.g. (0.3, 0) centres the target to the right of a side panel.
    /// Orbit and zoom still pivot about <see cref="Target"/>.
    /// </summary>
    public Vector2 LensShift { get; set; }

    public Vector3 Position
    {
        get
        {
            float cp = MathF.Cos(Pitch);
            return Target + Distance * new Vector3(cp * MathF.Sin(Yaw), MathF.Sin(Pitch), cp * MathF.Cos(Yaw));
        }
    }

    // Near/far scale with distance so depth precision follows the zoom.
    public float Near => Distance * 0.02f;
    public float Far => Distance * 20f;

    public Matrix4x4 View => Matrix4x4.CreateLookAt(Position, Target, Vector3.UnitY);

    /// <summary>GL-style projection (clip z in [−w, w]); System.Numerics' own maps z to [0, w].</summary>
    public Matrix4x4 Projection(float aspect)
    {
        float n = Near, f = Far;
        float tanHalf = MathF.Tan(FovY * MathF.PI / 360f);
        Matrix4x4 projection;
        if (Orthographic)
        {
            float h = Distance * tanHalf, w = h * aspect;
            projection = new Matrix4x4(
                1 / w, 0, 0, 0,
                0, 1 / h, 0, 0,
                0, 0, -2 / (f - n), 0,
                0, 0, -(f + n) / (f - n), 1);
        }
        else
        {
            float s = 1 / tanHalf;
            projection = new Matrix4x4(
                s / aspect, 0, 0, 0,
                0, s, 0, 0,
                0, 0, (f + n) / (n - f), -1,
                0, 0, 2 * f * n / (n - f), 0);
        }
        if (LensShift == Vector2.Zero) return projection;
        // In clip space x' = x + shift·w (and y alike), which after the divide moves by the shift.
        // Row vectors: the w row of the right-hand matrix carries the shift.
        return projection * new Matrix4x4(
            1, 0, 0, 0,
            0, 1, 0, 0,
            0, 0, 1, 0,
            LensShift.X, LensShift.Y, 0, 1);
    }

    public Matrix4x4 ViewProjection(float aspect) => View * Projection(aspect);

    /// <summary>
    /// Where a world point lands in a width×height image (pixels, origin top-left);
    /// false when it is behind the camera.
    /// </summary>
    public bool TryWorldToScreen(Vector3 world, int width, int height, out Vector2 screen)
    {
        var clip = Vector4.Transform(new Vector4(world, 1), ViewProjection((float)width / height));
        if (clip.W <= 1e-6f)
        {
            screen = default;
            return false;
        }
        screen = new Vector2((clip.X / clip.W * 0.5f + 0.5f) * width, (0.5f - clip.Y / clip.W * 0.5f) * height);
        return true;
    }

    public Vector2 WorldToScreen(Vector3 world, int width, int height) =>
        TryWorldToScreen(world, width, height, out var s) ? s : new Vector2(float.NaN, float.NaN);

    /// <summary>
    /// The ray under a pixel of a width×height image: from the near plane, unit direction, away from the
    /// viewer (parallel rays in orthographic mode). For picking what the pointer is on.
    /// </summary>
    public (Vector3 Origin, Vector3 Direction) ScreenRay(Vector2 screen, int width, int height)
    {
        Matrix4x4.Invert(ViewProjection((float)width / height), out var inverse);
        float nx = screen.X / width * 2 - 1, ny = 1 - screen.Y / height * 2;
        var near = Vector4.Transform(new Vector4(nx, ny, -1, 1), inverse);
        var far = Vector4.Transform(new Vector4(nx, ny, 1, 1), inverse);
        var a = new Vector3(near.X, near.Y, near.Z) / near.W;
        var b = new Vector3(far.X, far.Y, far.Z) / far.W;
        return (a, Vector3.Normalize(b - a));
    }

    /// <summary>Moves the target (and so the eye) across the view by screen-space amounts in pixels of a view <paramref name="height"/> tall.</summary>
    public void Pan(Vector2 pixels, int height)
    {
        // World units per pixel at the target's depth, the same for both projections.
        float perPixel = 2 * Distance * MathF.Tan(FovY * MathF.PI / 360f) / height;
        var forward = Vector3.Normalize(Target - Position);
        var right = Vector3.Normalize(Vector3.Cross(forward, Vector3.UnitY));
        var up = Vector3.Cross(right, forward);
        Target += (-pixels.X * right + pixels.Y * up) * perPixel;
    }

    /// <summary>Turns the view by mouse-drag amounts (radians).</summary>
    public void Orbit(float deltaYaw, float deltaPitch)
    {
        Yaw += deltaYaw;
        Pitch += deltaPitch;
    }

    /// <summary>Multiplies the distance; factor &lt; 1 moves closer.</summary>
    public void Zoom(float factor) => Distance *= factor;

    /// <summary>
    /// Aims at a bounding sphere so it fills the view at the current angles; <paramref name="aspect"/>
    /// (width over height of the room it must fit) also fits it across a view narrower than tall.
    /// </summary>
    public void Frame(Vector3 center, float radius, float aspect = float.PositiveInfinity)
    {
        Target = center;
        float tanHalf = MathF.Tan(FovY * MathF.PI / 360f);
        float half = MathF.Atan(tanHalf * MathF.Min(aspect, 1));
        // sin, not tan: the sphere's tangent rays from the eye must fit inside the half-angle.
        Distance = radius / MathF.Sin(half);
    }
}
