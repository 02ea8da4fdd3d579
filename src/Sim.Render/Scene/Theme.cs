using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// The colours of the text, panels and background and the width of lines: the standard dark theme, or
/// a high-contrast one for a washed-out projector at the back of a hall (black, pure white text,
/// opaque panels, thicker lines). Balls keep their Okabe–Ito colours in both, so a colour-blind
/// student tells them apart either way.
/// </summary>
public sealed record Theme
{
    public required string Name { get; init; }
    public required Color Background { get; init; }

    /// <summary>Behind text: dark enough for white text over a bright surface.</summary>
    public required Color Panel { get; init; }
    public required Color Text { get; init; }
    public required Color DimText { get; init; }

    /// <summary>Each ball's loss and learning rate: a step below the names, still easy to read.</summary>
    public required Color Stats { get; init; }

    /// <summary>Under trails, arrows and plot lines, so they read on any part of the colour map.</summary>
    public required Color Outline { get; init; }

    /// <summary>Multiplies the width of trails, arrows and plot lines.</summary>
    public float LineScale { get; init; } = 1;

    public static Theme Standard { get; } = new()
    {
        Name = "standard",
        Background = new(16, 18, 24),
        Panel = new(8, 10, 14, 200),
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
        Text = new(255, 255, 255),
        DimText = new(230, 232, 236),
        Stats = new(255, 255, 255),
        Outline = new(0, 0, 0),
        LineScale = 1.6f,
    };
}
