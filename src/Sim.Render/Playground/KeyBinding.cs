using Sim.Render.Platform;

namespace Sim.Render.Playground;

/// <summary>Which modifier a key press needs.</summary>
public enum Modifier
{
    /// <summary>Shift and Ctrl up.</summary>
    None,
    Shift,
    Control,
    /// <summary>Whatever is held: for keys whose character needs Shift on some layouts ('+').</summary>
    Any,
}

/// <summary>One key, with the modifier it needs, and what it does.</summary>
public readonly record struct KeyTrigger(Key Key, Modifier Modifier, Action<PlaygroundControls> Run);

/// <summary>One line of the help overlay and the key presses that do what it says.</summary>
public sealed record KeyBinding(string Keys, string Action, params KeyTrigger[] Triggers)
{
    /// <summary>Holding the key repeats it (stepping, speed, learning rate); toggles do not repeat.</summary>
    public bool Repeats { get; init; }
}
