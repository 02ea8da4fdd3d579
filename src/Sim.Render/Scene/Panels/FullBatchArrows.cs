using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Beside the white arrow of each mini-batch ball's last gradient, a pink one for the full batch's
/// gradient at the same point: how far one batch's direction strays from the true one. Only the
/// direction is compared, so both have one length.
/// </summary>
public static class FullBatchArrows
{
    public static readonly Color Colour = new(255, 150, 210);

    /// <summary>As a share of the domain's larger side.</summary>
    public const float Length = 0.12f;

    public static void Append(World world, ScenePlacement placement, BallPositions positions, SegmentBuffer into)
    {
        int m = world.Landscape.ExampleCount;
        if (m == 0) return;
        float r = placement.BallRadius;
        for (int i = 0; i < Math.Min(world.Balls.Count, ScenePlacement.Crowd); i++)
        {
            var ball = world.Balls[i];
            if ((ball.BatchSize ?? world.BatchSize) >= m || ball.Steps == 0 || ball.Status == BallStatus.Diverged || !positions.IsPlaced(i)) continue;
            var p = ball.Previous; // where the last step's gradient was taken
            world.Landscape.Gradient(p.X, p.Y, out double gx, out double gy);
            double norm = Math.Sqrt(gx * gx + gy * gy);
            if (!(norm > 0) || !double.IsFinite(norm)) continue;
            ArrowGeometry.Arrow(placement, positions.Point(i), positions.Centre(i), -gx, -gy, Length * placement.DomainSize, r, Colour, into);
        }
    }
}
