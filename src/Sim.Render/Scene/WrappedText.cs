using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Text broken at spaces into lines no wider than a width, measured, not counted in characters (a word
/// is never split, unless it alone is wider than the line); past the most lines allowed, the last ends
/// with "…". Wrapped again only when the text, size or width changes, so a frame allocates nothing.
/// </summary>
public sealed class WrappedText
{
    private (string?, int, float, int) _wrappedFor;
    private readonly List<string> _lines = [];

    /// <summary>The lines of <paramref name="text"/> at <paramref name="size"/> in <paramref name="width"/> pixels, at most <paramref name="maxLines"/>.</summary>
    public IReadOnlyList<string> Lines(Window window, string text, int size, float width, int maxLines = int.MaxValue)
    {
        var key = (text, size, width, maxLines);
        if (_wrappedFor == key) return _lines;
        _wrappedFor = key;
        _lines.Clear();
        Wrap(_lines, text, maxLines, s => window.MeasureText(s, size).X, width);
        return _lines;
    }

    /// <summary>The rule, apart from any window: greedy, a word at a time; <paramref name="measure"/> gives a string's width.</summary>
    public static void Wrap(List<string> into, string text, int maxLines, Func<string, float> measure, float width)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string line = "";
        for (int i = 0; i < words.Length; i++)
        {
            string tried = line.Length == 0 ? words[i] : line + " " + words[i];
            if (measure(tried) <= width || line.Length == 0)
            {
                line = tried;
                continue;
            }
            into.Add(line);
            line = words[i];
        }
        if (line.Length > 0) into.Add(line);
        for (int i = 0; i < into.Count; i++)
            if (measure(into[i]) > width) into[i] = WithEllipsis(into[i][..^1], measure, width); // one word wider than the line
        if (into.Count <= maxLines) return;
        into.RemoveRange(maxLines, into.Count - maxLines);
        into[^1] = WithEllipsis(into[^1], measure, width);
    }

    /// <summary>The longest start of <paramref name="text"/> (all of it if it fits) followed by "…" within <paramref name="width"/>.</summary>
    private static string WithEllipsis(string text, Func<string, float> measure, float width)
    {
        for (int n = text.Length; n > 0; n--)
        {
            string candidate = text[..n].TrimEnd() + "…";
            if (measure(candidate) <= width) return candidate;
        }
        return "…";
    }
}
