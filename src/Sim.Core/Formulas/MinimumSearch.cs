using Sim.Core.Landscapes;

namespace Sim.Core.Formulas;

/// <summary>
/// The local minima of a landscape in a box, found numerically: damped Newton steps with the exact
/// Hessian from a grid of starts, each result checked and the duplicates merged. A step solves
/// (H + μI)·d = −g with μ = 0 where H is positive definite (near a minimum, where Newton converges
/// quadratically) and μ &gt; 0 on a saddle or ridge (where plain Newton would head for the saddle),
/// then halves d until f decreases. A point is a minimum when
/// |g| ≈ 0 and H is positive definite, or semidefinite with f strictly higher all round a small ring
/// around it (x⁴ + y⁴ has H = 0 at its minimum).
/// </summary>
public static class MinimumSearch
{
    // Odd, so that the box's centre is a start (many typed formulas have their minimum at the origin).
    private const int GridStarts = 25;
    private const int Iterations = 80;

    /// <summary>More minima than this are cut to the lowest (Rastrigin has 121 in [−5, 5]²).</summary>
    public const int MaxMinima = 64;

    public static IReadOnlyList<Point2> Find(Landscape landscape, Domain box)
    {
        double diagonal = Math.Sqrt(box.Width * box.Width + box.Height * box.Height);
        var found = new List<(Point2 Point, double Value)>();
        for (int j = 0; j < GridStarts; j++)
            for (int i = 0; i < GridStarts; i++)
            {
                var start = new Point2(box.XMin + box.Width * (i + 0.5) / GridStarts, box.YMin + box.Height * (j + 0.5) / GridStarts);
                if (Descend(landscape, start) is not { } p || !box.Contains(p.X, p.Y) || !IsMinimum(landscape, p, diagonal)) continue;
                if (found.Exists(m => Distance(m.Point, p) < 1e-4 * diagonal)) continue;
                found.Add((p, landscape.Value(p.X, p.Y)));
            }
        return [.. found.OrderBy(m => m.Value).ThenBy(m => m.Point.X).ThenBy(m => m.Point.Y).Take(MaxMinima).Select(m => m.Point)];
    }

    /// <summary>Damped Newton from <paramref name="p"/>; null if it meets non-finite values.</summary>
    private static Point2? Descend(Landscape landscape, Point2 p)
    {
        for (int it = 0; it < Iterations; it++)
        {
            landscape.Gradient(p.X, p.Y, out double gx, out double gy);
            landscape.Hessian(p.X, p.Y, out double hxx, out double hxy, out double hyy);
            if (!AllFinite(gx, gy, hxx, hxy, hyy)) return null;
            if (gx == 0 && gy == 0) return p;
            var (small, large) = Landscape.Eigenvalues(hxx, hxy, hyy);
            // Positive definite: a Newton step. Otherwise shift the spectrum to at least a tenth of its
            // spread, so the step stays short in a direction of negative curvature (Rastrigin's ridges).
            double floor = 1e-6 * Math.Max(Math.Abs(large), 1e-12);
            double mu = small > floor ? 0 : -small + 0.1 * (Math.Abs(large) + Math.Abs(small)) + floor;
            double a = hxx + mu, c = hyy + mu, det = a * c - hxy * hxy;
            double dx = -(c * gx - hxy * gy) / det, dy = -(a * gy - hxy * gx) / det;
            if (!double.IsFinite(dx) || !double.IsFinite(dy)) return null;
            double f0 = landscape.Value(p.X, p.Y), t = 1;
            while (t > 1e-12 && !(landscape.Value(p.X + t * dx, p.Y + t * dy) <= f0)) t /= 2;
            if (t <= 1e-12) return p; // no descent left along the Newton direction: as low as it gets
            var next = new Point2(p.X + t * dx, p.Y + t * dy);
            if (Distance(next, p) <= 1e-15 * (1 + Math.Abs(p.X) + Math.Abs(p.Y))) return next;
            p = next;
        }
        return p;
    }

    private static bool IsMinimum(Landscape landscape, Point2 p, double diagonal)
    {
        double f = landscape.Value(p.X, p.Y);
        landscape.Gradient(p.X, p.Y, out double gx, out double gy);
        landscape.Hessian(p.X, p.Y, out double hxx, out double hxy, out double hyy);
        if (!AllFinite(f, gx, gy, hxx, hxy, hyy)) return false;
        var (small, large) = Landscape.Eigenvalues(hxx, hxy, hyy);
        double scale = 1 + Math.Abs(large);
        if (Math.Sqrt(gx * gx + gy * gy) > 1e-6 * scale * (1 + Math.Abs(p.X) + Math.Abs(p.Y))) return false;
        if (small > 1e-9 * scale) return true;
        return small > -1e-9 * scale && LowestOnRing(landscape, p, f, 1e-4 * diagonal);
    }

    private static bool LowestOnRing(Landscape landscape, Point2 p, double f, double radius)
    {
        for (int k = 0; k < 16; k++)
        {
            double angle = 2 * Math.PI * k / 16;
            if (!(landscape.Value(p.X + radius * Math.Cos(angle), p.Y + radius * Math.Sin(angle)) > f)) return false;
        }
        return true;
    }

    private static bool AllFinite(params ReadOnlySpan<double> values)
    {
        foreach (var v in values) if (!double.IsFinite(v)) return false;
        return true;
    }

    private static double Distance(Point2 a, Point2 b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
