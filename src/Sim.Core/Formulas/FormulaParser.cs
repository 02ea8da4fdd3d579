using System.Globalization;

namespace Sim.Core.Formulas;

/// <summary>
/// Parses f(x, y) as docs/cli.md states the grammar, into nodes of an <see cref="ExpressionGraph"/>:
/// <code>
/// sum     = product (("+" | "-") product)*
/// product = unary (("*" | "/") unary)*
/// unary   = ("-" | "+") unary | power
/// power   = primary ("^" unary)?             right-associative; -x^2 is −(x²), 2^-x is 2^(−x)
/// primary = number | "x" | "y" | "pi" | "e" | function "(" sum ")" | "(" sum ")"
/// </code>
/// Every problem is an <see cref="InputError"/> <c>formula: WHAT at column N; expected ...</c>, N
/// counting characters from 1. Input is bounded (<see cref="MaxLength"/>, <see cref="MaxDepth"/>) so
/// that no formula can exhaust the stack of this recursive parser or of differentiation.
/// </summary>
public sealed class FormulaParser
{
    public const int MaxLength = 1000;

    /// <summary>Deepest nesting of parentheses, functions, signs and powers, and longest chain of operations.</summary>
    public const int MaxDepth = 100;

    /// <summary>The functions of the grammar, by name; the error for an unknown one lists them.</summary>
    public static readonly IReadOnlyList<(string Name, Op Op)> Functions =
    [
        ("sin", Op.Sin), ("cos", Op.Cos), ("tan", Op.Tan), ("exp", Op.Exp), ("log", Op.Log), ("sqrt", Op.Sqrt),
        ("abs", Op.Abs), ("tanh", Op.Tanh), ("sinh", Op.Sinh), ("cosh", Op.Cosh), ("atan", Op.Atan),
    ];

    private readonly string text;
    private readonly ExpressionGraph g;
    private int position;
    private int nesting;

    private FormulaParser(string text, ExpressionGraph graph)
    {
        this.text = text;
        g = graph;
    }

    /// <summary>The node of <paramref name="text"/> in <paramref name="graph"/>.</summary>
    public static int Parse(string text, ExpressionGraph graph)
    {
        if (text.Length > MaxLength)
            throw new InputError($"formula: {text.Length} characters is too long; expected at most {MaxLength}");
        var parser = new FormulaParser(text, graph);
        parser.SkipSpace();
        if (parser.AtEnd) throw new InputError("formula: empty; expected an expression in x and y such as x^2 + 10*y^2");
        int root = parser.Sum();
        if (!parser.AtEnd) throw parser.Unexpected("an operator (+ - * / ^) or the end");
        return root;
    }

    private bool AtEnd => position >= text.Length;
    private char Current => text[position];
    private int Column => position + 1;

    private int Sum()
    {
        int left = Product();
        while (!AtEnd && Current is '+' or '-')
        {
            int column = Column;
            var op = Current == '+' ? Op.Add : Op.Sub;
            Advance();
            left = Checked(g.Binary(op, left, Product()), column);
        }
        return left;
    }

    private int Product()
    {
        int left = Unary();
        while (!AtEnd && Current is '*' or '/')
        {
            int column = Column;
            var op = Current == '*' ? Op.Mul : Op.Div;
            Advance();
            left = Checked(g.Binary(op, left, Unary()), column);
        }
        return left;
    }

    private int Unary()
    {
        Enter();
        int result;
        if (!AtEnd && Current is '-' or '+')
        {
            bool minus = Current == '-';
            Advance();
            int operand = Unary();
            result = minus ? g.Neg(operand) : operand;
        }
        else
        {
            result = Power();
        }
        nesting--;
        return result;
    }

    private int Power()
    {
        int b = Primary();
        if (AtEnd || Current != '^') return b;
        int column = Column;
        Advance();
        return Checked(g.Binary(Op.Pow, b, Unary()), column);
    }

    private int Primary()
    {
        if (AtEnd) throw new InputError($"formula: ends too early at column {Column}; expected a number, x, y, a function or (");
        char c = Current;
        if (char.IsAsciiDigit(c) || c == '.') return Number();
        if (char.IsAsciiLetter(c) || c == '_') return Name();
        if (c == '(')
        {
            int open = Column;
            Advance();
            return Parenthesised(open);
        }
        throw Unexpected("a number, x, y, a function or (");
    }

    private int Parenthesised(int openColumn)
    {
        int inner = Sum(); // its Unary counts the level
        if (AtEnd) throw new InputError($"formula: the ( at column {openColumn} is never closed; expected )");
        if (Current != ')') throw Unexpected(") or an operator");
        Advance();
        return inner;
    }

    private int Number()
    {
        int start = position;
        while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '.')) position++;
        if (!AtEnd && Current is 'e' or 'E' && ExponentFollows()) ConsumeExponent();
        string number = text[start..position];
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double value))
            throw new InputError($"formula: {InputError.Quote(number)} at column {start + 1} is not a number; expected digits such as 2, 0.5 or 1e-3");
        if (!double.IsFinite(value))
            throw new InputError($"formula: {InputError.Quote(number)} at column {start + 1} is too large; expected a number below 1.8e308");
        SkipSpace();
        return g.Constant(value);
    }

    // "2e" followed by a digit or a signed digit is an exponent; "2*e" is not reached here, and
    // "2e" alone is a number followed by the name e (an error the caller reports at the e).
    private bool ExponentFollows()
    {
        int i = position + 1;
        if (i < text.Length && text[i] is '+' or '-') i++;
        return i < text.Length && char.IsAsciiDigit(text[i]);
    }

    private void ConsumeExponent()
    {
        position++;
        if (Current is '+' or '-') position++;
        while (!AtEnd && char.IsAsciiDigit(Current)) position++;
    }

    private int Name()
    {
        int start = position, column = Column;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_')) position++;
        string name = text[start..position];
        SkipSpace();
        bool call = !AtEnd && Current == '(';
        foreach (var (fn, op) in Functions)
        {
            if (fn != name) continue;
            if (!call) throw new InputError($"formula: function {InputError.Quote(name)} at column {column} needs its argument in parentheses, as in {name}(x)");
            int open = Column;
            Advance();
            return Checked(g.Unary(op, Parenthesised(open)), column);
        }
        if (call)
            throw new InputError($"formula: unknown function {InputError.Quote(name)} at column {column}; expected one of {string.Join(", ", Functions.Select(f => f.Name))}");
        return name switch
        {
            "x" => g.X,
            "y" => g.Y,
            "pi" => g.Constant(Math.PI),
            "e" => g.Constant(Math.E),
            _ => throw new InputError($"formula: unknown name {InputError.Quote(name)} at column {column}; expected x, y, pi, e or a function such as sin(x)"),
        };
    }

    /// <summary>One level deeper: every parenthesis, argument, sign and exponent passes through <see cref="Unary"/> once.</summary>
    private void Enter()
    {
        if (++nesting > MaxDepth)
            throw new InputError($"formula: nested too deeply at column {Column}; expected at most {MaxDepth} levels of parentheses, functions and signs");
    }

    /// <summary>Rejects a node whose chain of operations is longer than <see cref="MaxDepth"/>.</summary>
    private int Checked(int node, int column)
    {
        if (g[node].Depth > MaxDepth)
            throw new InputError($"formula: too deeply nested at column {column}; expected at most {MaxDepth} operations inside one another");
        return node;
    }

    private void Advance()
    {
        position++;
        SkipSpace();
    }

    private void SkipSpace()
    {
        while (!AtEnd && Current is ' ' or '\t') position++;
    }

    private InputError Unexpected(string expected)
    {
        char c = Current;
        string shown = char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
            ? $"character U+{(int)c:X4}"
            : $"'{c}'";
        return new InputError($"formula: unexpected {shown} at column {Column}; expected {expected}");
    }
}
