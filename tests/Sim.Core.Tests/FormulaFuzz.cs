using System.Globalization;
using System.Text;
using Sim.Core.Formulas;

namespace Sim.Core.Tests;

/// <summary>
/// Generates formulas for fuzzing: well-formed ones from the grammar (<see cref="Wellformed"/>),
/// and hostile ones (<see cref="Hostile"/>): nesting past the limit, huge exponents, unknown names,
/// empty input, control characters, truncations, unbalanced parentheses, overlong input.
/// Deterministic by seed, so a failure names the input that caused it.
/// </summary>
public sealed class FormulaFuzz(int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[] Numbers = ["0", "1", "2", "0.5", "3.25", "1e-3", "2.5E2", "10", "1e300", "1e-300", "100", ".5"];
    private static readonly string[] Atoms = ["x", "y", "pi", "e"];
    private static readonly string[] Operators = ["+", "-", "*", "/", "^"];

    /// <summary>A formula the grammar accepts (unless it happens to nest past the limit), up to <paramref name="depth"/> deep.</summary>
    public string Wellformed(int depth = 6)
    {
        var s = new StringBuilder();
        Expression(s, depth);
        return s.ToString();
    }

    private void Expression(StringBuilder s, int depth)
    {
        int choice = depth <= 0 ? random.Next(2) : random.Next(7);
        switch (choice)
        {
            case 0: s.Append(Atoms[random.Next(Atoms.Length)]); break;
            case 1: s.Append(Numbers[random.Next(Numbers.Length)]); break;
            case 2 or 3:
                Expression(s, depth - 1);
                s.Append(Space()).Append(Operators[random.Next(Operators.Length)]).Append(Space());
                Expression(s, depth - 1);
                break;
            case 4:
                s.Append(FormulaParser.Functions[random.Next(FormulaParser.Functions.Count)].Name).Append('(');
                Expression(s, depth - 1);
                s.Append(')');
                break;
            case 5:
                s.Append('(');
                Expression(s, depth - 1);
                s.Append(')');
                break;
            default:
                s.Append('-');
                Expression(s, depth - 1);
                break;
        }
    }

    private string Space() => random.Next(3) == 0 ? " " : "";

    /// <summary>A formula meant to break things; the parser must reject it cleanly or handle it.</summary>
    public string Hostile()
    {
        string good = Wellformed(4);
        int n = random.Next(1, 400);
        return random.Next(12) switch
        {
            0 => new string('(', n) + good + new string(')', n),
            1 => string.Concat(Enumerable.Repeat("sin(", n)) + "x" + new string(')', random.Next(n + 1)),
            2 => string.Join("^", Enumerable.Repeat(Numbers[random.Next(Numbers.Length)], random.Next(2, 60))),
            3 => $"{good} + {Name()}({good})",
            4 => $"{good} * {Name()}",
            5 => random.Next(2) == 0 ? "" : new string(' ', n),
            6 => good.Insert(random.Next(good.Length + 1), ((char)random.Next(0, 32)).ToString()),
            7 => good[..random.Next(good.Length + 1)],
            8 => new string('-', n) + good,
            9 => string.Join(random.Next(2) == 0 ? "+" : "*", Enumerable.Repeat(good, random.Next(1, 80))),
            10 => new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0x3000)).ToArray()),
            _ => $"({good}) ^ {random.Next(1, 400).ToString(CultureInfo.InvariantCulture)}e{random.Next(0, 400).ToString(CultureInfo.InvariantCulture)}",
        };
    }

    private string Name()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz_";
        return new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
    }
}
