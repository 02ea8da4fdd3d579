namespace Sim.Render.Scene.Panels;

/// <summary>A rectangle of the window in pixels, origin top-left.</summary>
public readonly record struct PanelRect(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;

    public bool Overlaps(PanelRect o) => X < o.Right && o.X < Right && Y < o.Bottom && o.Y < Bottom;

    /// <summary>This rectangle less <paramref name="left"/>, <paramref name="top"/>, <paramref name="right"/> and <paramref name="bottom"/> pixels at its edges.</summary>
    public PanelRect Inset(float left, float top, float right, float bottom) =>
        new(X + left, Y + top, Math.Max(Width - left - right, 0), Math.Max(Height - top - bottom, 0));
}
