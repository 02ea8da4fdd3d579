namespace Sim.Render.Platform;

public enum WindowMode
{
    /// <summary>A normal window on the desktop.</summary>
    Visible,

    /// <summary>A real window that is never shown (still needs an X or Wayland display).</summary>
    Hidden,

    /// <summary>No display at all: SDL's offscreen driver renders through EGL.</summary>
    Headless,
}

/// <summary>How <see cref="Window.InitWindow"/> opens the window.</summary>
public sealed record WindowOptions
{
    public WindowMode Mode { get; init; } = WindowMode.Visible;
    public bool Resizable { get; init; } = true;

    /// <summary>Wait for the display's refresh on swap; ignored when headless.</summary>
    public bool VSync { get; init; } = true;

    /// <summary>Multisample anti-aliasing samples (0 for none); falls back to none if the driver refuses.</summary>
    public int Samples { get; init; } = 4;

    public static WindowOptions Headless => new() { Mode = WindowMode.Headless, VSync = false, Resizable = false };
}
