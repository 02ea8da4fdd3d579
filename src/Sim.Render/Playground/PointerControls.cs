using System.Numerics;
using Sim.Render.Platform;

namespace Sim.Render.Playground;

/// <summary>
/// The mouse: left drag orbits, the wheel zooms, right or middle drag pans, and a left click that
/// barely moves is a click on the surface (reported for picking a new start).
/// </summary>
public sealed class PointerControls
{
    /// <summary>A press that moves less than this many pixels before release is a click, not a drag.</summary>
    public const float ClickSlop = 5;

    public const float RadiansPerPixel = 0.008f, ZoomPerNotch = 0.88f;

    private Vector2 _pressedAt;
    private float _travel;
    private bool _pressed;

    /// <summary>Moves the camera for this frame's input; returns where a click landed, if there was one.</summary>
    public Vector2? Update(Input input, Camera3D camera, int width, int height, bool topDown)
    {
        Vector2? click = null;
        if (input.IsMouseButtonPressed(MouseButton.Left))
        {
            _pressed = true;
            _pressedAt = input.MousePosition;
            _travel = 0;
        }
        if (_pressed && input.IsMouseButtonDown(MouseButton.Left))
        {
            _travel += input.MouseDelta.Length();
            // Orbit only once it is clearly a drag, so a click does not nudge the view; from above, turn only.
            if (_travel > ClickSlop)
                camera.Orbit(-input.MouseDelta.X * RadiansPerPixel, topDown ? 0 : input.MouseDelta.Y * RadiansPerPixel);
        }
        if (_pressed && input.IsMouseButtonReleased(MouseButton.Left))
        {
            _pressed = false;
            if (_travel <= ClickSlop) click = _pressedAt;
        }
        if (input.IsMouseButtonDown(MouseButton.Right) || input.IsMouseButtonDown(MouseButton.Middle))
            camera.Pan(input.MouseDelta, height);
        if (input.MouseWheel != 0) camera.Zoom(MathF.Pow(ZoomPerNotch, input.MouseWheel));
        return click;
    }
}
