using Sim.Core.Landscapes;

namespace Sim.Core.Simulation;

/// <summary>What the landscape looks like around a point, from its Hessian and gradient.</summary>
public enum CurvatureKind
{
    /// <summary>Both eigenvalues positive: a bowl; near a minimum if the gradient is small too.</summary>
    Bowl,
    /// <summary>Eigenvalues of opposite signs: downhill one way, uphill the other.</summary>
    Saddle,
    /// <summary>Both negative: a cap, every direction leads down.</summary>
    Ridge,
    /// <summary>Gradient and curvature both tiny: nothing tells the optimizer where to go.</summary>
    Plateau,
    /// <summary>The point, its gradient or its Hessian is not a finite number (a diverged ball): nothing to read.</summary>
    Undefined,
}

/// <summary>
/// The Hessian's eigenvalues (λ₁ ≤ λ₂) and eigenvector of λ₁ at a point, and what they make it:
/// the read-out behind "why is this ball stuck?" (Ng: in high dimensions saddles, not minima).
/// </summary>
public readonly record struct Curvature(double Lambda1, double Lambda2, Point2 Direction1, double GradientNorm, CurvatureKind Kind)
{
    /// <summary>λ₂/λ₁ for a bowl: how stretched the ravine is (1 is round).</summary>
    public double ConditionNumber => Kind == CurvatureKind.Bowl && Lambda1 > 0 ? Lambda2 / Lambda1 : double.PositiveInfinity;

    /// <summary>Near a stationary point: the gradient is small against the curvature's scale over the domain.</summary>
    public bool NearStationary { get; init; }

    /// <param name="valueRange">max − min of f over the domain (<see cref="ValueRange"/>), the scale "flat" is judged by.</param>
    public static Curvature At(Landscape landscape, Point2 p, double valueRange)
    {
        landscape.Hessian(p.X, p.Y, out var a, out var b, out var c);
        landscape.Gradient(p.X, p.Y, out var gx, out var gy);
        var (l1, l2) = Landscape.Eigenvalues(a, b, c);
        // Eigenvector of l1: (b, l1 − a), or an axis when the Hessian is already diagonal.
        var v = Math.Abs(b) > 1e-300 ? new Point2(b, l1 - a) : (a <= c ? new Point2(1, 0) : new Point2(0, 1));
        double n = Math.Sqrt(v.X * v.X + v.Y * v.Y);
        v = new Point2(v.X / n, v.Y / n);

        // Flat: a move of a tenth of the domain changes f, by slope and curvature together, by
        // less than 1% of the landscape's range of values.
        var d = landscape.Domain;
        double h = Math.Max(d.Width, d.Height) / 10;
        double gradient = Math.Sqrt(gx * gx + gy * gy), bend = Math.Max(Math.Abs(l1), Math.Abs(l2));
        bool flat = gradient * h + 0.5 * bend * h * h < 1e-2 * valueRange;
        // NaN fails every comparison below and would fall through to "plateau": say so instead.
        bool undefined = !double.IsFinite(gradient) || !double.IsFinite(l1) || !double.IsFinite(l2);
        var kind = undefined ? CurvatureKind.Undefined
            : flat ? CurvatureKind.Plateau
            : l1 > 0 ? CurvatureKind.Bowl
            : l2 < 0 ? CurvatureKind.Ridge
            : l1 < 0 && l2 > 0 ? CurvatureKind.Saddle
            : CurvatureKind.Plateau;
        return new Curvature(l1, l2, v, gradient, kind) { NearStationary = gradient * h < 1e-4 * valueRange };
    }

    /// <summary>max − min of f over a 65×65 grid of the domain.</summary>
    public static double ValueRange(Landscape landscape)
    {
        var d = landscape.Domain;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i <= 64; i++)
        for (int j = 0; j <= 64; j++)
        {
            double f = landscape.Value(d.XMin + d.Width * i / 64, d.YMin + d.Height * j / 64);
            if (!double.IsFinite(f)) continue;
            min = Math.Min(min, f);
            max = Math.Max(max, f);
        }
        return max > min ? max - min : 1;
    }
}
