using Sim.Core.Landscapes;
using Sim.Render.Platform;

namespace Sim.Render.Playground;

/// <summary>
/// The formula field's keys: Shift+F opens it on the formula on show; while it is open every key goes
/// to it (<see cref="FormulaKey"/>): editing, Enter to apply, Esc to cancel.
/// </summary>
public sealed partial class PlaygroundControls
{
    public FormulaField Formula => State.Formula;

    /// <summary>Reads the clipboard for Ctrl+V in the field (the window's; null without one).</summary>
    public Func<string?>? Clipboard { get; set; }

    public void OpenFormula()
    {
        Formula.Open(World.Landscape is FormulaLandscape f ? f.Formula : "");
        Say("type f(x, y), such as (1 - x)^2 + 100*(y - x^2)^2; Enter applies, Esc cancels", 6);
    }

    /// <summary>A key while the field is open: always consumed, so no other binding acts on it.</summary>
    public void FormulaKey(Key key, bool control)
    {
        switch (key)
        {
            case Key.Escape:
                Formula.Close();
                Say("formula: cancelled");
                break;
            case Key.Enter or Key.KeypadEnter:
                if (Formula.Apply(MoveTo) is { } landscape) Say($"landscape: f(x, y) = {landscape.Formula}", 4);
                break;
            case Key.Left: Formula.Left(); break;
            case Key.Right: Formula.Right(); break;
            case Key.Home: Formula.Home(); break;
            case Key.End: Formula.End(); break;
            case Key.Backspace: Formula.Backspace(); break;
            case Key.Delete: Formula.Delete(); break;
            case Key.V when control:
                if (Clipboard?.Invoke() is { } pasted) Formula.Insert(pasted);
                break;
        }
    }

    /// <summary>Characters typed while the field is open (the window's text input).</summary>
    public void TypeFormula(ReadOnlySpan<char> text) => Formula.Insert(text);
}
