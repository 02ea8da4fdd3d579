namespace Sim.Core.Formulas;

/// <summary>
/// Symbolic differentiation on an <see cref="ExpressionGraph"/>: ∂node/∂x or ∂node/∂y as new nodes
/// of the same graph, each node's derivative made once (memoised), so the Hessian is the derivative
/// of the gradient's nodes. The rules, with a' the derivative of a:
/// <code>
/// (a ± b)' = a' ± b'          (a·b)' = a'·b + a·b'        (a/b)' = a'/b − a·b'/b²
/// (a^c)'   = c·a^(c−1)·a'  (c' = 0)                        (a^b)' = a^b·(b'·log a + b·a'/a)
/// (−a)'    = −a'              (a²)'  = 2·a·a'
/// sin' = cos·a'   cos' = −sin·a'   tan' = a'/cos²   exp' = exp·a'   log' = a'/a
/// sqrt' = a'/(2·sqrt a)   abs' = sign(a)·a'   tanh' = (1 − tanh²)·a'   sinh' = cosh·a'
/// cosh' = sinh·a'   atan' = a'/(1 + a²)   sign' = 0
/// </code>
/// </summary>
public sealed class Derivative
{
    private readonly ExpressionGraph g;
    private readonly Dictionary<(int Node, Op Variable), int> memo = [];

    public Derivative(ExpressionGraph graph) => g = graph;

    /// <summary>∂<paramref name="node"/>/∂<paramref name="variable"/> (<see cref="Op.X"/> or <see cref="Op.Y"/>).</summary>
    public int Of(int node, Op variable)
    {
        if (memo.TryGetValue((node, variable), out int known)) return known;
        // Recursion depth is the graph's depth, which the parser bounds (FormulaParser.MaxDepth)
        // and each differentiation at most triples: far from any stack limit.
        int d = Rule(g[node], variable);
        memo[(node, variable)] = d;
        return d;
    }

    private int Rule(Node n, Op v)
    {
        switch (n.Op)
        {
            case Op.Const: return g.Zero;
            case Op.X or Op.Y: return n.Op == v ? g.One : g.Zero;
        }
        int a = n.A, da = Of(a, v);
        if (OpSemantics.IsBinary(n.Op)) return BinaryRule(n.Op, a, da, n.B, Of(n.B, v), v);
        if (g.IsConstant(da, out var c) && c == 0 && n.Op != Op.Sign) return g.Zero;
        return n.Op switch
        {
            Op.Neg => g.Neg(da),
            Op.Square => g.Mul(g.Mul(g.Constant(2), a), da),
            Op.Sin => g.Mul(g.Unary(Op.Cos, a), da),
            Op.Cos => g.Neg(g.Mul(g.Unary(Op.Sin, a), da)),
            Op.Tan => g.Div(da, g.Unary(Op.Square, g.Unary(Op.Cos, a))),
            Op.Exp => g.Mul(g.Unary(Op.Exp, a), da),
            Op.Log => g.Div(da, a),
            Op.Sqrt => g.Div(da, g.Mul(g.Constant(2), g.Unary(Op.Sqrt, a))),
            Op.Abs => g.Mul(g.Unary(Op.Sign, a), da),
            Op.Tanh => g.Mul(g.Sub(g.One, g.Unary(Op.Square, g.Unary(Op.Tanh, a))), da),
            Op.Sinh => g.Mul(g.Unary(Op.Cosh, a), da),
            Op.Cosh => g.Mul(g.Unary(Op.Sinh, a), da),
            Op.Atan => g.Div(da, g.Add(g.One, g.Unary(Op.Square, a))),
            Op.Sign => g.Zero,
            _ => throw new InvalidOperationException($"no derivative rule for {n.Op}"),
        };
    }

    private int BinaryRule(Op op, int a, int da, int b, int db, Op v) => op switch
    {
        Op.Add => g.Add(da, db),
        Op.Sub => g.Sub(da, db),
        Op.Mul => g.Add(g.Mul(da, b), g.Mul(a, db)),
        Op.Div => g.Sub(g.Div(da, b), g.Div(g.Mul(a, db), g.Unary(Op.Square, b))),
        Op.Pow => PowerRule(a, da, b, db),
        _ => throw new InvalidOperationException($"no derivative rule for {op} by {v}"),
    };

    private int PowerRule(int a, int da, int b, int db)
    {
        // An exponent that does not depend on the variable takes the power rule, which (unlike the
        // general one, through log a) also holds for a negative base: (−2)^3 has a slope.
        if (g.IsConstant(db, out var zero) && zero == 0)
            return g.Mul(g.Mul(b, g.Binary(Op.Pow, a, g.Sub(b, g.One))), da);
        int power = g.Binary(Op.Pow, a, b);
        var logPart = g.Mul(db, g.Unary(Op.Log, a));
        var basePart = g.Div(g.Mul(b, da), a);
        return g.Mul(power, g.Add(logPart, basePart));
    }
}
