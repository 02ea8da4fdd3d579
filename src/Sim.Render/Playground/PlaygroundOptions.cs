using Sim.Core.Lessons;
using Sim.Render.Platform;

namespace Sim.Render.Playground;

/// <summary>How <see cref="PlaygroundWindow.Run"/> opens its window.</summary>
public sealed record PlaygroundOptions
{
    public int Width { get; init; } = 1280;
    public int Height { get; init; } = 720;
    public bool Fullscreen { get; init; }
    public string Title { get; init; } = "Sim — optimizer playground";

    /// <summary>The scene's own title (a scenario's), shown over its landscape while that landscape is on.</summary>
    public string? SceneTitle { get; init; }
    public WindowMode Mode { get; init; } = WindowMode.Visible;

    /// <summary>A lesson to open at this step (from 1) in place of the scene.</summary>
    public (Lesson Lesson, int Step)? Lesson { get; init; }

    /// <summary>Save a screenshot this many seconds after the first frame, then close (for scripts and checks).</summary>
    public double? ScreenshotAfterSeconds { get; init; }
    public string? ScreenshotPath { get; init; }

    /// <summary>Frames per second the loop will not exceed when the display does not pace it (no vsync, Xvfb).</summary>
    public int MaxFrameRate { get; init; } = 60;
}
