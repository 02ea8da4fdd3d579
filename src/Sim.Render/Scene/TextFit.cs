using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Text made to fit a width: the largest size that fits, and the longest start of it that fits with an
/// ellipsis. Measures spans, so a title fitted every frame allocates nothing.
/// </summary>
public static class TextFit
{
    /// <summary>The largest size from <paramref name="max"/> down to <paramref name="min"/> at which <paramref name="text"/> is no wider than <paramref name="width"/>; <paramref name="min"/> if none.</summary>
    public static int Size(Window window, ReadOnlySpan<char> text, int max, int min, float width)
    {
        for (int size = max; size > min; size--)
            if (window.MeasureText(text, size).X <= width) return size;
        return min;
    }

    /// <summary>
    /// Draws <paramref name="text"/> at the largest size down to <paramref name="min"/> that fits
    /// <paramref name="width"/>; if even that is too wide, as much of it as fits, then "…".
    /// </summary>
    public static void Draw(Window window, ReadOnlySpan<char> text, float x, float y, int max, int min, float width, Color colour)
    {
        int size = Size(window, text, max, min, width);
        if (window.MeasureText(text, size).X <= width)
        {
            window.DrawText(text, x, y, size, colour);
            return;
        }
        float ellipsis = window.MeasureText("…", size).X;
        int lo = 0, hi = text.Length; // the longest prefix that fits: at least lo, less than hi + 1
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (window.MeasureText(text[..mid], size).X + ellipsis <= width) lo = mid;
            else hi = mid - 1;
        }
        var prefix = text[..lo].TrimEnd();
        window.DrawText(prefix, x, y, size, colour);
        window.DrawText("…", x + window.MeasureText(prefix, size).X, y, size, colour);
    }

    /// <summary>
    /// As <see cref="Draw"/>, but a name too wide even at <paramref name="min"/> loses its middle, not its end:
    /// "heavy ball…0.9  ✓ 117" beside "heavy ball, μ = 0.99", where an end cut left two names alike.
    /// </summary>
    public static void DrawName(Window window, ReadOnlySpan<char> text, float x, float y, int max, int min, float width, Color colour)
    {
        int size = Size(window, text, max, min, width);
        if (window.MeasureText(text, size).X <= width || text.Length < 4)
        {
            Draw(window, text, x, y, max, min, width, colour);
            return;
        }
        float ellipsis = window.MeasureText("…", size).X, room = width - ellipsis;
        // The end gets up to half the room (what tells names apart is usually there), the start the rest.
        int tail = 0;
        while (tail < text.Length - 1 && window.MeasureText(text[^(tail + 1)..], size).X <= room / 2) tail++;
        // Whole words where there are any: "adam, bias…corrected", not "adam, bias-…ted".
        int space = text[^tail..].IndexOf(' ');
        if (space >= 0 && space < tail - 1) tail -= space + 1;
        var end = text[^tail..].TrimStart();
        float endWidth = window.MeasureText(end, size).X;
        int head = 0;
        while (head < text.Length - tail && window.MeasureText(text[..(head + 1)], size).X + endWidth <= room) head++;
        int lastSpace = text[..head].LastIndexOf(' ');
        if (lastSpace > 0 && head < text.Length - tail && text[head] != ' ') head = lastSpace;
        var start = text[..head].TrimEnd();
        float startWidth = window.MeasureText(start, size).X;
        window.DrawText(start, x, y, size, colour);
        window.DrawText("…", x + startWidth, y, size, colour);
        window.DrawText(end, x + startWidth + ellipsis, y, size, colour);
    }
}
