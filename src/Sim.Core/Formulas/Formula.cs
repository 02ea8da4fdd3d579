using System.Numerics;

namespace Sim.Core.Formulas;

/// <summary>
/// f(x, y) typed by a user, with its exact gradient and Hessian: parsed
/// (<see cref="FormulaParser"/>), differentiated symbolically twice (<see cref="Derivative"/>) in
/// one shared graph, and compiled to three tapes (f; ∂f/∂x, ∂f/∂y; ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²),
/// the gradient's also to machine code for swarms (<see cref="FusedKernel"/>).
/// ∂²f/∂x∂y is taken as ∂(∂f/∂x)/∂y, so the Hessian is symmetric by construction.
/// Immutable, so one formula serves every thread of a swarm.
/// </summary>
public sealed class Formula
{
    private readonly Tape value, gradient, hessian;

    private Formula(string text, Tape value, Tape gradient, Tape hessian)
    {
        Text = text;
        this.value = value;
        this.gradient = gradient;
        this.hessian = hessian;
    }

    public string Text { get; }

    /// <summary>Instructions run per point for a gradient (for the bench's report).</summary>
    public int GradientInstructions => gradient.InstructionCount;

    /// <summary>Parses and compiles <paramref name="text"/>; bad input is an <see cref="InputError"/> naming the column.</summary>
    public static Formula Parse(string text)
    {
        var g = new ExpressionGraph();
        int f = FormulaParser.Parse(text, g);
        var d = new Derivative(g);
        int fx = d.Of(f, Op.X), fy = d.Of(f, Op.Y);
        int fxx = d.Of(fx, Op.X), fxy = d.Of(fx, Op.Y), fyy = d.Of(fy, Op.Y);
        return new Formula(text, Tape.Compile(g, [f]), Tape.Compile(g, [fx, fy], fuse: true), Tape.Compile(g, [fxx, fxy, fyy]));
    }

    public double Value(double x, double y)
    {
        Span<double> r = stackalloc double[1];
        value.Evaluate(x, y, r);
        return r[0];
    }

    public void Gradient(double x, double y, out double gx, out double gy)
    {
        Span<double> r = stackalloc double[2];
        gradient.Evaluate(x, y, r);
        gx = r[0];
        gy = r[1];
    }

    public void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        Span<double> r = stackalloc double[3];
        hessian.Evaluate(x, y, r);
        hxx = r[0];
        hxy = r[1];
        hyy = r[2];
    }

    /// <summary>Gradients of many points at once; the same bits as <see cref="Gradient"/> for double.</summary>
    public void Gradients<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> gx, Span<T> gy)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        gradient.Evaluate(x, y, gx, gy);

    /// <summary>Values of many points at once.</summary>
    public void Values<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        value.Evaluate(x, y, f, []);
}
