using Sim.Core.Optimizers;

namespace Sim.Render.Playground;

/// <summary>
/// The in-window optimizer picker (Shift+N): the catalogue's optimizers in a list, one chosen; while it
/// is open, ↑ ↓ choose, Enter adds a ball, Shift+Enter switches the selected ball, Esc closes.
/// </summary>
public sealed class OptimizerPicker
{
    /// <summary>The catalogue's optimizer names, in its order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. OptimizerCatalog.Names];

    public bool IsOpen { get; private set; }

    /// <summary>The chosen row, 0 to <see cref="Names"/>.Count − 1.</summary>
    public int Row { get; private set; }

    public string Chosen => Names[Row];

    public void Open() => IsOpen = true;

    public void Close() => IsOpen = false;

    /// <summary>Up (−1) or down (+1), wrapping around the list.</summary>
    public void Move(int direction) => Row = ((Row + direction) % Names.Count + Names.Count) % Names.Count;
}
