using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Scene;

namespace Sim.Render.Playground;

/// <summary>
/// Keys and clicks dispatched as the window dispatches them: a key goes to the classroom's table first
/// (in a lesson, the menu or the parameter panel some keys mean something else), then the playground's;
/// a click on a <see cref="ClickTarget"/> is that target's key press, so every switch has one rule for
/// both, and its tooltip is that key's line of the help.
/// </summary>
public static class Clicks
{
    private static readonly Dictionary<(Key, Modifier, string), string> s_tooltips = [];

    /// <summary>What a key press (or a held key's repeat) does; false if nothing.</summary>
    public static bool Press(ClassroomControls c, Key key, bool shift, bool control, bool repeat = false) =>
        ClassroomKeys.Dispatch(c, key, shift, control, repeat) || KeyBindings.Dispatch(c.Playground, key, shift, control, repeat);

    /// <summary>Does what a click on <paramref name="target"/> means: its row chosen first, then its key pressed.</summary>
    public static bool Click(ClassroomControls c, ClickTarget target)
    {
        if (target.Row >= 0) c.ChooseParameterRow(target.Row);
        return Press(c, target.Key, target.Modifier == Modifier.Shift, target.Modifier == Modifier.Control);
    }

    /// <summary>"keys: what they do", from the help line of the binding the click would run; null if none.</summary>
    public static string? Tooltip(ClassroomControls c, ClickTarget target)
    {
        bool shift = target.Modifier == Modifier.Shift, control = target.Modifier == Modifier.Control;
        foreach (var binding in ClassroomKeys.All)
        {
            if (binding.When is { } when && !when(c)) continue;
            foreach (var trigger in binding.Triggers)
                if (trigger.Key == target.Key && KeyBindings.Matches(trigger.Modifier, shift, control)) return Line(target, binding.Keys, binding.Action);
        }
        foreach (var binding in KeyBindings.All)
            foreach (var trigger in binding.Triggers)
                if (trigger.Key == target.Key && KeyBindings.Matches(trigger.Modifier, shift, control)) return Line(target, binding.Keys, binding.Action);
        return null;
    }

    /// <summary>
    /// Where a tooltip opens from: the inner edge of the panel the pointer is over (the column at the right,
    /// <paramref name="columnWidth"/> wide, or the side panel at the left), on the pointer's line, so that it
    /// covers the scene, not the rows beside the control; elsewhere the pointer itself.
    /// </summary>
    public static System.Numerics.Vector2 TooltipAnchor(System.Numerics.Vector2 pointer, float windowWidth, float columnWidth, float sidePanelWidth)
    {
        float columnLeft = windowWidth - columnWidth;
        if (columnWidth > 0 && pointer.X >= columnLeft) return new(columnLeft, pointer.Y);
        if (sidePanelWidth > 0 && pointer.X <= sidePanelWidth) return new(sidePanelWidth, pointer.Y);
        return pointer;
    }

    // Made once per line: hovering allocates nothing after the first time.
    private static string Line(ClickTarget target, string keys, string action)
    {
        var key = (target.Key, target.Modifier, action);
        if (!s_tooltips.TryGetValue(key, out var line)) s_tooltips[key] = line = $"click or {keys.Replace("  ", " ")}: {action}";
        return line;
    }
}
