using Sim.Render.Platform;
using Sim.Render.Playground;

namespace Sim.Render.Scene;

/// <summary>
/// Draws the open formula field over the bottom of the scene: "f(x, y) =" and the text with its caret;
/// above it the last problem in the parser's words, with a ^ under the column it names. A text too long
/// for the room scrolls so the caret stays in view. Allocation-free: it draws spans of the field's text.
/// </summary>
public static class FormulaFieldView
{
    private const string Prompt = "f(x, y) = ";

    public static void Draw(Window window, FormulaField field, Theme theme, float left, float right, float bottom, int size)
    {
        int pad = size / 2;
        float line = size * 1.3f, width = right - left - 2 * pad;
        bool error = field.Error is not null;
        float height = (error ? 3 : 1) * line + pad, top = bottom - height - pad;
        window.DrawRectangle(left, top, right - left, height + pad, theme.Sheet);
        window.DrawRectangle(left, top, right - left, 2, theme.Accent);

        float promptWidth = window.MeasureText(Prompt, size).X, x = left + pad, y = top + pad / 2f;
        if (error)
        {
            TextFit.Draw(window, field.Error, x, y, size * 4 / 5, Math.Min(size * 4 / 5, 11), width, theme.Bad);
            y += line;
        }
        var text = field.Chars;
        int first = FirstShown(window, text, field.Caret, size, width - promptWidth);
        window.DrawText(Prompt, x, y, size, theme.DimText);
        float textX = x + promptWidth;
        var shown = Fit(window, text[first..], size, width - promptWidth);
        window.DrawText(shown, textX, y, size, theme.Text);
        float caretX = textX + window.MeasureText(text[first..field.Caret], size).X;
        window.DrawRectangle(caretX, y, 2, size * 1.15f, theme.Accent);
        if (field.ErrorColumn is { } column && column - 1 >= first && column - 1 <= text.Length)
        {
            float at = textX + window.MeasureText(text[first..(column - 1)], size).X;
            float charWidth = column - 1 < text.Length ? window.MeasureText(text.Slice(column - 1, 1), size).X : size / 2f;
            float markWidth = window.MeasureText("^", size).X;
            window.DrawText("^", at + (charWidth - markWidth) / 2, y + line * 0.8f, size, theme.Bad);
        }
    }

    /// <summary>The first character shown: 0, or later so that the caret fits in <paramref name="room"/>.</summary>
    private static int FirstShown(Window window, ReadOnlySpan<char> text, int caret, int size, float room)
    {
        int first = 0;
        while (first < caret && window.MeasureText(text[first..caret], size).X > room - size) first++;
        return first;
    }

    /// <summary>The longest start of <paramref name="text"/> that fits <paramref name="room"/>.</summary>
    private static ReadOnlySpan<char> Fit(Window window, ReadOnlySpan<char> text, int size, float room)
    {
        int n = text.Length;
        while (n > 0 && window.MeasureText(text[..n], size).X > room) n--;
        return text[..n];
    }
}
