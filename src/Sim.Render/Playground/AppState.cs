using Sim.Core.Lessons;
using Sim.Core.Simulation;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Playground;

/// <summary>
/// Everything the window shows, with one owner: the world (a lesson step's or the playground's), the
/// clock, the selected ball, the layers, the open panels, the lesson and its step, the theme, the text
/// scale and the notice on screen. The controls change it, the loop steps its world, and the renderer
/// reads it through <see cref="Frame"/>; nothing else keeps a copy of any of it.
/// </summary>
public sealed class AppState(World world, string? title = null)
{
    public const float MinTextScale = 0.6f, MaxTextScale = 2.5f;

    private double _noticeSeconds;
    private float _textScale = 1;

    /// <summary>The scene every part acts on; a lesson's step or a new landscape puts another here.</summary>
    public World World { get; set; } = world;

    /// <summary>The scene's title for the heads-up display (a scenario's or lesson step's).</summary>
    public string? Title { get; set; } = title;

    public StepClock Clock { get; } = new();

    /// <summary>The text field in which a formula landscape is typed; while it is open, keys go to it.</summary>
    public FormulaField Formula { get; } = new();
    public SceneLayers Layers { get; } = new();

    /// <summary>The ball the learning-rate keys and one-ball panels act on; -1 for all of them.</summary>
    public int SelectedBall { get; set; } = -1;

    public bool TopDown { get; set; }
    public PanelSet Panels { get; set; }

    /// <summary>The panel laid out before the others (the last one opened or clicked), so it is the one not folded away.</summary>
    public PanelKind? FirstPanel { get; set; }

    public Lesson? Lesson { get; set; }

    /// <summary>The open step of <see cref="Lesson"/>, from 1; 0 outside a lesson.</summary>
    public int StepNumber { get; set; }

    public LessonStep? Step => Lesson?.Step(StepNumber);

    public bool HighContrast { get; set; }
    public Theme Theme => HighContrast ? Theme.HighContrast : Theme.Standard;

    /// <summary>Multiplies every text size; kept within <see cref="MinTextScale"/> and <see cref="MaxTextScale"/>.</summary>
    public float TextScale
    {
        get => _textScale;
        set => _textScale = Math.Clamp(value, MinTextScale, MaxTextScale);
    }

    /// <summary>Seconds into the step explainer's part-by-part playback, or null when it is not playing.</summary>
    public double? ExplainerPlayback { get; set; }

    /// <summary>What the switch under the mouse does, and where the mouse is; no text when it is over none.</summary>
    public (string? Text, System.Numerics.Vector2 At) Tooltip { get; set; }

    /// <summary>A notice on screen, or null once it has been shown long enough.</summary>
    public string? Notice { get; private set; }

    /// <summary>Shows <paramref name="text"/> for <paramref name="seconds"/>.</summary>
    public void Say(string text, double seconds = 3)
    {
        Notice = text;
        _noticeSeconds = seconds;
    }

    /// <summary>Lets <paramref name="seconds"/> of wall-clock time pass for the notice and the explainer's playback; true if the notice went away.</summary>
    public bool Elapse(double seconds)
    {
        if (ExplainerPlayback is { } played) ExplainerPlayback = played + seconds;
        if (Notice is null) return false;
        _noticeSeconds -= seconds;
        if (_noticeSeconds > 0) return false;
        Notice = null;
        return true;
    }

    /// <summary>What the renderer needs of this state for one frame.</summary>
    public FrameInfo Frame(double frameMilliseconds = 0, double seconds = 0) => new()
    {
        Seconds = seconds,
        Interpolation = Clock.Fraction,
        Paused = Clock.Paused,
        StepsPerSecond = Clock.StepsPerSecond,
        FrameMilliseconds = frameMilliseconds,
        SelectedBall = SelectedBall,
        Message = Notice,
        Tooltip = Tooltip,
        Theme = Theme,
        TextScale = TextScale,
        Formula = Formula.IsOpen ? Formula : null,
    };
}
