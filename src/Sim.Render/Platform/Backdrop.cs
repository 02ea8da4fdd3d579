namespace Sim.Render.Platform;

/// <summary>
/// A picture shown behind a frame's 3D (<see cref="Window.DrawBackdrop"/>): its colour fills the window's
/// top-left <see cref="Width"/>×<see cref="Height"/> pixels, the frame's clear colour the rest; 3D drawn in
/// <see cref="Window.BeginMode3D(Camera3D, in Backdrop)"/> is hidden where the picture's depth is nearer and
/// cut at its edges. The picture must be single-sampled, so its depth can be read.
/// </summary>
/// <remarks>
/// A software renderer pays for every pixel copied: showing the picture directly, instead of copying it
/// into a scene target first and that into the window, and only the room the panels leave, halves the
/// copying of a full-HD frame.
/// </remarks>
public readonly record struct Backdrop(RenderTarget Picture, int Width, int Height);
