using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// A panel over the middle of the window listing every key and mouse action: one column if it fits,
/// else two or three, with the text shrunk only as far as the window demands. Laid out again only when the
/// window's size changes.
/// </summary>
public sealed class HelpOverlay(IReadOnlyList<(string Keys, string Action)> rows)
{
    private (int Width, int Height, float Scale) _laidOutFor;
    private Layout _layout;

    public IReadOnlyList<(string Keys, string Action)> Rows => rows;

    /// <summary>Multiplies the largest text size tried (the text-scale keys); the window still limits it.</summary>
    public float Scale { get; set; } = 1;

    /// <summary>Draws the panel centred in the room right of <paramref name="left"/> pixels (the side panel), or in the window if it does not fit there.</summary>
    public void Draw(Window window, Theme theme, float left = 0)
    {
        if (_laidOutFor != (window.Width, window.Height, Scale))
        {
            _layout = Fit(window);
            _laidOutFor = (window.Width, window.Height, Scale);
        }
        var (size, columns, keysWidth, actionWidth) = _layout;
        int pad = size, line = Line(size), perColumn = (rows.Count + columns - 1) / columns;
        float width = Width(size, columns, keysWidth, actionWidth), height = Height(size, perColumn);
        float x = width <= window.Width - left ? left + (window.Width - left - width) / 2 : Math.Max((window.Width - width) / 2, 0);
        float y = Math.Max((window.Height - height) / 2, 0);
        window.DrawRectangle(x, y, width, height, theme.Sheet);
        window.DrawText("Keys and mouse   (H or F1 closes this)", x + pad, y + pad * 0.6f, (int)(size * 1.15f), theme.Accent);
        float top = y + pad * 0.6f + size * 1.8f, columnWidth = keysWidth + actionWidth + 2.5f * pad;
        for (int i = 0; i < rows.Count; i++)
        {
            var (keys, action) = rows[i];
            float cx = x + pad + i / perColumn * columnWidth, cy = top + i % perColumn * line;
            window.DrawText(keys, cx, cy, size, theme.Text);
            window.DrawText(action, cx + keysWidth + pad, cy, size, theme.DimText);
        }
    }

    private readonly record struct Layout(int Size, int Columns, float KeysWidth, float ActionWidth);

    public const int MaxColumns = 3;

    /// <summary>The largest text that fits, in as few columns (up to three) as it takes.</summary>
    private Layout Fit(Window window)
    {
        var layout = new Layout(10, MaxColumns, 0, 0);
        for (int size = HeadsUpDisplay.TextSize(window.Height, Scale); size >= 10; size--)
        {
            var (keys, action) = Widths(window, size);
            for (int columns = 1; columns <= MaxColumns; columns++)
            {
                layout = new Layout(size, columns, keys, action);
                if (Height(size, (rows.Count + columns - 1) / columns) <= window.Height && Width(size, columns, keys, action) <= window.Width) return layout;
            }
        }
        return layout;
    }

    private static int Line(int size) => size * 5 / 4;

    private static float Height(int size, int rowsPerColumn) => rowsPerColumn * Line(size) + size * 1.8f + 2 * size;

    private static float Width(int size, int columns, float keys, float action) => columns * (keys + action + 2.5f * size) + size;

    private (float Keys, float Action) Widths(Window window, int size)
    {
        float keys = 0, action = 0;
        foreach (var (k, a) in rows)
        {
            keys = Math.Max(keys, window.MeasureText(k, size).X);
            action = Math.Max(action, window.MeasureText(a, size).X);
        }
        return (keys, action);
    }
}
