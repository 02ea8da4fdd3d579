using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// "Each axis gets its own step", seen without numbers: on each ball whose rule divides by a per-axis
/// second moment (RMSprop's and Adadelta's square_avg, Adam's family's exp_avg_sq, Adagrad's sum,
/// Adamax's exp_inf), a cross lying on the surface whose arm along each axis is that axis's divisor
/// inverted (1/√v, or 1/u for Adamax), the longer arm a fixed length and the other shorter on a log
/// scale over <see cref="Decades"/> decades, never below <see cref="MinArm"/> of it: bounded however far
/// apart the axes' moments are, unlike squares drawn to scale.
/// </summary>
public static class SecondMomentGlyph
{
    /// <summary>Decades of the ratio between the axes' scales that the shorter arm shows.</summary>
    public const double Decades = 2;

    /// <summary>The shortest arm, as a share of the longest.</summary>
    public const float MinArm = 0.12f;

    /// <summary>The longer arm, as a share of the domain's larger side.</summary>
    public const float ArmLength = 0.07f;

    /// <summary>The per-axis second-moment slots, and whether the rule divides by their square root.</summary>
    private static readonly (string Slot, bool Root)[] Slots =
        [("exp_avg_sq", true), ("square_avg", true), ("sum", true), ("exp_inf", false)];

    /// <summary>
    /// The two arms' lengths as shares of the longer (one of them 1), for a ball whose rule keeps a
    /// second moment that has seen a gradient; false otherwise.
    /// </summary>
    public static bool Arms(Ball ball, out float x, out float y)
    {
        x = y = 0;
        if (ball.Status == BallStatus.Diverged || ball.State.Slots.Length == 0 || ball.State.Slots[0].Length != 2) return false;
        var names = ball.Optimizer.SlotNames;
        for (int k = 0; k < names.Count; k++)
            foreach (var (slot, root) in Slots)
                if (names[k] == slot) return Shares(ball.State.Slots[k], root, out x, out y);
        return false;
    }

    private static bool Shares(double[] v, bool root, out float x, out float y)
    {
        x = y = 0;
        if (!(v[0] > 0) && !(v[1] > 0)) return false; // nothing seen yet
        double sx = Scale(v[0], root), sy = Scale(v[1], root), top = Math.Max(sx, sy);
        if (!double.IsFinite(top) || !(top > 0)) return false;
        x = Share(sx / top);
        y = Share(sy / top);
        return true;
    }

    // An axis that has seen no gradient at all would take an infinite step: the longest arm.
    private static double Scale(double v, bool root) => v > 0 ? 1 / (root ? Math.Sqrt(v) : v) : double.MaxValue;

    private static float Share(double ratio) => (float)Math.Clamp(1 + Math.Log10(Math.Max(ratio, 1e-300)) / Decades, MinArm, 1);

    /// <summary>The crosses of every ball that has one (the first <see cref="ScenePlacement.Crowd"/>: a swarm's would hide the surface).</summary>
    public static void Append(World world, ScenePlacement placement, BallPositions positions, Theme theme, SegmentBuffer into)
    {
        float r = placement.BallRadius, arm = ArmLength * placement.DomainSize;
        for (int i = 0; i < Math.Min(world.Balls.Count, ScenePlacement.Crowd); i++)
        {
            var ball = world.Balls[i];
            if (!ball.Enabled || !positions.IsPlaced(i) || !Arms(ball, out float x, out float y)) continue;
            var p = positions.Point(i);
            var colour = theme.Of(ball);
            Bar(placement, p, arm * x, 0, r, colour, into);
            Bar(placement, p, 0, arm * y, r, colour, into);
        }
    }

    /// <summary>One arm through the ball, ±(dx, dy) on the surface, with a short cap across each end.</summary>
    private static void Bar(ScenePlacement placement, Point2 p, double dx, double dy, float r, Color colour, SegmentBuffer into)
    {
        if (!placement.TryPlace(new Point2(p.X - dx, p.Y - dy), r, out var a) || !placement.TryPlace(new Point2(p.X + dx, p.Y + dy), r, out var b)) return;
        into.Add(new LineSegment(a, b, colour));
        var across = Vector3.Normalize(Vector3.Cross(b - a, Vector3.UnitY)) * r * 0.8f;
        if (!float.IsFinite(across.X)) return;
        into.Add(new LineSegment(a - across, a + across, colour));
        into.Add(new LineSegment(b - across, b + across, colour));
    }
}
