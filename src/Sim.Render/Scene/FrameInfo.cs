namespace Sim.Render.Scene;

/// <summary>
/// What a frame needs to know besides the world: how far the display is between the last two
/// fixed steps, the playback state the heads-up display reports, and the theme and text scale to
/// draw with (passed with each frame, never held in a global).
/// </summary>
public readonly record struct FrameInfo
{
    public FrameInfo() { }

    /// <summary>0 draws each ball at <c>Ball.Previous</c>, 1 at <c>Ball.Position</c>.</summary>
    public float Interpolation { get; init; } = 1;

    public bool Paused { get; init; }
    public double StepsPerSecond { get; init; } = 60;

    /// <summary>Average frame time to report; 0 leaves the line out (a headless render has none worth showing).</summary>
    public double FrameMilliseconds { get; init; }

    /// <summary>The ball the learning-rate keys act on, or -1 for all.</summary>
    public int SelectedBall { get; init; } = -1;

    /// <summary>A short notice shown for a moment, e.g. where a screenshot went.</summary>
    public string? Message { get; init; }

    /// <summary>What the switch under the mouse does and where the mouse is (no text: no tooltip).</summary>
    public (string? Text, System.Numerics.Vector2 At) Tooltip { get; init; }

    /// <summary>Wall-clock seconds since the window opened, for what fades (0 in a headless picture: nothing fades).</summary>
    public double Seconds { get; init; }

    /// <summary>The colours and line widths to draw with.</summary>
    public Theme Theme { get; init; } = Theme.Standard;

    /// <summary>Multiplies the size of all text: the heads-up display, labels, panels, captions, help.</summary>
    public float TextScale { get; init; } = 1;

    /// <summary>The formula field while it is open (drawn over the bottom of the scene), else null.</summary>
    public Playground.FormulaField? Formula { get; init; }
}
