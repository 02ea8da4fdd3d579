using System.Globalization;
using System.Text.RegularExpressions;
using Sim.Core;
using Sim.Core.Landscapes;

namespace Sim.Render.Playground;

/// <summary>
/// The one-line text field in which a formula landscape is typed (docs/cli.md's grammar): the text,
/// the caret, and the last problem with its column. Editing keys move the caret and delete; Enter
/// parses (<see cref="Apply"/>), and a problem keeps the field open with the parser's own message and a
/// caret under its column. Needs no window, so it is unit-tested through the key dispatch.
/// </summary>
public sealed partial class FormulaField
{
    private readonly char[] _chars = new char[MaxLength];
    private int _length;

    /// <summary>Characters the field holds at most: the parser's own limit.</summary>
    public static int MaxLength => Sim.Core.Formulas.FormulaParser.MaxLength;

    public bool IsOpen { get; private set; }
    public string Text => new(Chars);

    /// <summary>The text without a copy, for drawing it every frame.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, _length);

    /// <summary>Where typing goes: 0 before the first character, <see cref="Text"/>.Length after the last.</summary>
    public int Caret { get; private set; }

    /// <summary>Why the last Enter did not apply (the parser's message, exactly as the command line prints it after "error: "), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The column (from 1) the error names, or null if it names none.</summary>
    public int? ErrorColumn { get; private set; }

    /// <summary>Opens with <paramref name="initial"/> (the formula on show, or empty), the caret at its end.</summary>
    public void Open(string initial)
    {
        _length = Math.Min(initial.Length, MaxLength);
        initial.AsSpan(0, _length).CopyTo(_chars);
        Caret = _length;
        Error = null;
        ErrorColumn = null;
        IsOpen = true;
    }

    public void Close() => IsOpen = false;

    /// <summary>Typed (or pasted) text at the caret; line breaks and other control characters are left out.</summary>
    public void Insert(ReadOnlySpan<char> typed)
    {
        foreach (char ch in typed)
        {
            if (char.IsControl(ch) || _length >= MaxLength) continue;
            _chars.AsSpan(Caret, _length - Caret).CopyTo(_chars.AsSpan(Caret + 1));
            _chars[Caret++] = ch;
            _length++;
        }
    }

    public void Left() => Caret = Math.Max(Caret - 1, 0);
    public void Right() => Caret = Math.Min(Caret + 1, _length);
    public void Home() => Caret = 0;
    public void End() => Caret = _length;

    public void Backspace()
    {
        if (Caret == 0) return;
        Caret--;
        Delete();
    }

    public void Delete()
    {
        if (Caret >= _length) return;
        _chars.AsSpan(Caret + 1, _length - Caret - 1).CopyTo(_chars.AsSpan(Caret));
        _length--;
    }

    /// <summary>
    /// Builds the landscape the text names (its domain chosen as <c>--formula</c> chooses it), hands it
    /// to <paramref name="use"/> and closes the field; on a problem (in the text, or in using it), keeps
    /// it open with the message and its column, and returns null.
    /// </summary>
    public FormulaLandscape? Apply(Action<FormulaLandscape> use)
    {
        try
        {
            var landscape = FormulaLandscape.Create(Text);
            use(landscape);
            Error = null;
            ErrorColumn = null;
            IsOpen = false;
            return landscape;
        }
        catch (InputError e)
        {
            Show(e.Message);
            return null;
        }
    }

    /// <summary>Shows a problem in the field, with a caret under the column it names ("at column N").</summary>
    public void Show(string error)
    {
        Error = error;
        var m = ColumnPattern().Match(error);
        ErrorColumn = m.Success && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int column) ? column : null;
    }

    [GeneratedRegex(@"at column (\d+)")]
    private static partial Regex ColumnPattern();
}
