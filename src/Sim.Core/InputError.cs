using System.Globalization;
using System.Text;

namespace Sim.Core;

/// <summary>
/// Bad input from a user: an unknown name, a malformed number, a value out of range.
/// The message is one line that names the input and what is accepted; the program
/// prints it as <c>error: MESSAGE</c> and exits with code 2. Input echoed in a message goes
/// through <see cref="Quote"/>, so a message stays one short line whatever the input held.
/// </summary>
public sealed class InputError(string message) : Exception(message)
{
    /// <summary>Characters of input a message quotes at most, before the ellipsis.</summary>
    public const int QuotedLength = 60;

    /// <summary>
    /// <paramref name="text"/> in single quotes, escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\\</c>,
    /// <c>\u0001</c> for other control characters and lone surrogates) and cut to
    /// <see cref="QuotedLength"/> characters with an ellipsis: <c>'adam\n'</c>.
    /// </summary>
    public static string Quote(string? text) => $"'{Escape(text ?? "", QuotedLength)}'";

    /// <summary>
    /// <paramref name="text"/> on one line: every control character, line or paragraph separator and
    /// lone surrogate escaped as in C#, a backslash doubled, and cut after <paramref name="max"/>
    /// characters of the result with "…". Reads only as much of <paramref name="text"/> as it shows.
    /// </summary>
    public static string Escape(string text, int max) => Escape(text, max, backslash: true);

    /// <summary>
    /// A message made safe to print as one line: as <see cref="Escape(string, int)"/> but with
    /// backslashes left alone (a message's own <c>\udc00</c> stays readable).
    /// </summary>
    public static string OneLine(string message, int max) => Escape(message, max, backslash: false);

    private static string Escape(string text, int max, bool backslash)
    {
        var s = new StringBuilder(Math.Min(text.Length, max) + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int start = s.Length;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) s.Append(c).Append(text[++i]);
            else if (c == '\\' && !backslash) s.Append(c);
            else s.Append(Escaped(c));
            if (s.Length > max)
            {
                s.Length = start; // never split an escape or a surrogate pair
                return s.Append('…').ToString();
            }
        }
        return s.ToString();
    }

    private static string Escaped(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\0' => "\\0",
        '\\' => "\\\\",
        _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' =>
            "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };
}
