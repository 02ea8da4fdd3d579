using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// A panel over the middle of the window listing every key and mouse action: one column if it fits,
/// else two or three, each row's keys and action wrapped at words within its column, so nothing runs
/// off the window's edge. The text is the largest that fits, down to <see cref="MinSize"/> pixels times
/// the text scale (Z grows the help with everything else); what does not fit at that size is named in a
/// last line. Laid out again only when the window's size or the scale changes.
/// </summary>
public sealed class HelpOverlay(IReadOnlyList<(string Keys, string Action)> rows)
{
    /// <summary>The smallest text, at text scale 1; the help is never smaller than this times the scale.</summary>
    public const int MinSize = 10;

    public const int MaxColumns = 3;

    private const string Title = "Keys and mouse   (H or F1 closes this)";

    private (int Width, int Height, float Scale) _laidOutFor;
    private Layout _layout = Layout.Empty;

    public IReadOnlyList<(string Keys, string Action)> Rows => rows;

    /// <summary>Multiplies the largest text size tried (the text-scale keys); the window still limits it.</summary>
    public float Scale { get; set; } = 1;

    /// <summary>The text size, column count and rows shown in the last frame drawn.</summary>
    public (int Size, int Columns, int Shown) Laid => (_layout.Size, _layout.Columns, _layout.Placed.Length);

    /// <summary>Where the last frame's panel was, for checking pictures.</summary>
    public (float X, float Y, float Width, float Height) Bounds { get; private set; }

    /// <summary>Draws the panel centred in the room right of <paramref name="left"/> pixels (the side panel), or in the window if it does not fit there.</summary>
    public void Draw(Window window, Theme theme, float left = 0)
    {
        if (_laidOutFor != (window.Width, window.Height, Scale))
        {
            _layout = Fit(window);
            _laidOutFor = (window.Width, window.Height, Scale);
        }
        var l = _layout;
        int pad = l.Size, line = Line(l.Size);
        float x = l.Width <= window.Width - left ? left + (window.Width - left - l.Width) / 2 : Math.Max((window.Width - l.Width) / 2, 0);
        float y = Math.Max((window.Height - l.Height) / 2, 0);
        Bounds = (x, y, l.Width, l.Height);
        window.DrawRectangle(x, y, l.Width, l.Height, theme.Sheet);
        window.DrawText(Title, x + pad, y + pad * 0.6f, (int)(l.Size * 1.15f), theme.Accent);
        float top = y + Header(l.Size), columnWidth = l.KeysWidth + l.ActionWidth + 2.5f * pad;
        foreach (var row in l.Placed)
        {
            float cx = x + pad + row.Column * columnWidth, cy = top + row.Y;
            for (int k = 0; k < row.Keys.Length; k++) window.DrawText(row.Keys[k], cx, cy + k * line, l.Size, theme.Text);
            for (int k = 0; k < row.Action.Length; k++) window.DrawText(row.Action[k], cx + l.KeysWidth + pad, cy + k * line, l.Size, theme.DimText);
        }
        if (l.More is { } more) window.DrawText(more, x + pad, y + l.Height - pad - line, l.Size, theme.Accent);
    }

    private sealed record PlacedRow(int Column, float Y, string[] Keys, string[] Action);

    private sealed record Layout(int Size, int Columns, float KeysWidth, float ActionWidth, float Width, float Height, PlacedRow[] Placed, string? More)
    {
        public static readonly Layout Empty = new(MinSize, 1, 0, 0, 0, 0, [], null);
    }

    /// <summary>The largest text that fits, in as few columns (up to three) as it takes; at the smallest size allowed, as many rows as fit.</summary>
    private Layout Fit(Window window)
    {
        int largest = HeadsUpDisplay.TextSize(window.Height, Scale), least = Math.Min(largest, (int)(MinSize * Math.Max(Scale, 1)));
        for (int size = largest; size >= least; size--)
            for (int columns = 1; columns <= MaxColumns; columns++)
                if (TryLayOut(window, size, columns, partial: false) is { } layout) return layout;
        return TryLayOut(window, least, MaxColumns, partial: true)!;
    }

    private static int Line(int size) => size * 5 / 4;

    private static float Header(int size) => size * 0.6f + size * 1.8f;

    /// <summary>
    /// The rows in <paramref name="columns"/> columns at <paramref name="size"/>, keys and actions wrapped to
    /// the column; null if they do not all fit, unless <paramref name="partial"/> (then those that fit, and a line for the rest).
    /// </summary>
    private Layout? TryLayOut(Window window, int size, int columns, bool partial)
    {
        int pad = size, line = Line(size);
        float Measure(string s) => window.MeasureText(s, size).X;
        float column = (window.Width - pad - columns * 2.5f * pad) / columns;
        float keysWidth = 0, actionWidth = 0;
        foreach (var (k, a) in rows)
        {
            keysWidth = Math.Max(keysWidth, Measure(k));
            actionWidth = Math.Max(actionWidth, Measure(a));
        }
        keysWidth = Math.Min(keysWidth, column * 0.4f);
        actionWidth = Math.Min(actionWidth, column - keysWidth);
        if (actionWidth < 4 * size) return null;
        float room = window.Height - Header(size) - pad - (partial ? line : 0);
        var placed = new List<PlacedRow>();
        int at = 0;
        float y = 0, tallest = 0;
        foreach (var (k, a) in rows)
        {
            var keys = new List<string>();
            var action = new List<string>();
            WrappedText.Wrap(keys, k, int.MaxValue, Measure, keysWidth);
            WrappedText.Wrap(action, a, int.MaxValue, Measure, actionWidth);
            float height = Math.Max(keys.Count, action.Count) * line;
            if (y + height > room && y > 0) (at, y) = (at + 1, 0);
            if (at == columns || height > room)
            {
                if (!partial) return null;
                break;
            }
            placed.Add(new PlacedRow(at, y, [.. keys], [.. action]));
            y += height;
            tallest = Math.Max(tallest, y);
        }
        int used = placed.Count == 0 ? 1 : placed[^1].Column + 1;
        string? more = placed.Count < rows.Count ? $"… and {rows.Count - placed.Count} more: Shift+Z makes the text smaller" : null;
        float width = Math.Max(used * (keysWidth + actionWidth + 2.5f * pad) + pad, Measure(Title) * 1.15f + 2 * pad);
        return new Layout(size, used, keysWidth, actionWidth, Math.Min(width, window.Width), Header(size) + tallest + pad + (more is null ? 0 : line), [.. placed], more);
    }
}
