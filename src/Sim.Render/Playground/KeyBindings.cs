using Sim.Render.Platform;

namespace Sim.Render.Playground;

/// <summary>
/// Every key of the playground, in the order the help overlay lists them; the help text and the
/// dispatch come from this one table. Presenter remotes send Page Up/Down, the arrows, B or '.'
/// (blank screen) and F5 (start show): Page Down/Up change landscape, → steps, ← resets, F5 pauses.
/// </summary>
public static class KeyBindings
{
    private const Modifier No = Modifier.None, Shift = Modifier.Shift, Ctrl = Modifier.Control, Any = Modifier.Any;

    public static IReadOnlyList<KeyBinding> All { get; } =
    [
        new("H  or  F1", "this help", T(Key.H, No, c => c.ToggleHelp()), T(Key.F1, Any, c => c.ToggleHelp())),
        new("Space  or  F5", "pause / resume", T(Key.Space, Any, c => c.TogglePause()), T(Key.F5, Any, c => c.TogglePause())),
        new("→  or  .", "one step (pauses)", T(Key.Right, Any, c => c.SingleStep()), T(Key.Period, Any, c => c.SingleStep())) { Repeats = true },
        new("↑  /  ↓", "faster / slower (steps per second ×2 / ÷2)", T(Key.Up, Any, c => c.ChangeSpeed(2)), T(Key.Down, Any, c => c.ChangeSpeed(0.5))) { Repeats = true },
        new("R  or  ←", "reset: every ball back to the scene's own start", T(Key.R, No, c => c.Reset()), T(Key.Left, Any, c => c.Reset())),
        new("click the surface  /  Shift+R", "mark a start  /  race every ball from it", T(Key.R, Shift, c => c.RaceFromMark())),
        new("Page Down / Page Up", "next / previous landscape (presenter remote)",
            T(Key.PageDown, Any, c => c.SwitchLandscape(1)), T(Key.PageUp, Any, c => c.SwitchLandscape(-1))),
        new("L  /  Shift+L", "next / previous landscape", T(Key.L, No, c => c.SwitchLandscape(1)), T(Key.L, Shift, c => c.SwitchLandscape(-1))),
        new("1 … 9", "switch ball 1 … 9 off / on",
            T(Key.D1, No, c => c.ToggleBall(0)), T(Key.D2, No, c => c.ToggleBall(1)), T(Key.D3, No, c => c.ToggleBall(2)),
            T(Key.D4, No, c => c.ToggleBall(3)), T(Key.D5, No, c => c.ToggleBall(4)), T(Key.D6, No, c => c.ToggleBall(5)),
            T(Key.D7, No, c => c.ToggleBall(6)), T(Key.D8, No, c => c.ToggleBall(7)), T(Key.D9, No, c => c.ToggleBall(8))),
        new("U", "switch the selected ball off / on (any ball: Tab selects it)", T(Key.U, No, c => c.ToggleSelectedBall())),
        new("Tab  /  Shift+Tab", "select next / previous ball (or all) for the lr keys",
            T(Key.Tab, No, c => c.Select(1)), T(Key.Tab, Shift, c => c.Select(-1))),
        new("+  /  −", "learning rate ×1.25 / ÷1.25 (selected ball, or all)",
            T(Key.Equals, Any, c => c.ScaleLearningRate(1.25)), T(Key.KeypadPlus, Any, c => c.ScaleLearningRate(1.25)),
            T(Key.Minus, Any, c => c.ScaleLearningRate(1 / 1.25)), T(Key.KeypadMinus, Any, c => c.ScaleLearningRate(1 / 1.25))) { Repeats = true },
        new("B", "bias correction on / off (Adam, Ng's momentum)", T(Key.B, Any, c => c.ToggleBiasCorrection())),
        new("D", "learning-rate decay on / off", T(Key.D, No, c => c.ToggleDecay())),
        new("S  /  Shift+S", "next / previous decay schedule", T(Key.S, No, c => c.CycleSchedule(1)), T(Key.S, Shift, c => c.CycleSchedule(-1))),
        new("M  /  Shift+M", "smaller / larger mini-batch (powers of two)", T(Key.M, No, c => c.CycleBatchSize(-1)), T(Key.M, Shift, c => c.CycleBatchSize(1))),
        new("W  /  Shift+W", "basin map on / off  /  the next ball's map (network: next plane  /  new random directions)",
            T(Key.W, No, ByScene(c => c.ToggleBasinMap(), c => c.CyclePlane())), T(Key.W, Shift, ByScene(c => c.CompareBasinMap(), c => c.NewDirections()))),
        new("Ctrl+W", "network: centre the plane on the selected ball (again: back)", T(Key.W, Ctrl, c => c.RecentrePlane())),
        new("J  /  Shift+J", "a swarm of 2,000 points at the clicked point (selected ball's optimizer)  /  remove it",
            T(Key.J, No, c => c.ReleaseSwarm()), T(Key.J, Shift, c => c.RemoveSwarm())),
        new("Shift+F", "type your own landscape f(x, y): Enter applies, Esc cancels", T(Key.F, Shift, c => c.OpenFormula())),
        new("T", "trails on / off", T(Key.T, No, c => c.Layers.Trails = !c.Layers.Trails)),
        new("A", "arrows on / off", T(Key.A, No, c => c.Layers.Arrows = !c.Layers.Arrows)),
        new("Shift+A", "second-moment cross on / off: each axis's own step, 1/√v (RMSprop, Adam, Adagrad)",
            T(Key.A, Shift, c => c.Layers.Moments = !c.Layers.Moments)),
        new("O", "mini-batch surface on / off", T(Key.O, No, c => c.Layers.BatchSurface = !c.Layers.BatchSurface)),
        new("I", "heads-up text on / off", T(Key.I, No, c => c.Layers.Hud = !c.Layers.Hud)),
        new("N", "labels beside the balls on / off", T(Key.N, No, c => c.Layers.Labels = !c.Layers.Labels)),
        new("C", "top-down contour view / 3D view", T(Key.C, No, c => c.ToggleTopDown())),
        new("V  or  Home", "frame the whole landscape again", T(Key.V, No, c => c.FrameView()), T(Key.Home, Any, c => c.FrameView())),
        new("F  or  F11", "full screen on / off", T(Key.F, No, c => c.ToggleFullscreen()), T(Key.F11, Any, c => c.ToggleFullscreen())),
        new("P  or  F12", "screenshot to a PNG in the current folder", T(Key.P, No, c => c.RequestScreenshot()), T(Key.F12, Any, c => c.RequestScreenshot())),
        new("Esc", "close help, leave full screen", T(Key.Escape, Any, c => c.Escape())),
        new("Q  or  Ctrl+Q", "quit", T(Key.Q, No, c => c.Quit()), T(Key.Q, Ctrl, c => c.Quit())),
        new("drag  /  wheel", "orbit / zoom", []),
        new("right or middle drag", "pan", []),
    ];

    private static KeyTrigger T(Key key, Modifier modifier, Action<PlaygroundControls> run) => new(key, modifier, run);

    /// <summary>One key for what the surface shows: a 2-D landscape's basin map, a network's plane of weights.</summary>
    private static Action<PlaygroundControls> ByScene(Action<PlaygroundControls> landscape, Action<PlaygroundControls> network) =>
        c => (c.World.Objective is Sim.Core.Landscapes.Landscape ? landscape : network)(c);

    /// <summary>The help overlay's rows.</summary>
    public static IReadOnlyList<(string Keys, string Action)> HelpRows { get; } = [.. All.Select(b => (b.Keys, b.Action))];

    /// <summary>Runs what a key press (or, if <paramref name="repeat"/>, a held key's repeat) does; false if nothing.</summary>
    public static bool Dispatch(PlaygroundControls controls, Key key, bool shift, bool control, bool repeat = false)
    {
        if (controls.Formula.IsOpen)
        {
            controls.FormulaKey(key, control); // while typing a formula, every key is the field's
            return true;
        }
        foreach (var binding in All)
        {
            if (repeat && !binding.Repeats) continue;
            foreach (var trigger in binding.Triggers)
                if (trigger.Key == key && Matches(trigger.Modifier, shift, control))
                {
                    trigger.Run(controls);
                    return true;
                }
        }
        return false;
    }

    /// <summary>Whether the modifiers held match what a trigger needs.</summary>
    public static bool Matches(Modifier m, bool shift, bool control) => m switch
    {
        Modifier.Any => true,
        Modifier.Shift => shift && !control,
        Modifier.Control => control,
        _ => !shift && !control,
    };
}
