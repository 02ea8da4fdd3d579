using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The one word-wrapping rule of panel messages, the lesson menu's summary and the help.</summary>
public class WrappedTextTests
{
    private static float Chars(string s) => s.Length; // a monospace measure: one unit a character

    private static List<string> Wrap(string text, float width, int maxLines = int.MaxValue)
    {
        var lines = new List<string>();
        WrappedText.Wrap(lines, text, maxLines, Chars, width);
        return lines;
    }

    [Fact]
    public void Lines_break_at_spaces_and_never_inside_a_word()
    {
        // Measured before: the parameter panel cut its message every 34 characters, "mom" / "entum = 0.36".
        const string message = "sgd, lr 0.001, momentum 0.2: momentum = 0.36";
        var lines = Wrap(message, 34);
        Assert.Equal(["sgd, lr 0.001, momentum 0.2:", "momentum = 0.36"], lines);
        Assert.Equal(message, string.Join(' ', lines));
        Assert.All(Wrap(message, 12), line => Assert.True(line.Length <= 12, line));
        Assert.Equal(message.Split(' '), Wrap(message, 12).SelectMany(l => l.Split(' ')));
    }

    [Fact]
    public void Past_the_last_line_allowed_the_text_ends_with_an_ellipsis_within_the_width()
    {
        var lines = Wrap("one two three four five six seven", 10, maxLines: 2);
        Assert.Equal(["one two", "three fou…"], lines);
        Assert.All(lines, line => Assert.True(line.Length <= 10, line));
        Assert.Equal(["abcdefghi…"], Wrap("abcdefghijklmnop", 10)); // a word wider than the line is cut, not run over
        Assert.Empty(Wrap("   ", 10));
    }
}
