using System.Globalization;

namespace Sim.Render.Scene;

/// <summary>
/// One line of text rebuilt in place each time what it shows changes: numbers are formatted straight
/// into its buffer, so text that changes every step (a loss, a step count) allocates nothing.
/// </summary>
public sealed class TextLine
{
    private readonly char[] _chars = new char[160];
    private int _length;

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    public TextLine Clear()
    {
        _length = 0;
        return this;
    }

    public TextLine Append(ReadOnlySpan<char> text)
    {
        int n = Math.Min(text.Length, _chars.Length - _length);
        text[..n].CopyTo(_chars.AsSpan(_length));
        _length += n;
        return this;
    }

    public TextLine Append(int value)
    {
        if (value.TryFormat(_chars.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture)) _length += written;
        return this;
    }

    /// <summary>Appends a number as <see cref="NumberText.Short"/> prints it.</summary>
    public TextLine AppendShort(double value) => AppendNumber(value, 3);

    /// <summary>Appends a number with up to <paramref name="digits"/> significant digits, as <see cref="NumberText"/> prints it.</summary>
    public TextLine AppendNumber(double value, int digits)
    {
        if (_chars.Length - _length >= 32) _length += NumberText.Format(value, digits, _chars.AsSpan(_length));
        return this;
    }

    /// <summary>Appends a number with one decimal, e.g. a frame time in milliseconds.</summary>
    public TextLine AppendTenths(double value)
    {
        if (value.TryFormat(_chars.AsSpan(_length), out int written, "F1", CultureInfo.InvariantCulture)) _length += written;
        return this;
    }
}
