using System.Globalization;
using Sim.Core.Landscapes;
using Sim.Core.Planes;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Scene;

namespace Sim.Render.Playground;

/// <summary>
/// What the playground's keys and clicks do to the app's state (<see cref="AppState"/>: the world, the
/// clock, the selection, the layers) and the camera. Needs no window: requests that do (full screen, screenshot, framing the camera after a new
/// landscape is sampled, quitting) are raised as flags for the window's loop to carry out.
/// </summary>
public sealed partial class PlaygroundControls
{
    private static readonly string[] LandscapeNames = [.. LandscapeCatalog.Names];
    private static readonly string[] DecayNames = [.. ScheduleCatalog.Names.Where(n => n != "constant")];

    private readonly Dictionary<string, Landscape> _landscapes = [];
    private readonly Dictionary<Ball, Point2> _ownStarts = [];
    private Schedule _decay;

    /// <summary>
    /// On an analytic landscape, steps to an epoch when decay is switched on in a scene that set none:
    /// schedules then act over minutes, not one step at a time (exponential 0.95 would otherwise take
    /// lr to 1e−24 in 1,300 steps).
    /// </summary>
    public const int GentleStepsPerEpoch = 100;

    public PlaygroundControls(AppState state, Camera3D camera)
    {
        State = state;
        Camera = camera;
        var world = state.World;
        _landscapes[world.Landscape.Name] = world.Landscape; // keeps a scenario's landscape parameters
        KeepOwnStarts();
        _decay = world.Schedule is ConstantSchedule ? ScheduleCatalog.Create("exponential") : world.Schedule;
    }

    /// <summary>What the keys change.</summary>
    public AppState State { get; }

    /// <summary>The scene the keys act on; <see cref="Show"/> puts another in its place (a lesson's next step).</summary>
    public World World => State.World;
    public Camera3D Camera { get; }
    public SceneLayers Layers => State.Layers;
    public StepClock Clock => State.Clock;

    /// <summary>The ball the learning-rate keys act on; -1 for all of them.</summary>
    public int SelectedBall => State.SelectedBall;

    public bool TopDown => State.TopDown;

    public bool QuitRequested { get; private set; }

    /// <summary>Whether the window should be full screen; the loop makes it so (or sets it back if it cannot).</summary>
    public bool Fullscreen { get; set; }

    public bool ScreenshotRequested { get; set; }

    /// <summary>The camera should frame the landscape (again) once the surface is current.</summary>
    public bool FrameRequested { get; set; }

    /// <summary>A start clicked on the surface, for Shift+R; null until one is.</summary>
    public Point2? MarkedStart { get; private set; }

    /// <summary>The scene's own starts, which R goes back to whatever was clicked since.</summary>
    private void KeepOwnStarts()
    {
        _ownStarts.Clear();
        foreach (var ball in World.Balls)
            if (ball.ParameterCount == 2) _ownStarts[ball] = ball.Start; // a network's start is its initial weights, which R restores
        MarkedStart = null;
    }

    /// <summary>A notice for the display, or null once it has been shown long enough.</summary>
    public string? Message => State.Notice;

    /// <summary>Shows <paramref name="text"/> for a few seconds.</summary>
    public void Say(string text, double seconds = 3) => State.Say(text, seconds);

    /// <summary>Lets <paramref name="seconds"/> of wall-clock time pass for the notice.</summary>
    public void Elapse(double seconds) => State.Elapse(seconds);

    /// <summary>Another scene in place of this one: the clock restarts, the camera frames it, nothing is selected.</summary>
    public void Show(World world)
    {
        State.World = world;
        _landscapes.Clear();
        _landscapes[world.Landscape.Name] = world.Landscape;
        State.SelectedBall = -1;
        Clock.Restart();
        FrameRequested = true;
        KeepOwnStarts();
    }

    /// <summary>Selects ball <paramref name="index"/> (-1: all), e.g. for a panel about one ball.</summary>
    public void SelectBall(int index) => State.SelectedBall = Math.Clamp(index, -1, World.Balls.Count - 1);

    public void ToggleHelp() => Layers.Help = !Layers.Help;

    public void TogglePause()
    {
        Clock.Paused = !Clock.Paused;
        Clock.Restart();
    }

    public void SingleStep()
    {
        Clock.Paused = true;
        World.Advance();
    }

    public void ChangeSpeed(double factor)
    {
        Clock.StepsPerSecond *= factor;
        Say($"{NumberText.Short(Clock.StepsPerSecond)} steps per second");
    }

    /// <summary>Every ball back to the scene's own start (not a clicked one), with fresh state.</summary>
    public void Reset()
    {
        foreach (var ball in World.Balls)
            if (_ownStarts.TryGetValue(ball, out var own)) ball.Start = own;
        World.Reset();
        Clock.Restart();
        Say("reset: every ball back to the scene's own start");
    }

    /// <summary>A clicked point, marked for a race from there (<see cref="RaceFromMark"/>); the balls keep running.</summary>
    public void SetStart(Point2 start)
    {
        if (RefuseOnNetwork("a network starts from its initial weights: a click on its plane does not move them (R resets them)")) return;
        MarkedStart = start;
        Say(string.Create(CultureInfo.InvariantCulture, $"start marked at ({start.X:0.###}, {start.Y:0.###}): Shift+R races every ball from there"));
    }

    /// <summary>A race from the marked point: every ball restarts there; R still goes back to the scene's own starts.</summary>
    public void RaceFromMark()
    {
        if (RefuseOnNetwork("a network starts from its initial weights; R resets every ball to them")) return;
        if (MarkedStart is not { } start)
        {
            Say("click the surface to mark a start first");
            return;
        }
        World.Restart(start);
        Clock.Restart();
        Say(string.Create(CultureInfo.InvariantCulture, $"every ball from ({start.X:0.###}, {start.Y:0.###}); R: back to the scene's starts"));
    }

    public void SwitchLandscape(int direction)
    {
        if (RefuseOnNetwork("L and Page Down switch 2-D landscapes; this scene trains a network (W: next plane of its weights)")) return;
        int i = Array.IndexOf(LandscapeNames, World.Landscape.Name);
        string name = LandscapeNames[((i < 0 ? 0 : i) + direction + LandscapeNames.Length) % LandscapeNames.Length];
        if (!_landscapes.TryGetValue(name, out var landscape)) _landscapes[name] = landscape = LandscapeCatalog.Create(name);
        MoveTo(landscape);
        Say($"landscape: {name}");
    }

    /// <summary>The world on another landscape, every ball from its default start, framed anew.</summary>
    private void MoveTo(Landscape landscape)
    {
        World.SwitchLandscape(landscape);
        KeepOwnStarts(); // the new landscape's start is the one R returns to
        Clock.Restart();
        FrameRequested = true;
    }

    public void ToggleBall(int index)
    {
        if (index >= World.Balls.Count) return;
        var ball = World.Balls[index];
        ball.Enabled = !ball.Enabled;
        Say($"{ball.Label}: {(ball.Enabled ? "on" : "off")}");
    }

    /// <summary>The number keys reach nine balls; this reaches the selected one, whichever it is.</summary>
    public void ToggleSelectedBall()
    {
        if (SelectedBall < 0) Say("Tab selects a ball to switch off or on");
        else ToggleBall(SelectedBall);
    }

    public void Select(int direction)
    {
        int n = World.Balls.Count;
        // Cycle through -1 (all), 0, 1, ..., n - 1.
        State.SelectedBall = ((SelectedBall + 1 + direction) % (n + 1) + n + 1) % (n + 1) - 1;
        Say(SelectedBall < 0 ? "learning-rate keys act on every ball" : $"learning-rate keys act on {World.Balls[SelectedBall].Label}");
    }

    public void ScaleLearningRate(double factor)
    {
        var balls = World.Balls;
        for (int i = 0; i < balls.Count; i++)
            if (SelectedBall < 0 || i == SelectedBall) balls[i].Optimizer.LearningRate *= factor;
        string who = SelectedBall < 0 ? "every ball" : balls[SelectedBall].Label;
        Say($"learning rate {(factor > 1 ? "×" : "÷")}{NumberText.Short(factor > 1 ? factor : 1 / factor)} for {who}");
    }

    public void ToggleBiasCorrection()
    {
        var now = World.BiasCorrection;
        if (now == BiasCorrectionState.NotApplicable)
        {
            Say("no ball has bias correction (Adam, AdamW or Ng's momentum)");
            return;
        }
        // Mixed (a lesson comparing the two) becomes ON for every ball.
        bool on = now != BiasCorrectionState.On;
        World.SetBiasCorrection(on);
        Say($"bias correction {(on ? "ON" : "OFF")} for every ball");
    }

    public void ToggleDecay()
    {
        if (World.Schedule is ConstantSchedule)
        {
            GentleEpochs();
            World.Schedule = _decay; // counts from this step: the balls keep the rate they have
        }
        else
        {
            _decay = World.Schedule;
            World.Schedule = new ConstantSchedule();
        }
        Say(World.Schedule is ConstantSchedule ? "learning-rate decay off" : $"learning-rate decay: {World.Schedule.Label}, from now{EpochNote()}");
    }

    /// <summary>An analytic scene that set no epoch length gets <see cref="GentleStepsPerEpoch"/>.</summary>
    private void GentleEpochs()
    {
        if (World.Objective.ExampleCount == 0 && World.StepsPerEpoch == 1) World.StepsPerEpoch = GentleStepsPerEpoch;
    }

    private string EpochNote() => World.Objective.ExampleCount == 0 ? $"; an epoch here is {World.StepsPerEpoch} steps" : "";

    public void CycleSchedule(int direction)
    {
        var current = World.Schedule is ConstantSchedule ? _decay : World.Schedule;
        int i = Array.IndexOf(DecayNames, current.Name);
        int next = i < 0 ? 0 : ((i + direction) % DecayNames.Length + DecayNames.Length) % DecayNames.Length;
        _decay = ScheduleCatalog.Create(DecayNames[next]);
        GentleEpochs();
        World.Schedule = _decay;
        Say($"learning-rate decay: {_decay.Label}, from now{EpochNote()}");
    }

    /// <summary>Mini-batch sizes on offer: the powers of two below the data set's size, then the full batch.</summary>
    public static IReadOnlyList<int> BatchSizes(int examples)
    {
        var sizes = new List<int>();
        for (int b = 1; b < examples; b *= 2) sizes.Add(b);
        sizes.Add(examples);
        return sizes;
    }

    public void CycleBatchSize(int direction)
    {
        int m = World.Objective.ExampleCount;
        if (m == 0)
        {
            Say("mini-batches are for data landscapes (linreg, logreg): here every gradient is the full one");
            return;
        }
        var sizes = BatchSizes(m);
        int i = 0;
        while (i < sizes.Count - 1 && sizes[i] < World.BatchSize) i++;
        int next = ((i + direction) % sizes.Count + sizes.Count) % sizes.Count;
        World.BatchSize = sizes[next];
        Say(World.BatchSize == m ? $"full batch ({m} examples): no noise" : $"mini-batches of {World.BatchSize} of {m} examples");
    }

    /// <summary>The plane of a network's weights drawn next: random, through two balls, PCA (the surface follows off the frame's thread).</summary>
    public void CyclePlane()
    {
        if (RefuseOnLandscape()) return;
        World.PlaneChoice = World.PlaneChoice.NextKind() with { FirstBall = Math.Max(SelectedBall, 0), SecondBall = NextBall(Math.Max(SelectedBall, 0)) };
        Say($"plane: {World.PlaneChoice.Describe()} (sampling…)");
    }

    /// <summary>New filter-normalised random directions (another seed); switches to the random plane.</summary>
    public void NewDirections()
    {
        if (RefuseOnLandscape()) return;
        var choice = World.PlaneChoice;
        World.PlaneChoice = choice with { Kind = PlaneKind.Random, Seed = choice.Seed + 1 };
        Say($"new random directions (seed {World.PlaneChoice.Seed})");
    }

    /// <summary>
    /// Centres the plane on the selected ball (the first if none), which then lies on the surface at (0, 0)
    /// while the plane follows it; again on the same ball goes back to the plane's own centre.
    /// </summary>
    public void RecentrePlane()
    {
        if (RefuseOnLandscape()) return;
        int ball = Math.Max(SelectedBall, 0);
        var choice = World.PlaneChoice;
        World.PlaneChoice = choice with { CentreBall = choice.CentreBall == ball ? null : ball };
        Say(World.PlaneChoice.CentreBall is null ? $"plane: {World.PlaneChoice.Describe()}" : $"plane centred on ball {ball + 1}: it lies on the surface");
    }

    private int NextBall(int ball) => World.Balls.Count < 2 ? ball : (ball + 1) % World.Balls.Count;

    /// <summary>On a network scene says <paramref name="why"/> a 2-D action does not apply, and returns true.</summary>
    private bool RefuseOnNetwork(string why)
    {
        if (World.Objective is Landscape) return false;
        Say(why);
        return true;
    }

    /// <summary>On a 2-D landscape says that planes are for networks, and returns true.</summary>
    private bool RefuseOnLandscape()
    {
        if (World.Objective is not Landscape) return false;
        Say("planes of weights are for network scenes (--data NAME --layers ...); a 2-D landscape is drawn as it is");
        return true;
    }

    public void ToggleTopDown()
    {
        State.TopDown = !TopDown;
        FrameRequested = true;
        Say(TopDown ? "top-down contour view" : "3D view");
    }

    public void FrameView() => FrameRequested = true;

    public void ToggleFullscreen() => Fullscreen = !Fullscreen;

    public void RequestScreenshot() => ScreenshotRequested = true;

    public void Escape()
    {
        if (Layers.Help) Layers.Help = false;
        else Fullscreen = false;
    }

    public void Quit() => QuitRequested = true;
}
