using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Sim.Core.Formulas;

/// <summary>
/// A tape compiled once more, to machine code (System.Linq.Expressions): one loop over the points a
/// vector at a time whose body is every instruction in turn, each register a local the JIT keeps in
/// a SIMD register, so a point's values never go through memory. This is what lets a typed
/// landscape step a swarm nearly as fast as a hand-vectorised built-in. The arithmetic is
/// <see cref="Vector{T}"/>'s (IEEE, the same bits as scalar); the other operations run lane by lane
/// through <see cref="OpSemantics.Apply{T}"/>, so the bits equal the interpreter's.
/// </summary>
internal static unsafe class FusedKernel
{
    /// <summary>Reads <c>vectors</c> vectors of x and y and writes as many of each output.</summary>
    public delegate void Kernel(nint x, nint y, nint first, nint second, int vectors);

    /// <summary>Longer tapes stay interpreted: compiling them would cost more than it saves.</summary>
    public const int MaxInstructions = 2000;

    private static readonly MethodInfo LoadMethod = Method(nameof(Load));
    private static readonly MethodInfo StoreMethod = Method(nameof(Store));
    private static readonly MethodInfo LanewiseMethod = Method(nameof(Lanewise));
    private static readonly MethodInfo SquareRootMethod = Method(nameof(SquareRoot));
    private static readonly MethodInfo AbsMethod = Method(nameof(Abs));

    public static Kernel Compile(Instruction[] code, (int Register, double Value)[] constants, int[] outputs, int registerCount)
    {
        var x = Expression.Parameter(typeof(nint), "x");
        var y = Expression.Parameter(typeof(nint), "y");
        var first = Expression.Parameter(typeof(nint), "first");
        var second = Expression.Parameter(typeof(nint), "second");
        var vectors = Expression.Parameter(typeof(int), "vectors");
        var k = Expression.Variable(typeof(int), "k");
        var r = Enumerable.Range(0, registerCount).Select(i => Expression.Variable(typeof(Vector<double>), $"r{i}")).ToArray();

        var body = new List<Expression>
        {
            Expression.Assign(r[0], Expression.Call(LoadMethod, x, k)),
            Expression.Assign(r[1], Expression.Call(LoadMethod, y, k)),
        };
        foreach (var i in code) body.Add(Expression.Assign(r[i.Target], Operation(i, r)));
        body.Add(Expression.Call(StoreMethod, first, k, r[outputs[0]]));
        if (outputs.Length > 1) body.Add(Expression.Call(StoreMethod, second, k, r[outputs[1]]));
        body.Add(Expression.PostIncrementAssign(k));

        var end = Expression.Label("end");
        var block = new List<Expression>();
        foreach (var (register, value) in constants) block.Add(Expression.Assign(r[register], Expression.Constant(new Vector<double>(value))));
        block.Add(Expression.Assign(k, Expression.Constant(0)));
        block.Add(Expression.Loop(
            Expression.IfThenElse(Expression.LessThan(k, vectors), Expression.Block(body), Expression.Break(end)), end));
        var lambda = Expression.Lambda<Kernel>(Expression.Block([k, .. r], block), x, y, first, second, vectors);
        return lambda.Compile();
    }

    private static Expression Operation(Instruction i, ParameterExpression[] r)
    {
        Expression a = r[i.A], b = i.B >= 0 ? r[i.B] : r[i.A];
        return i.Op switch
        {
            Op.Add => Expression.Add(a, b),
            Op.Sub => Expression.Subtract(a, b),
            Op.Mul => Expression.Multiply(a, b),
            Op.Div => Expression.Divide(a, b),
            Op.Neg => Expression.Negate(a),
            Op.Square => Expression.Multiply(a, a),
            Op.Sqrt => Expression.Call(SquareRootMethod, a),
            Op.Abs => Expression.Call(AbsMethod, a),
            _ => Expression.Call(LanewiseMethod, Expression.Constant(i.Op), a, b),
        };
    }

    private static MethodInfo Method(string name) => typeof(FusedKernel).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

    // Named here rather than looked up among Vector's generic overloads, so trimming keeps them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> SquareRoot(Vector<double> v) => Vector.SquareRoot(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Abs(Vector<double> v) => Vector.Abs(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Load(nint pointer, int k) => Unsafe.Read<Vector<double>>((double*)pointer + (nint)k * Vector<double>.Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(nint pointer, int k, Vector<double> value) => Unsafe.Write((double*)pointer + (nint)k * Vector<double>.Count, value);

    /// <summary>An operation without a vector form, lane by lane.</summary>
    public static Vector<double> Lanewise(Op op, Vector<double> a, Vector<double> b)
    {
        var result = Vector<double>.Zero;
        ref double lane = ref Unsafe.As<Vector<double>, double>(ref result);
        for (int i = 0; i < Vector<double>.Count; i++) Unsafe.Add(ref lane, i) = OpSemantics.Apply(op, a.GetElement(i), b.GetElement(i));
        return result;
    }
}
