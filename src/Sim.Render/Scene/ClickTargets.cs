using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Scene;

/// <summary>
/// A place on screen that does what a key does: a click there is dispatched as that key press, through
/// the same key tables, so the mouse and the keys share one rule. <paramref name="Row"/> is the parameter
/// panel's row the click is about (chosen first), or -1.
/// </summary>
public readonly record struct ClickTarget(PanelRect Area, Key Key, Modifier Modifier, int Row = -1);

/// <summary>
/// The click targets of the last frame, added by whatever drew them (the side panel's switches, the
/// legend, the parameter panel's values); reused from frame to frame, so drawing allocates nothing.
/// </summary>
public sealed class ClickTargets
{
    private readonly List<ClickTarget> _targets = [];

    public int Count => _targets.Count;

    public ClickTarget this[int index] => _targets[index];

    public void Clear() => _targets.Clear();

    public void Add(float x, float y, float width, float height, Key key, Modifier modifier = Modifier.None, int row = -1) =>
        _targets.Add(new ClickTarget(new PanelRect(x, y, width, height), key, modifier, row));

    /// <summary>The target at (x, y), the one drawn last where several overlap; null if none.</summary>
    public ClickTarget? At(float x, float y)
    {
        for (int i = _targets.Count - 1; i >= 0; i--)
        {
            var a = _targets[i].Area;
            if (x >= a.X && x < a.Right && y >= a.Y && y < a.Bottom) return _targets[i];
        }
        return null;
    }
}
