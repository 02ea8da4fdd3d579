using System.Globalization;
using Sim.Core.Lessons;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>The list of lessons over the middle of the window, the chosen one marked and summarised below.</summary>
public sealed class LessonMenuOverlay
{
    private static readonly string[] Numbers = [.. LessonCatalog.All.Select(l => l.Number == 10 ? "0" : l.Number.ToString(CultureInfo.InvariantCulture))];
    private static readonly string[] Steps = [.. LessonCatalog.All.Select(l => $"{l.Steps.Count} steps")];
    private readonly WrappedText _summary = new();

    private const string Hint = "↑ ↓  Enter,  or  1 … 9, 0     Esc closes";

    /// <summary>Where the last frame's menu was, for checking pictures.</summary>
    public PanelRect Bounds { get; private set; }

    /// <summary>The menu's height at text size <paramref name="size"/>: heading, a row a lesson, two lines of summary.</summary>
    private static float Height(int size) => size * 2.6f + LessonCatalog.All.Count * size * 1.4f + size * 4 / 5 * 3.2f;

    /// <summary>
    /// The list at the text size asked for, or smaller if the window is too short for every lesson (large
    /// text on a projector); titles that do not fit beside their step count shrink, then end with "…".
    /// </summary>
    public void Draw(Window window, LessonMenu menu, int textSize, Theme theme)
    {
        var lessons = LessonCatalog.All;
        int size = textSize;
        while (size > 10 && Height(size) > window.Height) size--;
        int small = size * 4 / 5;
        float row = size * 1.4f;
        float width = Math.Min(window.Width - 2 * size, size * 34f), height = Height(size);
        float x = Math.Max((window.Width - width) / 2, 0), y = Math.Max((window.Height - height) / 2, 0);
        Bounds = new PanelRect(x, y, width, height);
        window.DrawRectangle(x, y, width, height, theme.Sheet);
        window.DrawRectangle(x, y, width, 3, theme.Accent);
        int heading = (int)(size * 1.15f);
        window.DrawText("Lessons", x + size, y + size * 0.5f, heading, theme.Accent);
        // The hint takes the room right of the heading: smaller, or cut, never over it.
        float hintRoom = width - 3 * size - window.MeasureText("Lessons", heading).X;
        int hintSize = TextFit.Size(window, Hint, small, small * 2 / 3, hintRoom);
        float hintWidth = Math.Min(window.MeasureText(Hint, hintSize).X, hintRoom);
        TextFit.Draw(window, Hint, x + width - size - hintWidth, y + size * 0.7f, hintSize, hintSize, hintRoom, theme.DimText);
        float top = y + size * 2.2f;
        for (int i = 0; i < lessons.Count; i++)
        {
            float ry = top + i * row;
            bool chosen = i == menu.Cursor;
            if (chosen) window.DrawRectangle(x + size * 0.5f, ry - size * 0.15f, width - size, row, theme.ChosenRow);
            var colour = chosen ? theme.Text : theme.Stats;
            window.DrawText(Numbers[i], x + size, ry, size, theme.Accent);
            float w = window.MeasureText(Steps[i], small).X;
            window.DrawText(Steps[i], x + width - size - w, ry + (size - small) * 0.5f, small, theme.DimText);
            float titleX = x + size * 1.5f + window.MeasureText("00", size).X; // two-digit numbers too
            TextFit.Draw(window, lessons[i].Title, titleX, ry, size, size * 3 / 4, x + width - size - w - size * 0.6f - titleX, colour);
        }
        var summary = lessons[menu.Cursor].Summary;
        float sy = top + lessons.Count * row + small * 0.5f;
        var lines = _summary.Lines(window, summary, small, width - 2 * size, 2);
        for (int line = 0; line < lines.Count; line++)
            window.DrawText(lines[line], x + size, sy + line * small * 1.25f, small, theme.DimText);
    }
}
