using System.Text.RegularExpressions;
using Sim.Core.Formulas;
using Sim.Core.Landscapes;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>
/// The formula contract under random and hostile input: a formula either compiles, and then every
/// evaluation returns a double (finite, infinite or NaN: a hole) with the batch path giving the same
/// bits as the scalar one and the gradient agreeing with central differences wherever f is smooth;
/// or it is rejected with one clean line <c>formula: ...</c> whose column lies inside the input.
/// </summary>
public class FormulaFuzzTests
{
    private static readonly (double X, double Y)[] Probes = [(0.3, 0.7), (-1.2, 2.1), (2.5, -0.4), (0, 0), (1e-8, -3)];

    [Fact]
    public void WellformedFormulasCompileAndEvaluate()
    {
        var fuzz = new FormulaFuzz(1);
        int compiled = 0, checkedSlopes = 0;
        for (int k = 0; k < 1000; k++)
        {
            string text = fuzz.Wellformed();
            var formula = ParseOrCleanError(text);
            if (formula is null) continue;
            compiled++;
            checkedSlopes += CheckEvaluations(formula, text);
        }
        Assert.True(compiled > 900, $"only {compiled} of 1000 well-formed formulas compiled");
        Assert.True(checkedSlopes > 700, $"central differences checked at only {checkedSlopes} points");
    }

    [Fact]
    public void HostileFormulasAreHandledOrRejectedCleanly()
    {
        var fuzz = new FormulaFuzz(2);
        int rejected = 0;
        for (int k = 0; k < 1000; k++)
        {
            string text = fuzz.Hostile();
            var formula = ParseOrCleanError(text);
            if (formula is null) rejected++;
            else CheckEvaluations(formula, text);
        }
        Assert.True(rejected > 200, $"only {rejected} of 1000 hostile formulas were rejected");
    }

    [Fact]
    public void FuzzedLandscapesFindTheirMinimaWithoutFailing()
    {
        var fuzz = new FormulaFuzz(3);
        for (int k = 0; k < 40; k++)
        {
            string text = fuzz.Wellformed(4);
            if (ParseOrCleanError(text) is null) continue;
            var landscape = FormulaLandscape.Create(text);
            Assert.True(landscape.Domain.Width > 0 && landscape.Domain.Height > 0, text);
            foreach (var m in landscape.Minima) Assert.True(landscape.Domain.Contains(m.X, m.Y), $"{text}: minimum {m} outside {landscape.Domain}");
        }
    }

    private static Formula? ParseOrCleanError(string text)
    {
        try
        {
            return Formula.Parse(text);
        }
        catch (InputError e)
        {
            Assert.StartsWith("formula: ", e.Message);
            Assert.DoesNotContain(e.Message, char.IsControl);
            var column = Regex.Match(e.Message, @"at column (\d+)");
            if (column.Success) Assert.InRange(int.Parse(column.Groups[1].Value), 1, text.Length + 1);
            return null;
        }
    }

    /// <summary>Evaluates everywhere; returns at how many probes the gradient was compared with central differences.</summary>
    private static int CheckEvaluations(Formula f, string text)
    {
        int compared = 0;
        var xs = Probes.Select(p => p.X).ToArray();
        var ys = Probes.Select(p => p.Y).ToArray();
        var gx = new double[xs.Length];
        var gy = new double[xs.Length];
        f.Gradients<double>(xs, ys, gx, gy);
        for (int i = 0; i < Probes.Length; i++)
        {
            var (x, y) = Probes[i];
            f.Gradient(x, y, out double ex, out double ey);
            f.Hessian(x, y, out _, out _, out _);
            Assert.True(SameBits(ex, gx[i]), $"batch fx of {text} at {Probes[i]}: {gx[i]:R}, one at a time {ex:R}");
            Assert.True(SameBits(ey, gy[i]), $"batch fy of {text} at {Probes[i]}: {gy[i]:R}, one at a time {ey:R}");
            if (SlopeMatches(f, x, y, ex, ey, text)) compared++;
        }
        return compared;
    }

    /// <summary>The same double, bit for bit; any NaN equals any NaN (SIMD and scalar code set a NaN's sign bit differently).</summary>
    internal static bool SameBits(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    /// <summary>
    /// Where central differences at steps h and h/2 agree (f smooth and well-scaled there), the
    /// exact gradient must agree with them too. A sanity check only: the exact one is the reference.
    /// </summary>
    private static bool SlopeMatches(Formula f, double x, double y, double gx, double gy, string text)
    {
        const double h = 1e-5;
        double dx1 = (f.Value(x + h, y) - f.Value(x - h, y)) / (2 * h), dx2 = (f.Value(x + h / 2, y) - f.Value(x - h / 2, y)) / h;
        double dy1 = (f.Value(x, y + h) - f.Value(x, y - h)) / (2 * h), dy2 = (f.Value(x, y + h / 2) - f.Value(x, y - h / 2)) / h;
        double scale = Math.Abs(dx1) + Math.Abs(dy1) + 1, f0 = f.Value(x, y);
        // Second differences small against the slope: no kink (abs near 0) or jump (cos(x)^1e298) within h.
        double bendX = f.Value(x + h, y) - 2 * f0 + f.Value(x - h, y), bendY = f.Value(x, y + h) - 2 * f0 + f.Value(x, y - h);
        bool smooth = new[] { dx1, dx2, dy1, dy2, gx, gy, bendX, bendY }.All(double.IsFinite) && Math.Abs(f0) < 1e8
            && Math.Abs(dx1 - dx2) < 1e-6 * scale && Math.Abs(dy1 - dy2) < 1e-6 * scale
            && Math.Abs(bendX) < 1e-3 * h * scale && Math.Abs(bendY) < 1e-3 * h * scale;
        // 1e300 added to y absorbs it: f is flat in double though not in exact arithmetic.
        if (!smooth || text.Contains("e300", StringComparison.Ordinal) || text.Contains("e-300", StringComparison.Ordinal)) return false;
        Assert.True(Math.Abs(gx - dx1) < 1e-4 * scale, $"fx of {text} at ({x}, {y}): exact {gx:R}, central difference {dx1:R}");
        Assert.True(Math.Abs(gy - dy1) < 1e-4 * scale, $"fy of {text} at ({x}, {y}): exact {gy:R}, central difference {dy1:R}");
        return true;
    }
}
