using Sim.Core.Formulas;

namespace Sim.Core.Landscapes;

/// <summary>
/// A landscape typed by the user (<c>--formula</c>, a scenario's <c>"formula"</c>): f, its exact
/// gradient and Hessian from a compiled <see cref="Formulas.Formula"/>. Its minima are found
/// numerically (<see cref="MinimumSearch"/>) over its domain; without a given domain, over
/// [−5, 5]², and the domain is then chosen around them (<see cref="ChooseDomain"/>).
/// Where f is not finite (log of a negative, division by zero) the surface has a hole, and a ball
/// that steps there diverges.
/// </summary>
public sealed class FormulaLandscape : Landscape
{
    /// <summary>Where minima are looked for when no domain is given.</summary>
    public static readonly Domain SearchBox = new(-5, 5, -5, 5);

    private readonly Formula formula;

    private FormulaLandscape(Formula formula, Domain domain, IReadOnlyList<Point2> minima)
    {
        this.formula = formula;
        Domain = domain;
        Minima = minima;
        DefaultStart = ChooseStart();
    }

    /// <summary>Parses, compiles and studies <paramref name="text"/>; input problems are <see cref="InputError"/>s.</summary>
    public static FormulaLandscape Create(string text, Domain? domain = null)
    {
        var formula = Formulas.Formula.Parse(text);
        var probe = new FormulaLandscape(formula, domain ?? SearchBox, []);
        var minima = MinimumSearch.Find(probe, domain ?? SearchBox);
        return new FormulaLandscape(formula, domain ?? ChooseDomain(minima), minima);
    }

    public override string Name => "formula";
    public override string Formula => formula.Text;
    public override Domain Domain { get; }
    public override IReadOnlyList<Point2> Minima { get; }
    public override Point2 DefaultStart { get; }

    /// <summary>Instructions per point of the compiled gradient.</summary>
    public int GradientInstructions => formula.GradientInstructions;

    /// <summary>
    /// A square around the minima found in <see cref="SearchBox"/>: centred on their bounding box,
    /// half as wide as 1.2 times its larger side and at least 2, cut to the search box; the search
    /// box itself when there are none. Rosenbrock typed in gets [−1, 3]², Himmelblau about [−4.6, 4.3]².
    /// </summary>
    public static Domain ChooseDomain(IReadOnlyList<Point2> minima)
    {
        if (minima.Count == 0) return SearchBox;
        double xMin = minima.Min(m => m.X), xMax = minima.Max(m => m.X), yMin = minima.Min(m => m.Y), yMax = minima.Max(m => m.Y);
        double half = Math.Max(2, 0.6 * Math.Max(xMax - xMin, yMax - yMin));
        double cx = (xMin + xMax) / 2, cy = (yMin + yMax) / 2;
        var box = SearchBox;
        return new Domain(Math.Max(box.XMin, cx - half), Math.Min(box.XMax, cx + half), Math.Max(box.YMin, cy - half), Math.Min(box.YMax, cy + half));
    }

    /// <summary>The point of a 9 × 9 grid inside the domain farthest from every minimum where f and its gradient are finite.</summary>
    private Point2 ChooseStart()
    {
        var d = Domain;
        var best = new Point2(d.XMin + 0.2 * d.Width, d.YMin + 0.8 * d.Height);
        double bestDistance = -1;
        for (int j = 1; j < 9; j++)
            for (int i = 1; i < 9; i++)
            {
                var p = new Point2(d.XMin + d.Width * i / 9, d.YMin + d.Height * (9 - j) / 9);
                Gradient(p.X, p.Y, out double gx, out double gy);
                if (!double.IsFinite(Value(p.X, p.Y)) || !double.IsFinite(gx) || !double.IsFinite(gy)) continue;
                double nearest = Minima.Count == 0 ? 0 : Minima.Min(m => Math.Sqrt((m.X - p.X) * (m.X - p.X) + (m.Y - p.Y) * (m.Y - p.Y)));
                if (nearest > bestDistance) (best, bestDistance) = (p, nearest);
            }
        return best;
    }

    public override double Value(double x, double y) => formula.Value(x, y);

    public override void Gradient(double x, double y, out double gx, out double gy) => formula.Gradient(x, y, out gx, out gy);

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy) =>
        formula.Hessian(x, y, out hxx, out hxy, out hyy);

    public override void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy) =>
        formula.Gradients(x, y, gx, gy);

    public override void Gradients(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> gx, Span<float> gy) =>
        formula.Gradients(x, y, gx, gy);
}
