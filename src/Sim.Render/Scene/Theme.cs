using Sim.Core;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Every colour the scene and its panels draw with, and the width of lines: the standard dark theme, or
/// a high-contrast one for a washed-out projector at the back of a hall (black, pure white text,
/// opaque panels, thicker lines). Balls keep their Okabe–Ito colours in both, so a colour-blind
/// student tells them apart either way. The theme is handed to whatever draws (in <see cref="FrameInfo"/>
/// and the panels' context); no colour is written anywhere else.
/// </summary>
public sealed record Theme
{
    public required string Name { get; init; }
    public required Color Background { get; init; }

    /// <summary>Behind text: dark enough for white text over a bright surface.</summary>
    public required Color Panel { get; init; }

    /// <summary>Behind the help, the lesson menu and the recording badge: nearly opaque.</summary>
    public required Color Sheet { get; init; }

    /// <summary>Behind a lesson's caption.</summary>
    public required Color CaptionBand { get; init; }

    public required Color Text { get; init; }
    public required Color DimText { get; init; }

    /// <summary>Each ball's loss and learning rate: a step below the names, still easy to read.</summary>
    public required Color Stats { get; init; }

    /// <summary>Under trails, arrows and plot lines, so they read on any part of the colour map.</summary>
    public required Color Outline { get; init; }

    /// <summary>Multiplies the width of trails, arrows and plot lines.</summary>
    public float LineScale { get; init; } = 1;

    /// <summary>Headings that call for attention: the caption's lesson tag, "paused", the help's title.</summary>
    public Color Accent { get; init; } = new(255, 200, 80);

    /// <summary>Reached a minimum, a value accepted.</summary>
    public Color Good { get; init; } = new(120, 220, 120);

    /// <summary>A saddle or plateau: worth a look, not an error.</summary>
    public Color Warning { get; init; } = new(255, 170, 60);

    /// <summary>Diverged, refused, recording.</summary>
    public Color Bad { get; init; } = new(255, 130, 120);

    /// <summary>The recording badge's dot and count.</summary>
    public Color Recording { get; init; } = new(255, 80, 80);

    /// <summary>Behind the selected row of a table.</summary>
    public Color SelectedRow { get; init; } = new(255, 255, 255, 45);

    /// <summary>Behind the row being edited or chosen (parameter panel, lesson menu).</summary>
    public Color ChosenRow { get; init; } = new(255, 200, 80, 65);

    /// <summary>A diverged ball is drawn in this grey.</summary>
    public Color Diverged { get; init; } = new(128, 128, 128);

    /// <summary>A diverged ball's label: lighter than the ball, to be read.</summary>
    public Color DivergedLabel { get; init; } = new(220, 220, 220);

    /// <summary>The negative gradient's arrow.</summary>
    public Color Gradient { get; init; } = new(255, 255, 255);

    /// <summary>The explainer's momentum (first-moment) arrow, between the white gradient and the ball's colour.</summary>
    public Color Moment { get; init; } = new(150, 150, 160);

    /// <summary>The full-batch gradient beside each mini-batch ball's.</summary>
    public Color FullBatch { get; init; } = new(255, 150, 210);

    public Color Minimum { get; init; } = new(255, 60, 60);

    /// <summary>The current mini-batch's own loss surface, as a wire-frame.</summary>
    public Color BatchSurface { get; init; } = new(255, 190, 230, 130);

    /// <summary>A network's class 0 and class 1: its data points and, shaded by confidence, the regions it predicts.</summary>
    public Color ClassZero { get; init; } = new(80, 140, 235);
    public Color ClassOne { get; init; } = new(235, 110, 70);

    /// <summary>A palette colour as a drawing colour.</summary>
    public static Color From(Colour c, byte alpha = 255) => new(c.R, c.G, c.B, alpha);

    /// <summary>
    /// A ball's colour as text on the panels: lightened towards white just until it reads at 7 : 1 against
    /// <see cref="Panel"/> (WCAG's enhanced contrast: a projector washes colours out). Okabe–Ito's blue on the dark theme is 3.6 : 1, a
    /// label a hall cannot read; the other colours stay as they are, so the text still names its ball.
    /// </summary>
    public Color TextOf(Colour c, byte alpha = 255)
    {
        double panel = Luminance(Panel.R, Panel.G, Panel.B);
        for (int step = 0; step <= 20; step++)
        {
            double t = step / 20.0;
            byte r = Mix(c.R, t), g = Mix(c.G, t), b = Mix(c.B, t);
            if ((Luminance(r, g, b) + 0.05) / (panel + 0.05) >= MinTextContrast) return new Color(r, g, b, alpha);
        }
        return new Color(255, 255, 255, alpha);
    }

    /// <summary>The contrast ratio text in a ball's colour keeps against the panels.</summary>
    public const double MinTextContrast = 7;

    private static byte Mix(byte channel, double towardsWhite) => (byte)Math.Round(channel + (255 - channel) * towardsWhite);

    /// <summary>Relative luminance of an sRGB colour (WCAG 2).</summary>
    public static double Luminance(byte r, byte g, byte b)
    {
        static double Linear(byte c) => c / 255.0 <= 0.04045 ? c / 255.0 / 12.92 : Math.Pow((c / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
    }

    /// <summary>The ball's own colour; grey once diverged (not when it escaped downhill); faint while switched off.</summary>
    public Color Of(Ball ball) =>
        ball.Status == BallStatus.Diverged && ball.DivergedReason != World.EscapedDownhill ? Diverged : From(ball.Colour, ball.Enabled ? (byte)255 : (byte)90);

    public static Theme Standard { get; } = new()
    {
        Name = "standard",
        Background = new(16, 18, 24),
        Panel = new(8, 10, 14, 200),
        Sheet = new(8, 10, 14, 235),
        CaptionBand = new(0, 0, 0, 220),
        Text = new(240, 242, 246),
        DimText = new(170, 176, 188),
        Stats = new(214, 220, 230),
        Outline = new(10, 10, 14),
    };

    public static Theme HighContrast { get; } = new()
    {
        Name = "high contrast",
        Background = new(0, 0, 0),
        Panel = new(0, 0, 0, 240),
        Sheet = new(0, 0, 0, 250),
        CaptionBand = new(0, 0, 0, 255),
        Text = new(255, 255, 255),
        DimText = new(230, 232, 236),
        Stats = new(255, 255, 255),
        Outline = new(0, 0, 0),
        LineScale = 1.6f,
    };
}
