using Sim.Core;
using Sim.Core.Formulas;
using Sim.Core.Landscapes;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>Formula landscapes: the parser's grammar, exact derivatives against hand-written ones, the compiled tapes.</summary>
public class FormulaTests
{
    /// <summary>A formula and its value, gradient and Hessian written out by hand.</summary>
    public sealed record Case(string Text, Func<double, double, double> F, Func<double, double, (double, double)> G, Func<double, double, (double, double, double)> H);

    public static readonly Case[] Cases =
    [
        new("x^2 + 3*x*y - y^3", (x, y) => x * x + 3 * x * y - y * y * y, (x, y) => (2 * x + 3 * y, 3 * x - 3 * y * y), (x, y) => (2, 3, -6 * y)),
        new("sin(x)*cos(y)", (x, y) => Math.Sin(x) * Math.Cos(y), (x, y) => (Math.Cos(x) * Math.Cos(y), -Math.Sin(x) * Math.Sin(y)),
            (x, y) => (-Math.Sin(x) * Math.Cos(y), -Math.Cos(x) * Math.Sin(y), -Math.Sin(x) * Math.Cos(y))),
        new("exp(-(x^2 + y^2))", (x, y) => Math.Exp(-(x * x + y * y)), (x, y) => (-2 * x * Math.Exp(-(x * x + y * y)), -2 * y * Math.Exp(-(x * x + y * y))),
            (x, y) => ((4 * x * x - 2) * Math.Exp(-(x * x + y * y)), 4 * x * y * Math.Exp(-(x * x + y * y)), (4 * y * y - 2) * Math.Exp(-(x * x + y * y)))),
        new("log(1 + x^2 + y^2)", (x, y) => Math.Log(1 + x * x + y * y), (x, y) => (2 * x / (1 + x * x + y * y), 2 * y / (1 + x * x + y * y)),
            (x, y) =>
            {
                double s = 1 + x * x + y * y;
                return ((2 * s - 4 * x * x) / (s * s), -4 * x * y / (s * s), (2 * s - 4 * y * y) / (s * s));
            }),
        new("sqrt(x^2 + y^2 + 1)", (x, y) => Math.Sqrt(x * x + y * y + 1), (x, y) => (x / Math.Sqrt(x * x + y * y + 1), y / Math.Sqrt(x * x + y * y + 1)),
            (x, y) =>
            {
                double r = Math.Sqrt(x * x + y * y + 1), r3 = r * r * r;
                return ((y * y + 1) / r3, -x * y / r3, (x * x + 1) / r3);
            }),
        new("tanh(x*y)", (x, y) => Math.Tanh(x * y), (x, y) => (y * Sech2(x * y), x * Sech2(x * y)),
            (x, y) =>
            {
                double t = Math.Tanh(x * y), s = Sech2(x * y);
                return (-2 * y * y * s * t, s - 2 * x * y * s * t, -2 * x * x * s * t);
            }),
        new("atan(x - y^2)", (x, y) => Math.Atan(x - y * y), (x, y) => (1 / (1 + Sq(x - y * y)), -2 * y / (1 + Sq(x - y * y))),
            (x, y) =>
            {
                double u = x - y * y, d = 1 + u * u;
                return (-2 * u / (d * d), 4 * y * u / (d * d), -2 / d - 8 * y * y * u / (d * d));
            }),
        new("x^y", (x, y) => Math.Pow(x, y), (x, y) => (y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x)),
            (x, y) => (y * (y - 1) * Math.Pow(x, y - 2), Math.Pow(x, y - 1) * (1 + y * Math.Log(x)), Math.Pow(x, y) * Sq(Math.Log(x)))),
        new("abs(x - 2) + y^2", (x, y) => Math.Abs(x - 2) + y * y, (x, y) => (Math.Sign(x - 2), 2 * y), (x, y) => (0, 0, 2)),
        new("sinh(x) + cosh(2*y)", (x, y) => Math.Sinh(x) + Math.Cosh(2 * y), (x, y) => (Math.Cosh(x), 2 * Math.Sinh(2 * y)), (x, y) => (Math.Sinh(x), 0, 4 * Math.Cosh(2 * y))),
        new("tan(x/3)*y", (x, y) => Math.Tan(x / 3) * y, (x, y) => (y / (3 * Sq(Math.Cos(x / 3))), Math.Tan(x / 3)),
            (x, y) => (2 * y * Math.Tan(x / 3) / (9 * Sq(Math.Cos(x / 3))), 1 / (3 * Sq(Math.Cos(x / 3))), 0)),
        new("(x - 1)/(y^2 + 1)", (x, y) => (x - 1) / (y * y + 1), (x, y) => (1 / (y * y + 1), -2 * y * (x - 1) / Sq(y * y + 1)),
            (x, y) => (0, -2 * y / Sq(y * y + 1), (x - 1) * (6 * y * y - 2) / Math.Pow(y * y + 1, 3))),
        new("2^x * 3 - pi*e*y", (x, y) => Math.Pow(2, x) * 3 - Math.PI * Math.E * y, (x, y) => (3 * Math.Log(2) * Math.Pow(2, x), -Math.PI * Math.E),
            (x, y) => (3 * Sq(Math.Log(2)) * Math.Pow(2, x), 0, 0)),
        new("-x^2 - -y", (x, y) => -(x * x) + y, (x, y) => (-2 * x, 1), (x, y) => (-2, 0, 0)),
        new("x^-2 + 1e-3*y^4", (x, y) => 1 / (x * x) + 1e-3 * Math.Pow(y, 4), (x, y) => (-2 / (x * x * x), 4e-3 * y * y * y), (x, y) => (6 / Math.Pow(x, 4), 0, 12e-3 * y * y)),
    ];

    private static double Sq(double v) => v * v;
    private static double Sech2(double v) => 1 / Sq(Math.Cosh(v));

    public static IEnumerable<object[]> CaseIndices => Enumerable.Range(0, Cases.Length).Select(i => new object[] { i });

    /// <summary>Points with x, y in [0.3, 1.7]: inside every case's domain (x^y needs x &gt; 0).</summary>
    public static IEnumerable<(double X, double Y)> Points()
    {
        for (int j = 0; j < 6; j++)
            for (int i = 0; i < 6; i++)
                yield return (0.3 + 0.27 * i + 0.01 * j, 0.35 + 0.26 * j - 0.02 * i);
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void ValueGradientAndHessianMatchTheHandWrittenOnes(int index)
    {
        var c = Cases[index];
        var f = Formula.Parse(c.Text);
        foreach (var (x, y) in Points())
        {
            Close(c.F(x, y), f.Value(x, y), c.Text, "f", x, y);
            f.Gradient(x, y, out double gx, out double gy);
            var (ex, ey) = c.G(x, y);
            Close(ex, gx, c.Text, "fx", x, y);
            Close(ey, gy, c.Text, "fy", x, y);
            f.Hessian(x, y, out double hxx, out double hxy, out double hyy);
            var (exx, exy, eyy) = c.H(x, y);
            Close(exx, hxx, c.Text, "fxx", x, y);
            Close(exy, hxy, c.Text, "fxy", x, y);
            Close(eyy, hyy, c.Text, "fyy", x, y);
        }
    }

    [Theory]
    [InlineData("quadratic", "0.5*(x^2 + 10*y^2)")]
    [InlineData("rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2")]
    [InlineData("beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2")]
    [InlineData("himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2")]
    [InlineData("rastrigin", "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)")]
    public void TypedBuiltInsHaveTheBuiltInsHandWrittenDerivatives(string name, string text)
    {
        var builtIn = LandscapeCatalog.Create(name);
        var typed = FormulaLandscape.Create(text, builtIn.Domain);
        var d = builtIn.Domain;
        for (int j = 0; j < 9; j++)
            for (int i = 0; i < 9; i++)
            {
                double x = d.XMin + d.Width * (i + 0.3) / 9, y = d.YMin + d.Height * (j + 0.6) / 9;
                Close(builtIn.Value(x, y), typed.Value(x, y), text, "f", x, y);
                builtIn.Gradient(x, y, out double bx, out double by);
                typed.Gradient(x, y, out double tx, out double ty);
                Close(bx, tx, text, "fx", x, y, scale: Math.Abs(bx) + Math.Abs(by));
                Close(by, ty, text, "fy", x, y, scale: Math.Abs(bx) + Math.Abs(by));
                builtIn.Hessian(x, y, out double bxx, out double bxy, out double byy);
                typed.Hessian(x, y, out double txx, out double txy, out double tyy);
                double hs = Math.Abs(bxx) + Math.Abs(bxy) + Math.Abs(byy);
                Close(bxx, txx, text, "fxx", x, y, hs);
                Close(bxy, txy, text, "fxy", x, y, hs);
                Close(byy, tyy, text, "fyy", x, y, hs);
            }
    }

    /// <summary>Relative agreement to 1e-12 (of <paramref name="scale"/> where a component is a cancellation of larger terms).</summary>
    internal static void Close(double expected, double actual, string text, string what, double x, double y, double scale = 0)
    {
        double tolerance = 1e-12 * Math.Max(1, Math.Max(Math.Abs(expected), scale));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what} of {text} at ({x}, {y}): expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData("-x^2", 3, 0, -9)]
    [InlineData("2^3^2", 0, 0, 512)]
    [InlineData("-2^2", 0, 0, -4)]
    [InlineData("(-2)^2", 0, 0, 4)]
    [InlineData("2^-1", 0, 0, 0.5)]
    [InlineData("2*-x", 3, 0, -6)]
    [InlineData("1 - 2 - 3", 0, 0, -4)]
    [InlineData("8/2/2", 0, 0, 2)]
    [InlineData("1e-3 + 2.5E2 + .5", 0, 0, 250.501)]
    [InlineData(" x\t* y ", 3, 4, 12)]
    [InlineData("+x - -y", 3, 4, 7)]
    [InlineData("2 + 3*4^2", 0, 0, 50)]
    [InlineData("sqrt(abs(x - y))", 1, 10, 3)]
    public void TheGrammarBindsAsCliMdSays(string text, double x, double y, double expected) =>
        Assert.Equal(expected, Formula.Parse(text).Value(x, y), 12);

    [Fact]
    public void PiAndEAreTheConstants()
    {
        Assert.Equal(Math.PI, Formula.Parse("pi").Value(0, 0));
        Assert.Equal(Math.E, Formula.Parse("e").Value(0, 0));
        Assert.Equal(Math.Exp(2), Formula.Parse("e^2").Value(0, 0), 14);
    }

    [Theory]
    [InlineData("x^2 + 3*sinn(x)", "formula: unknown function 'sinn' at column 9; expected one of sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan")]
    [InlineData("x + z", "formula: unknown name 'z' at column 5; expected x, y, pi, e or a function such as sin(x)")]
    [InlineData("", "formula: empty; expected an expression in x and y such as x^2 + 10*y^2")]
    [InlineData("   ", "formula: empty; expected an expression in x and y such as x^2 + 10*y^2")]
    [InlineData("x +", "formula: ends too early at column 4; expected a number, x, y, a function or (")]
    [InlineData("2x", "formula: unexpected 'x' at column 2; expected an operator (+ - * / ^) or the end")]
    [InlineData("(x + y", "formula: the ( at column 1 is never closed; expected )")]
    [InlineData("(x y)", "formula: unexpected 'y' at column 4; expected ) or an operator")]
    [InlineData("x)", "formula: unexpected ')' at column 2; expected an operator (+ - * / ^) or the end")]
    [InlineData("x * * y", "formula: unexpected '*' at column 5; expected a number, x, y, a function or (")]
    [InlineData("sin x", "formula: function 'sin' at column 1 needs its argument in parentheses, as in sin(x)")]
    [InlineData("1.2.3", "formula: '1.2.3' at column 1 is not a number; expected digits such as 2, 0.5 or 1e-3")]
    [InlineData("x + 1e999", "formula: '1e999' at column 5 is too large; expected a number below 1.8e308")]
    [InlineData("x\u0007", "formula: unexpected character U+0007 at column 2; expected an operator (+ - * / ^) or the end")]
    [InlineData("x + \n y", "formula: unexpected character U+000A at column 5; expected a number, x, y, a function or (")]
    [InlineData("x £ y", "formula: unexpected '£' at column 3; expected an operator (+ - * / ^) or the end")]
    [InlineData("sin()", "formula: unexpected ')' at column 5; expected a number, x, y, a function or (")]
    public void ParseErrorsNameTheColumn(string text, string message)
    {
        var e = Assert.Throws<InputError>(() => Formula.Parse(text));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void InputIsBoundedWithCleanErrors()
    {
        Assert.StartsWith("formula: 1001 characters is too long; expected at most 1000",
            Assert.Throws<InputError>(() => Formula.Parse(new string('1', 1001))).Message);
        string parens = new string('(', 150) + "x" + new string(')', 150);
        Assert.StartsWith("formula: nested too deeply at column 101;", Assert.Throws<InputError>(() => Formula.Parse(parens)).Message);
        string functions = string.Concat(Enumerable.Repeat("sin(", 120)) + "x" + new string(')', 120);
        Assert.StartsWith("formula: nested too deeply at column", Assert.Throws<InputError>(() => Formula.Parse(functions)).Message);
        string signs = new string('-', 500) + "x";
        Assert.StartsWith("formula: nested too deeply at column 101;", Assert.Throws<InputError>(() => Formula.Parse(signs)).Message);
        string chain = string.Join("+", Enumerable.Repeat("y", 150));
        Assert.StartsWith("formula: too deeply nested at column", Assert.Throws<InputError>(() => Formula.Parse(chain)).Message);
    }

    [Fact]
    public void TheDeepestAcceptedFormulaNeedsLittleStack()
    {
        // Forty-five nested functions (ninety levels of nesting), differentiated twice, on a thread with a 256 KiB stack:
        // an unbounded recursion would crash the test run here.
        string deep = string.Concat(Enumerable.Repeat("sin(", 45)) + "x*y" + new string(')', 45);
        double? value = null;
        var thread = new Thread(() => value = Formula.Parse(deep).Value(0.5, 0.5), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(value);
        Assert.True(value > 0 && value < 1);
    }

    [Theory]
    [InlineData("10^10^10")]
    [InlineData("exp(exp(exp(x)))")]
    [InlineData("x^1e308")]
    [InlineData("(x*1e300)^(y*1e300)")]
    [InlineData("1/0 + x")]
    [InlineData("log(0) * y")]
    public void HugeValuesStayFiniteOrBecomeHolesWithoutCrashing(string text)
    {
        var f = FormulaLandscape.Create(text);
        foreach (var (x, y) in new[] { (0.0, 0.0), (5.0, -5.0), (-3.0, 4.0), (1e10, 1e10) })
        {
            double v = f.Value(x, y);
            f.Gradient(x, y, out double gx, out double gy);
            f.Hessian(x, y, out double hxx, out _, out _);
            Assert.True(double.IsFinite(v) || double.IsNaN(v) || double.IsInfinity(v)); // any double, no exception
            _ = gx + gy + hxx;
        }
    }

    [Theory]
    [InlineData("x^2 + 3*x*y - y^3 + sin(x)*cos(y)")]
    [InlineData("(1 - x)^2 + 100*(y - x^2)^2")]
    [InlineData("log(x) + sqrt(y) + abs(x - y) + tanh(x) * atan(y) / (x + 1e-9)")]
    [InlineData("x^y + exp(-x) - cosh(y)^sinh(x)")]
    public void BatchGradientsHaveTheSameBitsAsOnePointAtATime(string text)
    {
        var f = Formula.Parse(text);
        var random = new SplitMix64(7);
        foreach (int n in new[] { 1, 3, 255, 256, 257, 1000 })
        {
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++) (x[i], y[i]) = (4 * random.NextDouble() - 1, 4 * random.NextDouble() - 1);
            var gx = new double[n];
            var gy = new double[n];
            f.Gradients<double>(x, y, gx, gy);
            for (int i = 0; i < n; i++)
            {
                f.Gradient(x[i], y[i], out double ex, out double ey);
                Assert.True(FormulaFuzzTests.SameBits(ex, gx[i]), $"fx of {text} at ({x[i]:R}, {y[i]:R}): {gx[i]:R}, one at a time {ex:R}");
                Assert.True(FormulaFuzzTests.SameBits(ey, gy[i]), $"fy of {text} at ({x[i]:R}, {y[i]:R}): {gy[i]:R}, one at a time {ey:R}");
            }
        }
    }

    [Fact]
    public void BatchGradientsAllocateNothing()
    {
        var f = Formula.Parse("(1 - x)^2 + 100*(y - x^2)^2 + sin(x*y)");
        var x = new double[1024];
        var y = new double[1024];
        var gx = new double[1024];
        var gy = new double[1024];
        f.Gradients<double>(x, y, gx, gy); // first call on this thread fills the pool
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) f.Gradients<double>(x, y, gx, gy);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
