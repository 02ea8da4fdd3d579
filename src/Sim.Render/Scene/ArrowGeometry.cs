using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Two arrows at each moving ball, along the surface: white for the negative gradient of its last
/// step, the ball's colour for the step its optimizer actually took. Gradients and steps span many
/// orders of magnitude (Rosenbrock's walls against its valley floor), so lengths are logarithmic over
/// three decades: the direction is exact, a longer arrow always means a larger vector.
/// </summary>
public sealed class ArrowGeometry
{
    private const double Decades = 3;

    private readonly List<double> _sizes = new(24 * 24); // reused: a network's surface is replaced every few dozen steps
    private int _version = -1;
    private double _gradientTop, _domainSize = 1;

    /// <summary>Longest arrow, as a fraction of the domain's larger side.</summary>
    public const float MaxLength = 0.16f;

    public void Append(World world, ScenePlacement placement, BallPositions positions, int surfaceVersion, Theme theme, SegmentBuffer into)
    {
        if (surfaceVersion != _version)
        {
            _gradientTop = TypicalLargeGradient(placement.Surface.Landscape);
            _version = surfaceVersion;
        }
        float r = placement.BallRadius, size = placement.DomainSize;
        // A swarm's arrows would hide the surface: only the first few balls (those in the legend) get them.
        for (int i = 0; i < Math.Min(world.Balls.Count, ScenePlacement.Crowd); i++)
        {
            var ball = world.Balls[i];
            if (ball.Status != BallStatus.Running || !ball.Enabled || ball.Steps == 0 || !positions.IsPlaced(i)) continue;
            var p = positions.Point(i);
            var centre = positions.Centre(i);
            var g = ball.Gradient;
            Arrow(placement, p, centre, -g.X, -g.Y, Length(Math.Sqrt(g.X * g.X + g.Y * g.Y), _gradientTop), r, theme.Gradient, into);
            var u = ball.Update;
            Arrow(placement, p, centre, u.X, u.Y, Length(Math.Sqrt(u.X * u.X + u.Y * u.Y), 0.1 * size), r, theme.Of(ball), into);
        }
    }

    /// <summary>Arrow length in plane units for a vector of size <paramref name="magnitude"/>, <paramref name="top"/> getting the longest.</summary>
    private double Length(double magnitude, double top)
    {
        if (!(magnitude > 0) || !double.IsFinite(magnitude)) return 0;
        double t = Math.Clamp(1 + Math.Log10(magnitude / top) / Decades, 0.35, 1);
        return t * MaxLength * _domainSize;
    }

    /// <summary>An arrow on the surface from the ball at <paramref name="start"/> (plane point <paramref name="from"/>) along (dx, dy), <paramref name="length"/> plane units long.</summary>
    internal static void Arrow(ScenePlacement placement, Point2 from, Vector3 start, double dx, double dy, double length, float r, Color colour, SegmentBuffer into)
    {
        double norm = Math.Sqrt(dx * dx + dy * dy);
        if (!(length > 0) || !(norm > 0)) return;
        var to = new Point2(from.X + dx / norm * length, from.Y + dy / norm * length);
        if (!placement.TryPlace(to, r, out var end)) return;
        var along = end - start;
        float len = along.Length();
        if (len <= r) return; // shorter than the ball: it would hide inside it
        along /= len;
        var tail = start + along * r; // out of the ball's surface, not its centre
        var side = Vector3.Cross(along, Vector3.UnitY);
        side = side.LengthSquared() > 1e-8f ? Vector3.Normalize(side) : Vector3.UnitX;
        float head = Math.Min(0.35f * (len - r), 1.3f * r);
        into.Add(new LineSegment(tail, end, colour));
        into.Add(new LineSegment(end, end - along * head + side * head * 0.55f, colour));
        into.Add(new LineSegment(end, end - along * head - side * head * 0.55f, colour));
    }

    /// <summary>The median size of the gradient over the domain: it and anything larger get the longest arrow.</summary>
    private double TypicalLargeGradient(Landscape landscape)
    {
        var d = landscape.Domain;
        _domainSize = Math.Max(d.Width, d.Height);
        const int n = 24;
        var sizes = _sizes;
        sizes.Clear();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                landscape.Gradient(d.XMin + d.Width * (i + 0.5) / n, d.YMin + d.Height * (j + 0.5) / n, out var gx, out var gy);
                double s = Math.Sqrt(gx * gx + gy * gy);
                if (double.IsFinite(s) && s > 0) sizes.Add(s);
            }
        if (sizes.Count == 0) return 1;
        sizes.Sort();
        return sizes[(sizes.Count - 1) / 2];
    }
}
