namespace Sim.Render.Scene;

/// <summary>Which optional layers a frame shows; the playground's keys switch them.</summary>
public sealed class SceneLayers
{
    public bool Trails { get; set; } = true;

    /// <summary>Negative-gradient and update arrows at every ball.</summary>
    public bool Arrows { get; set; } = true;

    /// <summary>The current mini-batch's own loss surface as a wire frame (data landscapes only).</summary>
    public bool BatchSurface { get; set; } = true;

    /// <summary>The heads-up text: landscape, step, each ball's loss and learning rate, the toggles.</summary>
    public bool Hud { get; set; } = true;

    public bool Help { get; set; }

    /// <summary>A cross on each ball whose rule divides by a per-axis second moment: each axis's own step (<see cref="SecondMomentGlyph"/>).</summary>
    public bool Moments { get; set; }

    /// <summary>The words beside balls (why one diverged, when one arrived, which is selected).</summary>
    public bool Labels { get; set; } = true;

    /// <summary>The selected ball's basin map draped over the surface: which minimum each start reaches (<see cref="BasinLayer"/>).</summary>
    public bool BasinMap { get; set; }

    /// <summary>The basin map is of the ball after the selected one, to compare the two by toggling.</summary>
    public bool BasinMapNextBall { get; set; }
}
