using Sim.Core.Lessons;

namespace Sim.Render.Classroom;

/// <summary>The list of lessons to pick from: open or closed, and the row the arrows have reached.</summary>
public sealed class LessonMenu
{
    public bool IsOpen { get; private set; }

    /// <summary>Index into <see cref="LessonCatalog.All"/>.</summary>
    public int Cursor { get; private set; }

    /// <summary>Opens with the cursor on <paramref name="current"/> (the open lesson's index), or the first.</summary>
    public void Open(int current = 0)
    {
        IsOpen = true;
        Cursor = Math.Clamp(current, 0, LessonCatalog.All.Count - 1);
    }

    public void Close() => IsOpen = false;

    public void Move(int direction)
    {
        int n = LessonCatalog.All.Count;
        Cursor = ((Cursor + direction) % n + n) % n;
    }
}
