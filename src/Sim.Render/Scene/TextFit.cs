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
}
