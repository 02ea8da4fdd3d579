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
    public static readonly Color Accent = new(255, 200, 80);

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

    public void Draw(Window window, PanelRect band, string caption, ReadOnlySpan<char> tag, int textSize)
    {
        Wrap(window, caption, textSize, band.Width);
        int size = CaptionSize(textSize), tagSize = TagSize(textSize);
        var black = SceneColours.Current.Name == Theme.HighContrast.Name ? new Color(0, 0, 0, 255) : new Color(0, 0, 0, 220);
        window.DrawRectangle(band.X, band.Y, band.Width, band.Height, black);
        window.DrawRectangle(band.X, band.Y, band.Width, 3, Accent);
        float y = band.Y + tagSize * 0.45f;
        window.DrawText(tag, band.X + (band.Width - window.MeasureText(tag, tagSize).X) / 2, y, tagSize, Accent);
        y += tagSize * 1.1f;
        foreach (var line in _lines)
        {
            float w = window.MeasureText(line, size).X;
            window.DrawText(line, band.X + (band.Width - w) / 2, y, size, Color.White);
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
        var words = caption.Split(' ');
        string line = "";
        foreach (var word in words)
        {
            string longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && window.MeasureText(longer, size).X > room && _lines.Count < MaxLines - 1)
            {
                _lines.Add(line);
                line = word;
            }
            else line = longer;
        }
        if (line.Length > 0) _lines.Add(line);
        Balance(window, size, room);
    }

    /// <summary>Two lines of one and eleven words read worse than six and six: move words down while the lines stay within the room.</summary>
    private void Balance(Window window, int size, float room)
    {
        if (_lines.Count != 2) return;
        while (true)
        {
            int cut = _lines[0].LastIndexOf(' ');
            if (cut < 0) return;
            string first = _lines[0][..cut], second = _lines[0][(cut + 1)..] + " " + _lines[1];
            if (window.MeasureText(second, size).X > room || window.MeasureText(first, size).X < window.MeasureText(second, size).X) return;
            _lines[0] = first;
            _lines[1] = second;
        }
    }
}
