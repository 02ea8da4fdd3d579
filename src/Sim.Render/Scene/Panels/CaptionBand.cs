using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// A lesson step's caption across the bottom of the window in large white text on a black band, with
/// the lesson and step above it: readable from the back of a hall over any part of the scene. Long
/// captions wrap at words onto up to three lines; wrapping is redone only when the caption or the
/// room changes.
/// </summary>
public sealed class CaptionBand
{
    public const int MaxLines = 3;

    private (string?, int, float) _wrappedFor;
    private readonly List<string> _lines = [];

    public static int CaptionSize(int textSize) => textSize * 13 / 10;

    private static int TagSize(int textSize) => textSize * 3 / 4;

    /// <summary>The band's height for <paramref name="caption"/> in a band <paramref name="width"/> pixels wide.</summary>
    public float Height(Window window, string caption, int textSize, float width)
    {
        Wrap(window, caption, textSize, width);
        int size = CaptionSize(textSize);
        return TagSize(textSize) * 1.5f + _lines.Count * size * 1.18f + size * 0.55f;
    }

    public void Draw(Window window, PanelRect band, string caption, ReadOnlySpan<char> tag, int textSize, Theme theme)
    {
        Wrap(window, caption, textSize, band.Width);
        int size = CaptionSize(textSize), tagSize = TagSize(textSize);
        window.DrawRectangle(band.X, band.Y, band.Width, band.Height, theme.CaptionBand);
        window.DrawRectangle(band.X, band.Y, band.Width, 3, theme.Accent);
        float y = band.Y + tagSize * 0.45f;
        DrawTag(window, band, tag, tagSize, y, theme);
        y += tagSize * 1.1f;
        foreach (var line in _lines)
        {
            float w = window.MeasureText(line, size).X;
            window.DrawText(line, band.X + (band.Width - w) / 2, y, size, theme.Text);
            y += size * 1.18f;
        }
    }

    private void Wrap(Window window, string caption, int textSize, float width)
    {
        var key = (caption, textSize, width);
        if (_wrappedFor == key) return;
        _wrappedFor = key;
        _lines.Clear();
        int size = CaptionSize(textSize);
        float room = width - 2 * textSize;
        var chunks = Chunks(caption);
        // As few lines as the room allows (at most three, the last taking the rest), then as even as they
        // can be: the narrowest width that still needs no more lines. "…noise around the minimum, and slows
        // every ball / down" left one word alone on the last line.
        int lines = Breaks(window, chunks, size, room).Count;
        float lo = 0, hi = room;
        for (int i = 0; i < 12; i++)
        {
            float mid = (lo + hi) / 2;
            if (Breaks(window, chunks, size, mid).Count <= lines && Fits(window, chunks, size, mid)) hi = mid;
            else lo = mid;
        }
        var breaks = Breaks(window, chunks, size, hi);
        for (int b = 0; b < breaks.Count; b++) _lines.Add(Join(chunks, breaks[b], b + 1 < breaks.Count ? breaks[b + 1] : chunks.Count));
    }

    /// <summary>The lines of this caption in the last frame's band.</summary>
    internal IReadOnlyList<string> Lines => _lines;

    /// <summary>Greedy: as many chunks on a line as fit <paramref name="width"/>; the last line takes the rest.</summary>
    private static List<int> Breaks(Window window, List<string> chunks, int size, float width)
    {
        var breaks = new List<int> { 0 };
        for (int i = 1; i < chunks.Count; i++)
            if (breaks.Count < MaxLines && window.MeasureText(Join(chunks, breaks[^1], i + 1), size).X > width) breaks.Add(i);
        return breaks;
    }

    /// <summary>Whether every line of the greedy wrap at <paramref name="width"/> fits it (the last line may not, when lines run out).</summary>
    private static bool Fits(Window window, List<string> chunks, int size, float width)
    {
        var breaks = Breaks(window, chunks, size, width);
        return window.MeasureText(Join(chunks, breaks[^1], chunks.Count), size).X <= width;
    }

    private static string Join(List<string> chunks, int from, int to) => string.Join(' ', chunks.Skip(from).Take(to - from));

    /// <summary>
    /// The caption's words, with formulas kept whole: a space beside an operator (−, =, ×, ≈, ...) does not
    /// break, so "(1 − β₂)" never splits across lines.
    /// </summary>
    private static List<string> Chunks(string caption)
    {
        var chunks = new List<string>();
        bool glue = false;
        foreach (var word in caption.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool op = word.Length <= 2 && word.All(ch => "−-+=×≈/·→<>≤≥".Contains(ch));
            if (chunks.Count > 0 && (glue || op)) chunks[^1] += " " + word;
            else chunks.Add(word);
            glue = op;
        }
        return chunks;
    }

    // The lesson's tag line shrinks to fit the band (large text on a 1024-pixel projector) and, if even
    // the smallest size is too wide, is cut with "…" rather than run off both edges.
    private static void DrawTag(Window window, PanelRect band, ReadOnlySpan<char> tag, int tagSize, float y, Theme theme)
    {
        float room = band.Width - tagSize;
        int min = Math.Max(10, tagSize * 2 / 3);
        int fitted = TextFit.Size(window, tag, tagSize, min, room);
        float width = window.MeasureText(tag, fitted).X;
        if (width <= room) window.DrawText(tag, band.X + (band.Width - width) / 2, y, fitted, theme.Accent);
        else TextFit.Draw(window, tag, band.X + tagSize / 2f, y, fitted, fitted, room, theme.Accent);
    }
}
