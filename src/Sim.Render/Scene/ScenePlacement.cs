using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;

namespace Sim.Render.Scene;

/// <summary>
/// Where the scene puts things in world space: on the drawn surface, raised by a lift (a ball by its
/// radius, so it rests on the surface rather than in it). A point outside the domain is shown at the
/// domain's edge and a height far above the surface is capped, so a ball that runs off or blows up
/// stays in view, labelled, instead of vanishing.
/// </summary>
public sealed class ScenePlacement(SurfaceMesh surface)
{
    /// <summary>Highest level drawn, as a fraction of the surface's height range (1 is the grid's top).</summary>
    public const float MaxLevel = 1.25f;

    /// <summary>Lowest level drawn: a mini-batch loss can dip below the full loss's minimum.</summary>
    public const float MinLevel = -0.05f;

    public SurfaceMesh Surface => surface;

    /// <summary>Beyond this many balls the scene is a swarm: smaller balls, shorter trails, arrows on the first few only.</summary>
    public const int Crowd = 16;

    /// <summary>How many balls the scene holds; a swarm's balls shrink so they do not bury the surface.</summary>
    public int BallCount { get; set; } = 1;

    /// <summary>Ball radius in world units: big enough to read across a lecture hall at the usual framing.</summary>
    public float BallRadius => 0.033f * DomainSize * Math.Clamp(MathF.Sqrt((float)Crowd / Math.Max(BallCount, 1)), 0.3f, 1f);

    /// <summary>The domain's larger side, the scene's unit of size.</summary>
    public float DomainSize => (float)Math.Max(surface.Landscape.Domain.Width, surface.Landscape.Domain.Height);

    /// <summary>The world point above plane point <paramref name="p"/>; false if p is not finite.</summary>
    public bool TryPlace(Point2 p, float lift, out Vector3 world)
    {
        if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
        {
            world = default;
            return false;
        }
        var d = surface.Landscape.Domain;
        double x = Math.Clamp(p.X, d.XMin, d.XMax), y = Math.Clamp(p.Y, d.YMin, d.YMax);
        world = new Vector3((float)x, HeightOfLoss(surface.Landscape.Value(x, y)) + lift, (float)-y);
        return true;
    }

    /// <summary>
    /// The point above plane point <paramref name="p"/> at the height of <paramref name="loss"/> (not of the
    /// surface there), raised by <paramref name="lift"/>: where a network's ball is drawn, at its true loss,
    /// which the slice under it need not share (the ball is off the plane).
    /// </summary>
    public bool TryPlaceAtLoss(Point2 p, double loss, float lift, out Vector3 world)
    {
        if (!TryPlace(p, lift, out world)) return false;
        world.Y = HeightOfLoss(loss) + lift;
        return true;
    }

    /// <summary>
    /// The centre of a ball of radius <paramref name="r"/> resting on the surface above <paramref name="p"/>:
    /// in a narrow trench (Rosenbrock's valley on a log scale) it sits on the walls rather than sinking
    /// into them, so it is never hidden inside the surface. Samples the surface under the ball's footprint.
    /// </summary>
    public bool TryPlaceBall(Point2 p, float r, out Vector3 centre)
    {
        if (!TryPlace(p, r, out centre)) return false;
        var d = surface.Landscape.Domain;
        float top = centre.Y;
        for (int k = 0; k < 8; k++)
        {
            double a = k * Math.PI / 4, c = Math.Cos(a), s = Math.Sin(a);
            // A sphere over a point at distance ρ from its centre touches it at height h + √(r² − ρ²).
            top = Math.Max(top, Height(p.X + 0.5 * r * c, p.Y + 0.5 * r * s) + 0.866f * r);
            top = Math.Max(top, Height(p.X + r * c, p.Y + r * s));
        }
        centre.Y = top;
        return true;

        float Height(double x, double y) =>
            HeightOfLoss(surface.Landscape.Value(Math.Clamp(x, d.XMin, d.XMax), Math.Clamp(y, d.YMin, d.YMax)));
    }

    /// <summary>World height of a loss value on the surface's scale, capped to the drawable range.</summary>
    public float HeightOfLoss(double loss)
    {
        float level = double.IsFinite(loss) ? surface.Level(loss) : MaxLevel;
        return Math.Clamp(float.IsFinite(level) ? level : MaxLevel, MinLevel, MaxLevel) * surface.DisplayHeight;
    }

    /// <summary>
    /// Where a ball is drawn: between its position before and after the last fixed step, by
    /// <paramref name="interpolation"/>; a ball whose last step went non-finite stays where it was.
    /// </summary>
    public static Point2 DisplayPoint(Ball ball, float interpolation)
    {
        Point2 a = ball.Previous, b = ball.Position;
        if (!double.IsFinite(b.X) || !double.IsFinite(b.Y)) return a;
        if (ball.Status != BallStatus.Running || !ball.Enabled) return b; // not moving: no replay of its last step
        double t = Math.Clamp(interpolation, 0f, 1f);
        return new Point2(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);
    }
}
