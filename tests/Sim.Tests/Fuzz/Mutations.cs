using System.Globalization;
using System.Text;
using Sim.Core;

namespace Sim.Tests.Fuzz;

/// <summary>The hostile values every source draws from: extremes, control characters, lone surrogates, huge text.</summary>
public static class Mutations
{
    /// <summary>Numbers at and past every edge (none large and valid, so no case runs for long).</summary>
    public static readonly string[] ExtremeNumbers =
    [
        "0", "-0", "-1", "1e308", "-1e308", "1e999", "-1e999", "5e-324", "1e-400", "2147483648", "-2147483649",
        "9223372036854775808", "123456789012345678901234567890", "0.1", "1.5", "10000001", "1e6",
    ];

    /// <summary>Text with what breaks lines, encodings or terminals.</summary>
    public static readonly string[] NastyText =
    [
        "", " ", "adam\n", "a\rb", "tab\there", "nul\0", "\u0001\u0002", "\u001b[31mred", "line\u2028sep", "\uDC00", "\uD800x",
        "é", "🙂", "-", "--", "'", "\"", "\\", "%s%n", "..", "/", "adam,lr=1", "k=v=w",
    ];

    public static T Pick<T>(SplitMix64 random, IReadOnlyList<T> items) => items[random.NextInt(items.Count)];

    public static bool Chance(SplitMix64 random, double p) => random.NextDouble() < p;

    /// <summary>A string of <paramref name="length"/> characters cycling through a few, some of them control characters.</summary>
    public static string Huge(SplitMix64 random, int length)
    {
        var s = new StringBuilder(length);
        string alphabet = Chance(random, 0.5) ? "abcdefgh" : "ab\n\r\t\u0001\u2028é";
        for (int i = 0; i < length; i++) s.Append(alphabet[i % alphabet.Length]);
        return s.ToString();
    }

    public static string Number(SplitMix64 random) => Chance(random, 0.8)
        ? Pick(random, ExtremeNumbers)
        : (random.NextDouble() * 20 - 5).ToString("R", CultureInfo.InvariantCulture);
}
