using Sim.Core.Landscapes;

namespace Sim.Core.Planes;

/// <summary>
/// The square of the plane a slice is drawn over: centred on the balls' projections (their kept
/// trajectories), wide enough to hold them all with a margin of <see cref="SliceJob.Margin"/> of their
/// extent, and never narrower than a quarter of the centre's length in weight space (so at the start,
/// when every ball is at one point, the picture still shows the loss around it). Square, so a and b keep
/// one scale. A previous domain that still holds every point and is at most twice as wide is kept, so
/// the surface does not breathe with every recomputation.
/// </summary>
public static class SliceDomain
{
    public static Domain Fit(WeightPlane plane, ReadOnlySpan<double> points, int n, Domain? previous)
    {
        double xMin = 0, xMax = 0, yMin = 0, yMax = 0; // the centre (0, 0) is always in the picture
        for (int r = 0; r < points.Length / n; r++)
        {
            var p = plane.Project(points.Slice(r * n, n));
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y)) continue;
            (xMin, xMax, yMin, yMax) = (Math.Min(xMin, p.X), Math.Max(xMax, p.X), Math.Min(yMin, p.Y), Math.Max(yMax, p.Y));
        }
        var (l1, l2) = plane.UnitLengths;
        double centreLength = FilterNormalised.Norm(plane.Centre), unit = (l1 + l2) / 2;
        double least = centreLength > 0 && unit > 0 ? 0.25 * centreLength / unit : 1;
        double half = Math.Max((1 + 2 * SliceJob.Margin) * Math.Max(xMax - xMin, yMax - yMin) / 2, least);
        if (previous is { } d && d.Width <= 4 * half)
        {
            double edge = 0.05 * d.Width;
            if (d.XMin + edge <= xMin && d.XMax - edge >= xMax && d.YMin + edge <= yMin && d.YMax - edge >= yMax) return d;
        }
        double cx = (xMin + xMax) / 2, cy = (yMin + yMax) / 2;
        return new Domain(cx - half, cx + half, cy - half, cy + half);
    }
}
