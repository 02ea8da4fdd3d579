using System.Numerics;

namespace Sim.Core.Formulas;

/// <summary>The operations a formula's expression graph is made of (its nodes' kinds).</summary>
public enum Op : byte
{
    Const,
    X,
    Y,
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Neg,
    /// <summary>a·a: what <c>a^2</c> becomes, exact and as fast as a multiplication.</summary>
    Square,
    Sin,
    Cos,
    Tan,
    Exp,
    Log,
    Sqrt,
    Abs,
    Tanh,
    Sinh,
    Cosh,
    Atan,
    /// <summary>−1, 0 or 1 (NaN stays NaN): the derivative of abs, never typed by a user.</summary>
    Sign,
}

/// <summary>What each operation computes: the one definition that constant folding and both evaluators use.</summary>
public static class OpSemantics
{
    public static bool IsUnary(Op op) => op >= Op.Neg;

    public static bool IsBinary(Op op) => op is Op.Add or Op.Sub or Op.Mul or Op.Div or Op.Pow;

    /// <summary>The value of <paramref name="op"/> on <paramref name="a"/> (and <paramref name="b"/> for a binary one).</summary>
    public static T Apply<T>(Op op, T a, T b) where T : IFloatingPointIeee754<T> => op switch
    {
        Op.Add => a + b,
        Op.Sub => a - b,
        Op.Mul => a * b,
        Op.Div => a / b,
        Op.Pow => T.Pow(a, b),
        Op.Neg => -a,
        Op.Square => a * a,
        Op.Sin => T.Sin(a),
        Op.Cos => T.Cos(a),
        Op.Tan => T.Tan(a),
        Op.Exp => T.Exp(a),
        Op.Log => T.Log(a),
        Op.Sqrt => T.Sqrt(a),
        Op.Abs => T.Abs(a),
        Op.Tanh => T.Tanh(a),
        Op.Sinh => T.Sinh(a),
        Op.Cosh => T.Cosh(a),
        Op.Atan => T.Atan(a),
        Op.Sign => a > T.Zero ? T.One : a < T.Zero ? -T.One : a,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an operation on values"),
    };
}
