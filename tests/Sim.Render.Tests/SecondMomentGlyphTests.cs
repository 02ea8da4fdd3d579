using System.Numerics;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The second-moment cross: each axis's arm is its 1/√v, relative, log-scaled and bounded.</summary>
public class SecondMomentGlyphTests
{
    private static Ball Run(string optimizer, int steps, string landscape = "quadratic") => RunIn(optimizer, steps, landscape).Balls[0];

    private static World RunIn(string optimizer, int steps, string landscape)
    {
        var l = LandscapeCatalog.Create(landscape);
        var ball = new Ball(optimizer, Colour.Palette[0], OptimizerCatalog.Create(optimizer, new Parameters()), l.DefaultStart);
        var world = new World(l, [ball]);
        for (int i = 0; i < steps; i++) world.Advance();
        return world;
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    [InlineData("adagrad")]
    [InlineData("nadam")]
    public void On_a_bowl_steep_along_y_the_x_arm_is_longer_as_x_takes_the_larger_step(string optimizer)
    {
        var ball = Run(optimizer, 5);
        Assert.True(SecondMomentGlyph.Arms(ball, out float x, out float y));
        // Quadratic: y's curvature is many times x's, so y's gradients and second moment are larger.
        Assert.Equal(1, x);
        Assert.InRange(y, SecondMomentGlyph.MinArm, 0.999f);
        // The ratio of the arms follows the ratio of 1/√v on a log scale.
        var v = ball.State.Slots[Array.IndexOf(ball.Optimizer.SlotNames.ToArray(), optimizer == "adagrad" ? "sum" : optimizer == "rmsprop" ? "square_avg" : "exp_avg_sq")];
        double ratio = Math.Sqrt(v[0]) / Math.Sqrt(v[1]);
        Assert.Equal(Math.Clamp(1 + Math.Log10(ratio) / SecondMomentGlyph.Decades, SecondMomentGlyph.MinArm, 1), y, 5);
    }

    [Fact]
    public void Plain_descent_and_momentum_have_no_second_moment_and_a_fresh_ball_has_seen_nothing()
    {
        Assert.False(SecondMomentGlyph.Arms(Run("sgd", 5), out _, out _));
        Assert.False(SecondMomentGlyph.Arms(Run("momentum", 5), out _, out _));
        Assert.False(SecondMomentGlyph.Arms(Run("adam", 0), out _, out _));
    }

    [Fact]
    public void However_far_apart_the_axes_are_the_short_arm_stays_visible_and_the_cross_bounded()
    {
        // Rosenbrock's walls: the axes' moments differ by many decades.
        var world = RunIn("adam", 40, "rosenbrock");
        Assert.True(SecondMomentGlyph.Arms(world.Balls[0], out float x, out float y));
        Assert.True(Math.Min(x, y) >= SecondMomentGlyph.MinArm && Math.Max(x, y) == 1);

        var surface = new SurfaceMesh(world.Landscape, new SurfaceOptions { Resolution = 64 });
        var placement = new ScenePlacement(surface) { BallCount = 1 };
        var positions = new BallPositions();
        positions.Update(world, placement, 1);
        var into = new SegmentBuffer();
        SecondMomentGlyph.Append(world, placement, positions, Theme.Standard, into);
        Assert.Equal(6, into.Span.Length); // two arms, each with a cap at both ends
        float arm = SecondMomentGlyph.ArmLength * placement.DomainSize;
        var bar = into.Span[0];
        float planeLength = new Vector2(bar.B.X - bar.A.X, bar.B.Z - bar.A.Z).Length();
        Assert.True(planeLength <= 2 * arm + 1e-3f, $"arm {planeLength} longer than the bound {2 * arm}");
        Assert.True(planeLength >= 2 * arm * SecondMomentGlyph.MinArm - 1e-3f, $"arm {planeLength} shorter than the least");
    }
}
