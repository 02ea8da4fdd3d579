namespace Sim.Core.Formulas;

/// <summary>One node of an <see cref="ExpressionGraph"/>: an operation on earlier nodes (by index) or a constant.</summary>
public readonly record struct Node(Op Op, int A, int B, double Value, int Depth);

/// <summary>
/// A formula and its derivatives as one graph of shared nodes. Every node is made once
/// (hash-consing: asking twice for sin(x) gives the same index), so the common subexpressions of
/// f, its gradient and its Hessian are computed once; constants are folded and the identities
/// that differentiation produces in bulk (0·a, 1·a, a + 0, a^1) are removed as nodes are made.
/// Children always come before their parents, so the node order is an evaluation order.
/// </summary>
public sealed class ExpressionGraph
{
    /// <summary>More nodes than this is a formula too large to differentiate and run at speed.</summary>
    public const int MaxNodes = 100_000;

    private readonly List<Node> nodes = [];
    private readonly Dictionary<(Op, int, int, long), int> index = [];

    public ExpressionGraph()
    {
        X = Make(Op.X, -1, -1, 0);
        Y = Make(Op.Y, -1, -1, 0);
        Zero = Constant(0);
        One = Constant(1);
    }

    public int X { get; }
    public int Y { get; }
    public int Zero { get; }
    public int One { get; }
    public int Count => nodes.Count;

    public Node this[int id] => nodes[id];

    public bool IsConstant(int id, out double value)
    {
        var n = nodes[id];
        value = n.Value;
        return n.Op == Op.Const;
    }

    private bool Is(int id, double value) => IsConstant(id, out var v) && v.Equals(value);

    public int Constant(double value) => Make(Op.Const, -1, -1, value);

    public int Unary(Op op, int a)
    {
        if (IsConstant(a, out var c)) return Constant(OpSemantics.Apply(op, c, 0.0));
        if (op == Op.Neg && nodes[a].Op == Op.Neg) return nodes[a].A;
        return Make(op, a, -1, 0);
    }

    public int Binary(Op op, int a, int b)
    {
        if (IsConstant(a, out var ca) && IsConstant(b, out var cb)) return Constant(OpSemantics.Apply(op, ca, cb));
        switch (op)
        {
            case Op.Add:
                if (Is(a, 0)) return b;
                if (Is(b, 0)) return a;
                if (nodes[b].Op == Op.Neg) return Binary(Op.Sub, a, nodes[b].A);
                break;
            case Op.Sub:
                if (Is(b, 0)) return a;
                if (Is(a, 0)) return Unary(Op.Neg, b);
                if (nodes[b].Op == Op.Neg) return Binary(Op.Add, a, nodes[b].A);
                break;
            case Op.Mul:
                if (Is(a, 0) || Is(b, 0)) return Zero;
                if (Is(a, 1)) return b;
                if (Is(b, 1)) return a;
                if (Is(a, -1)) return Unary(Op.Neg, b);
                if (Is(b, -1)) return Unary(Op.Neg, a);
                break;
            case Op.Div:
                if (Is(a, 0)) return Zero;
                if (Is(b, 1)) return a;
                break;
            case Op.Pow:
                if (Is(b, 1)) return a;
                if (Is(b, 0)) return One;
                if (Is(b, 2)) return Unary(Op.Square, a);
                break;
        }
        return Make(op, a, b, 0);
    }

    public int Add(int a, int b) => Binary(Op.Add, a, b);
    public int Sub(int a, int b) => Binary(Op.Sub, a, b);
    public int Mul(int a, int b) => Binary(Op.Mul, a, b);
    public int Div(int a, int b) => Binary(Op.Div, a, b);
    public int Neg(int a) => Unary(Op.Neg, a);

    private int Make(Op op, int a, int b, double value)
    {
        var key = (op, a, b, BitConverter.DoubleToInt64Bits(value));
        if (index.TryGetValue(key, out int id)) return id;
        if (nodes.Count >= MaxNodes)
            throw new InputError($"formula: too large; its derivatives need more than {MaxNodes} operations");
        int depth = 1 + Math.Max(a >= 0 ? nodes[a].Depth : 0, b >= 0 ? nodes[b].Depth : 0);
        nodes.Add(new Node(op, a, b, value, depth));
        index[key] = nodes.Count - 1;
        return nodes.Count - 1;
    }
}
