using Sim.Core;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>The scene's colours (the current <see cref="Theme"/>'s and fixed ones), and each ball's colour as its state shows it.</summary>
public static class SceneColours
{
    /// <summary>
    /// The theme of the frame being drawn; <see cref="SceneRenderer.Draw"/> sets it to its own. One window
    /// per process draws at a time, so the parts of the scene read their colours here rather than each
    /// being handed the theme.
    /// </summary>
    public static Theme Current { get; set; } = Theme.Standard;

    public static Color Background => Current.Background;

    /// <summary>Behind heads-up text: dark enough for white text over a bright surface.</summary>
    public static Color Panel => Current.Panel;

    public static Color Text => Current.Text;
    public static Color DimText => Current.DimText;

    /// <summary>Each ball's loss and learning rate: a step below the names, still easy to read.</summary>
    public static Color Stats => Current.Stats;

    /// <summary>A diverged ball is drawn in this grey, with its label.</summary>
    public static readonly Color Diverged = new(128, 128, 128);

    public static readonly Color Gradient = new(255, 255, 255);

    /// <summary>Under trails and arrows, so they read on any part of the colour map.</summary>
    public static Color Outline => Current.Outline;
    public static readonly Color Minimum = new(255, 60, 60);
    public static readonly Color BatchSurface = new(255, 190, 230, 130);

    public static Color From(Colour c, byte alpha = 255) => new(c.R, c.G, c.B, alpha);

    /// <summary>The ball's own colour; grey once diverged; faint while switched off.</summary>
    public static Color Of(Ball ball) =>
        ball.Status == BallStatus.Diverged ? Diverged : From(ball.Colour, ball.Enabled ? (byte)255 : (byte)90);
}
