using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>Issue 7 in the window: keys never kill it, and a long run at top speed holds its memory flat.</summary>
public class RobustnessWindowTests
{
    private static ClassroomControls Controls(World world)
    {
        var state = new AppState(world, "test");
        return new ClassroomControls(new PlaygroundControls(state, new Camera3D()), new ClassroomSession(state));
    }

    private static void Press(ClassroomControls c, Key key)
    {
        if (!ClassroomKeys.Dispatch(c, key, false, false)) Assert.True(KeyBindings.Dispatch(c.Playground, key, false, false), $"{key} does nothing");
    }

    private static (ClassroomControls Controls, Ball Ball) OneBall(string optimizer)
    {
        var ball = new Ball(optimizer, Core.Colour.Palette[0], OptimizerCatalog.Create(optimizer), new Point2(1, 1));
        var c = Controls(new World(LandscapeCatalog.Create("quadratic"), [ball]));
        Press(c, Key.F9); // one ball: the panel selects it
        return (c, ball);
    }

    [Theory]
    [InlineData("gains", "gain_min", "gain_min=", "is above gain_max=10; expected gain_min <= gain_max")]
    [InlineData("rprop", "step_min", "step_min=", "is above step_max=50; expected step_min <= step_max")]
    public void Raising_a_lower_bound_past_its_upper_bound_is_refused_in_one_line(string optimizer, string key, string start, string end)
    {
        var (c, ball) = OneBall(optimizer);
        int row = ball.Optimizer.Hyperparameters.Select(h => h.Key).ToList().IndexOf(key);
        for (int i = 0; i < row; i++) Press(c, Key.Down);
        for (int i = 0; i < 120; i++) Press(c, Key.RightBracket); // ×1.25 each: far past the bound
        var editor = c.Session.Parameters;
        Assert.True(editor.MessageIsError);
        Assert.StartsWith($"{optimizer}: {start}", editor.Message);
        Assert.EndsWith(end, editor.Message);
        Assert.DoesNotContain('\n', editor.Message!);
        Assert.Null(ball.Optimizer.Problem);
        for (int s = 0; s < 10; s++) c.Playground.World.Advance(); // the run goes on
        Assert.Equal(10, ball.Steps);
    }

    [Fact]
    public void Nesterov_without_momentum_is_refused()
    {
        var (c, ball) = OneBall("sgd");
        for (int i = 0; i < 4; i++) Press(c, Key.Down); // lr, momentum, dampening, weight_decay, nesterov
        Press(c, Key.RightBracket);
        Assert.True(c.Session.Parameters.MessageIsError);
        Assert.StartsWith("sgd: nesterov=true needs momentum > 0 and dampening=0", c.Session.Parameters.Message);
        Assert.False(((Sgd)ball.Optimizer).Nesterov);
    }

    [Fact]
    public void A_ball_at_a_point_that_is_not_finite_is_not_called_a_plateau()
    {
        var landscape = LandscapeCatalog.Create("rosenbrock");
        var c = Curvature.At(landscape, new Point2(double.NaN, 1), Curvature.ValueRange(landscape));
        Assert.Equal(CurvatureKind.Undefined, c.Kind);
        Assert.Equal("no curvature here: not a finite point", CurvaturePanel.Describe(c, Theme.Standard).Text);
        Assert.Equal(CurvatureKind.Plateau, Curvature.At(LandscapeCatalog.Create("plateau"), new Point2(4, 4), 1).Kind);
    }

    [Fact]
    public void A_long_run_stops_growing_once_every_buffer_is_full()
    {
        // The mini-batch lesson side by side: ball 0 (b = 256) arrives within 100 steps, the
        // others jitter on mini-batches for ever: what once grew by one point a step each.
        var session = new ClassroomSession(new AppState(LessonCatalog.Find("minibatch").Step(3).Scenario.CreateWorld(), "soak"));
        var world = session.World;
        session.Advance(3 * ClassroomSession.MaxExportedSteps);
        var retained = Sizes(session);
        session.Advance(3 * ClassroomSession.MaxExportedSteps);
        Assert.Equal(retained, Sizes(session));

        var recorder = session.Trajectories!;
        Assert.Equal(BallStatus.Converged, world.Balls[0].Status);
        for (int i = 0; i < world.Balls.Count; i++)
        {
            var ball = world.Balls[i];
            var points = recorder.Of(i);
            Assert.True(points.Count <= ClassroomSession.MaxExportedSteps + 1, $"ball {i}: {points.Count} points");
            Assert.Equal(0, points[0].Step);
            Assert.Equal(ball.Steps, points[^1].Step);
            Assert.Equal(ball.Position, points[^1].Position);
            Assert.True(session.History.Of(i).Count <= session.History.Of(i).Capacity);
            Assert.True(ball.Trail.Count <= ball.Trail.Capacity);
        }
        Assert.True(recorder.Stride >= 4, $"stride {recorder.Stride}");
    }

    /// <summary>What each buffer holds: trajectory arrays, plot rings and trails, per ball.</summary>
    private static List<(int, int, int)> Sizes(ClassroomSession session) =>
        [.. session.World.Balls.Select((b, i) => (session.Trajectories!.Of(i).Retained, session.History.Of(i).Count, b.Trail.Count))];
}
