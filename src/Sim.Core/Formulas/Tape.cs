using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sim.Core.Formulas;

/// <summary>One step of a <see cref="Tape"/>: register <see cref="Target"/> = <see cref="Op"/>(register A, register B).</summary>
public readonly record struct Instruction(Op Op, int Target, int A, int B);

/// <summary>
/// Some nodes of an <see cref="ExpressionGraph"/> compiled to a small register machine: the
/// instructions in evaluation order, each writing one register from one or two others, registers
/// reused once their value is dead. Register 0 holds x, register 1 y, then the constants (set once
/// per evaluation, never overwritten). It runs on one point (<see cref="Evaluate(double, double, Span{double})"/>)
/// or on many at once (<see cref="Evaluate{T}"/>): there each register is a block of points and
/// each instruction one loop over it, vectorised for the arithmetic, so the dispatch cost is paid
/// once per block, not per point. Both give the same bits for double: the same operations in the
/// same order (<see cref="OpSemantics.Apply{T}"/>, and SIMD arithmetic is IEEE like scalar).
/// </summary>
public sealed class Tape
{
    /// <summary>Points per block in the batch evaluator: a few dozen live registers stay in L1/L2.</summary>
    private const int Block = 256;

    private const int StackRegisters = 256;
    private const int XRegister = 0, YRegister = 1;

    private readonly Instruction[] code;
    private readonly (int Register, double Value)[] constants;
    private readonly int[] outputs;
    private readonly FusedKernel.Kernel? kernel;

    private Tape(Instruction[] code, (int, double)[] constants, int[] outputs, int registers, bool fuse)
    {
        this.code = code;
        this.constants = constants;
        this.outputs = outputs;
        RegisterCount = registers;
        if (fuse && Vector.IsHardwareAccelerated && code.Length <= FusedKernel.MaxInstructions)
            kernel = FusedKernel.Compile(code, constants, outputs, registers);
    }

    public int RegisterCount { get; }
    public int InstructionCount => code.Length;
    public int OutputCount => outputs.Length;

    /// <summary>Compiles the nodes <paramref name="roots"/> (and what they need) of <paramref name="graph"/>.</summary>
    /// <param name="fuse">Also compile to machine code for batches of double (<see cref="FusedKernel"/>): for the tapes a swarm runs.</param>
    public static Tape Compile(ExpressionGraph graph, int[] roots, bool fuse = false) => new TapeCompiler(graph, roots, fuse).Compile();

    internal static Tape Create(Instruction[] code, (int, double)[] constants, int[] outputs, int registers, bool fuse) =>
        new(code, constants, outputs, registers, fuse);

    /// <summary>The outputs at one point, into <paramref name="results"/> (one per root).</summary>
    public void Evaluate(double x, double y, Span<double> results)
    {
        double[]? rented = RegisterCount > StackRegisters ? ArrayPool<double>.Shared.Rent(RegisterCount) : null;
        Span<double> r = rented is null ? stackalloc double[StackRegisters] : rented;
        r[XRegister] = x;
        r[YRegister] = y;
        foreach (var (register, value) in constants) r[register] = value;
        foreach (var i in code) r[i.Target] = OpSemantics.Apply(i.Op, r[i.A], i.B >= 0 ? r[i.B] : 0.0);
        for (int k = 0; k < outputs.Length; k++) results[k] = r[outputs[k]];
        if (rented is not null) ArrayPool<double>.Shared.Return(rented);
    }

    /// <summary>
    /// The first output at every point into <paramref name="first"/> and, for a tape of two outputs,
    /// the second into <paramref name="second"/>. Allocation-free after the first call on a thread
    /// (the registers come from the shared array pool), safe to call from several threads at once.
    /// </summary>
    public void Evaluate<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> first, Span<T> second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kernel is not null && typeof(T) == typeof(double) && outputs.Length <= 2)
        {
            int whole = x.Length / Vector<double>.Count * Vector<double>.Count;
            RunKernel(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y), MemoryMarshal.Cast<T, double>(first), MemoryMarshal.Cast<T, double>(second), whole);
            if (whole == x.Length) return;
            x = x[whole..];
            y = y[whole..];
            first = first[whole..];
            if (outputs.Length > 1) second = second[whole..];
        }
        var registers = ArrayPool<T>.Shared.Rent(RegisterCount * Block);
        var r = registers.AsSpan(0, RegisterCount * Block);
        foreach (var (register, value) in constants) r.Slice(register * Block, Block).Fill(T.CreateTruncating(value));
        for (int from = 0; from < x.Length; from += Block)
        {
            int n = Math.Min(Block, x.Length - from);
            x.Slice(from, n).CopyTo(r.Slice(XRegister * Block, n));
            y.Slice(from, n).CopyTo(r.Slice(YRegister * Block, n));
            foreach (var i in code) Run(i, r);
            r.Slice(outputs[0] * Block, n).CopyTo(first.Slice(from, n));
            if (outputs.Length > 1) r.Slice(outputs[1] * Block, n).CopyTo(second.Slice(from, n));
        }
        ArrayPool<T>.Shared.Return(registers);
    }

    /// <summary>The fused kernel over the first <paramref name="count"/> points (a whole number of vectors).</summary>
    private unsafe void RunKernel(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> first, Span<double> second, int count)
    {
        if (count == 0) return;
        fixed (double* px = x, py = y, p1 = first, p2 = second)
            kernel!((nint)px, (nint)py, (nint)p1, (nint)p2, count / Vector<double>.Count);
    }

    /// <summary>One instruction over a whole block (the tail of a short block computes unused lanes).</summary>
    private static void Run<T>(Instruction i, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = r.Slice(i.Target * Block, Block);
        var a = r.Slice(i.A * Block, Block);
        var b = i.B >= 0 ? r.Slice(i.B * Block, Block) : a;
        if (Vector.IsHardwareAccelerated && Block % Vector<T>.Count == 0 && RunVector(i.Op, t, a, b)) return;
        for (int k = 0; k < Block; k++) t[k] = OpSemantics.Apply(i.Op, a[k], b[k]);
    }

    /// <summary>
    /// The arithmetic operations, a vector at a time; false for the others. Unchecked indexing
    /// (the three slices are each exactly one block long), as the bounds checks would cost as
    /// much as the arithmetic.
    /// </summary>
    private static bool RunVector<T>(Op op, Span<T> target, Span<T> first, Span<T> second) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref var t = ref Unsafe.As<T, Vector<T>>(ref MemoryMarshal.GetReference(target));
        ref var a = ref Unsafe.As<T, Vector<T>>(ref MemoryMarshal.GetReference(first));
        ref var b = ref Unsafe.As<T, Vector<T>>(ref MemoryMarshal.GetReference(second));
        int n = Block / Vector<T>.Count;
        switch (op)
        {
            case Op.Add: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = Unsafe.Add(ref a, k) + Unsafe.Add(ref b, k); return true;
            case Op.Sub: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = Unsafe.Add(ref a, k) - Unsafe.Add(ref b, k); return true;
            case Op.Mul: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = Unsafe.Add(ref a, k) * Unsafe.Add(ref b, k); return true;
            case Op.Div: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = Unsafe.Add(ref a, k) / Unsafe.Add(ref b, k); return true;
            case Op.Neg: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = -Unsafe.Add(ref a, k); return true;
            case Op.Square: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = Unsafe.Add(ref a, k) * Unsafe.Add(ref a, k); return true;
            case Op.Sqrt: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = Vector.SquareRoot(Unsafe.Add(ref a, k)); return true;
            case Op.Abs: for (int k = 0; k < n; k++) Unsafe.Add(ref t, k) = Vector.Abs(Unsafe.Add(ref a, k)); return true;
            default: return false;
        }
    }
}
