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

    public void Draw(Window window, LessonMenu menu, int textSize, Theme theme)
    {
        var lessons = LessonCatalog.All;
        int size = textSize, small = textSize * 4 / 5;
        float row = size * 1.4f;
        float width = Math.Min(window.Width - 2 * size, size * 34f);
        float height = size * 2.6f + lessons.Count * row + small * 3.2f;
        float x = Math.Max((window.Width - width) / 2, 0), y = Math.Max((window.Height - height) / 2, 0);
        window.DrawRectangle(x, y, width, height, theme.Sheet);
        window.DrawRectangle(x, y, width, 3, theme.Accent);
        window.DrawText("Lessons", x + size, y + size * 0.5f, (int)(size * 1.15f), theme.Accent);
        const string hint = "↑ ↓  Enter,  or  1 … 9, 0     Esc closes";
        window.DrawText(hint, x + width - size - window.MeasureText(hint, small).X, y + size * 0.7f, small, theme.DimText);
        float top = y + size * 2.2f;
        for (int i = 0; i < lessons.Count; i++)
        {
            float ry = top + i * row;
            bool chosen = i == menu.Cursor;
            if (chosen) window.DrawRectangle(x + size * 0.5f, ry - size * 0.15f, width - size, row, theme.ChosenRow);
            var colour = chosen ? theme.Text : theme.Stats;
            window.DrawText(Numbers[i], x + size, ry, size, theme.Accent);
            window.DrawText(lessons[i].Title, x + size * 2.4f, ry, size, colour);
            float w = window.MeasureText(Steps[i], small).X;
            window.DrawText(Steps[i], x + width - size - w, ry + (size - small) * 0.5f, small, theme.DimText);
        }
        var summary = lessons[menu.Cursor].Summary;
        float sy = top + lessons.Count * row + small * 0.5f;
        var lines = _summary.Lines(window, summary, small, width - 2 * size, 2);
        for (int line = 0; line < lines.Count; line++)
            window.DrawText(lines[line], x + size, sy + line * small * 1.25f, small, theme.DimText);
    }
}
