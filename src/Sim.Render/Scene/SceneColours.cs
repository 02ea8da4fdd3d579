using Sim.Core;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>The scene's fixed colours, and each ball's colour as its state shows it.</summary>
public static class SceneColours
{
    public static readonly Color Background = new(16, 18, 24);

    /// <summary>Behind heads-up text: dark enough for white text over a bright surface.</summary>
    public static readonly Color Panel = new(8, 10, 14, 200);

    public static readonly Color Text = new(240, 242, 246);
    public static readonly Color DimText = new(170, 176, 188);

    /// <summary>Each ball's loss and learning rate: a step below the names, still easy to read.</summary>
    public static readonly Color Stats = new(214, 220, 230);

    /// <summary>A diverged ball is drawn in this grey, with its label.</summary>
    public static readonly Color Diverged = new(128, 128, 128);

    public static readonly Color Gradient = new(255, 255, 255);

    /// <summary>Under trails and arrows, so they read on any part of the colour map.</summary>
    public static readonly Color Outline = new(10, 10, 14);
    public static readonly Color Minimum = new(255, 60, 60);
    public static readonly Color BatchSurface = new(255, 190, 230, 130);

    public static Color From(Colour c, byte alpha = 255) => new(c.R, c.G, c.B, alpha);

    /// <summary>The ball's own colour; grey once diverged; faint while switched off.</summary>
    public static Color Of(Ball ball) =>
        ball.Status == BallStatus.Diverged ? Diverged : From(ball.Colour, ball.Enabled ? (byte)255 : (byte)90);
}
