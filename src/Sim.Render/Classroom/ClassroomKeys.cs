using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Classroom;

/// <summary>One classroom key, with the modifier it needs, and what it does.</summary>
public readonly record struct ClassroomTrigger(Key Key, Modifier Modifier, Action<ClassroomControls> Run);

/// <summary>
/// One line of the help and the key presses that do what it says, when <see cref="When"/> holds (null:
/// always). A key whose condition fails falls through to the playground's meaning.
/// </summary>
public sealed record ClassroomBinding(string Keys, string Action, Func<ClassroomControls, bool>? When, params ClassroomTrigger[] Triggers)
{
    public bool Repeats { get; init; }
}

/// <summary>
/// The classroom's keys, asked before the playground's (<see cref="KeyBindings"/>): the lesson menu
/// while it is open, lesson steps on the presenter remote's keys (Page Down/Up, →/←) while a lesson is
/// open, the parameter panel's editing keys while it is open on a selected ball, then the rest.
/// </summary>
public static class ClassroomKeys
{
    private const Modifier No = Modifier.None, Shift = Modifier.Shift, Ctrl = Modifier.Control, Any = Modifier.Any;

    private static readonly Func<ClassroomControls, bool> InPicker = c => c.Playground.Picker.IsOpen;
    private static readonly Func<ClassroomControls, bool> InMenu = c => c.MenuOpen;
    private static readonly Func<ClassroomControls, bool> InLesson = c => c.InLesson && !c.MenuOpen;
    private static readonly Func<ClassroomControls, bool> Editing = c => c.EditingParameters && !c.MenuOpen;

    public static IReadOnlyList<ClassroomBinding> All { get; } =
    [
        // The picker first: while it is open its keys are its own.
        new("picker: ↑ ↓, Enter / Shift+Enter, Esc", "choose an optimizer; add a ball at the marked or selected start / switch the selected ball; close", InPicker,
            T(Key.Up, Any, c => c.Playground.MovePicker(-1)), T(Key.Down, Any, c => c.Playground.MovePicker(1)),
            T(Key.Enter, No, c => c.Playground.AddPickedBall()), T(Key.Enter, Shift, c => c.Playground.SwitchSelectedBall()),
            T(Key.Escape, Any, c => c.Playground.ClosePicker())),
        new("Shift+N", "optimizer picker: add a ball, or switch the selected one to another optimizer", null, T(Key.N, Shift, c => c.Playground.OpenPicker())),
        new("K", "lesson menu (Shift+K: leave the lesson)", null, T(Key.K, No, c => c.ToggleMenu()), T(Key.K, Shift, c => c.LeaveLesson())),
        // The presenter remote's keys move the cursor too: otherwise they would fall through to the
        // playground and switch the landscape under the lesson's caption.
        new("menu: ↑ ↓ (Page Up / Down) Enter, 1 … 9, 0", "choose a lesson (0 is the tenth; Esc closes)", InMenu,
            T(Key.Up, Any, c => c.MoveMenu(-1)), T(Key.Down, Any, c => c.MoveMenu(1)), T(Key.Enter, Any, c => c.ChooseFromMenu()),
            T(Key.PageUp, Any, c => c.MoveMenu(-1)), T(Key.PageDown, Any, c => c.MoveMenu(1)),
            T(Key.Left, Any, c => c.MoveMenu(-1)), T(Key.Right, Any, c => c.MoveMenu(1)),
            T(Key.Escape, Any, c => c.CloseMenu()),
            T(Key.D1, Any, c => c.PickLesson(0)), T(Key.D2, Any, c => c.PickLesson(1)), T(Key.D3, Any, c => c.PickLesson(2)),
            T(Key.D4, Any, c => c.PickLesson(3)), T(Key.D5, Any, c => c.PickLesson(4)), T(Key.D6, Any, c => c.PickLesson(5)),
            T(Key.D7, Any, c => c.PickLesson(6)), T(Key.D8, Any, c => c.PickLesson(7)), T(Key.D9, Any, c => c.PickLesson(8)),
            T(Key.D0, Any, c => c.PickLesson(9))),
        new("lesson: Page Down / →", "next step of the lesson (presenter remote)", InLesson,
            T(Key.PageDown, Any, c => c.NextStep()), T(Key.Right, Any, c => c.NextStep())),
        new("lesson: Page Up / ←", "previous step of the lesson", InLesson,
            T(Key.PageUp, Any, c => c.PreviousStep()), T(Key.Left, Any, c => c.PreviousStep())),
        new("lesson: R", "play the step again from its start (paused on its first frame)", InLesson, T(Key.R, No, c => c.ReplayStep())),
        // One line per panel, from the panel registry: its key opens and closes it.
        .. PanelRegistry.All.Select(kind => new ClassroomBinding(kind.KeyLabel, kind.Help, null, T(kind.Key, kind.Modifier, c => c.Toggle(kind)))),
        new("Shift+E", "play the explained step part by part, a caption each: gradient, momentum, √v per axis, bias correction, step, landing",
            null, T(Key.E, Shift, c => c.PlayExplainer())),
        new("G", "what the EMA panel averages (gradient x or |g|, bias-corrected or not)", null, T(Key.G, No, c => c.CycleEma())),
        new("panel: ↑ ↓,  [ ]  or  − +", "choose a hyperparameter, ÷ / × 1.25 (switches flip)", Editing,
            T(Key.Up, Any, c => c.MoveParameterRow(-1)), T(Key.Down, Any, c => c.MoveParameterRow(1)),
            T(Key.LeftBracket, Any, c => c.ChangeParameter(-1)), T(Key.RightBracket, Any, c => c.ChangeParameter(1)),
            T(Key.Minus, No, c => c.ChangeParameter(-1)), T(Key.KeypadMinus, Any, c => c.ChangeParameter(-1)),
            T(Key.Equals, Shift, c => c.ChangeParameter(1)), T(Key.Equals, No, c => c.ChangeParameter(1)), T(Key.KeypadPlus, Any, c => c.ChangeParameter(1)))
        { Repeats = true },
        new("X", "export every ball's trajectory to CSV", null, T(Key.X, No, c => c.ExportTrajectories())),
        new("Shift+P", "record frames to numbered PNGs: start / stop", null, T(Key.P, Shift, c => c.ToggleRecording())),
        new("Z / Shift+Z  or  Ctrl+= / Ctrl+−", "bigger / smaller text", null,
            T(Key.Z, No, c => c.ScaleText(ClassroomControls.TextStep)), T(Key.Z, Shift, c => c.ScaleText(1 / ClassroomControls.TextStep)),
            T(Key.Equals, Ctrl, c => c.ScaleText(ClassroomControls.TextStep)), T(Key.Minus, Ctrl, c => c.ScaleText(1 / ClassroomControls.TextStep))),
        new("Shift+C", "high-contrast theme on / off", null, T(Key.C, Shift, c => c.ToggleHighContrast())),
    ];

    private static ClassroomTrigger T(Key key, Modifier modifier, Action<ClassroomControls> run) => new(key, modifier, run);

    /// <summary>The help overlay's rows: the playground's keys, then the classroom's.</summary>
    public static IReadOnlyList<(string Keys, string Action)> HelpRows { get; } =
        [.. KeyBindings.HelpRows, .. All.Select(b => (b.Keys, b.Action))];

    /// <summary>Runs what a key press (or a held key's repeat) does in the classroom; false leaves it to the playground.</summary>
    public static bool Dispatch(ClassroomControls controls, Key key, bool shift, bool control, bool repeat = false)
    {
        if (controls.Playground.Formula.IsOpen) return false; // the formula field takes every key
        foreach (var binding in All)
        {
            if (repeat && !binding.Repeats) continue;
            if (binding.When is { } when && !when(controls)) continue;
            foreach (var trigger in binding.Triggers)
                if (trigger.Key == key && KeyBindings.Matches(trigger.Modifier, shift, control))
                {
                    trigger.Run(controls);
                    return true;
                }
        }
        return false;
    }
}
