using System.Numerics;
using Sim.Core;
using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Planes;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;
using static Sim.Render.Tests.PictureChecks;

namespace Sim.Render.Tests;

/// <summary>
/// A network scene in the renderer and the window's keys: balls at their projection and true loss with a
/// stem to the slice, the surface recomputed off the frame's thread and swapped in, frames that allocate
/// nothing between recomputations, and the plane keys.
/// </summary>
public class NetworkSceneTests
{
    private static World Network(int steps, int balls = 3)
    {
        var objective = new NetworkObjective(new NetworkArchitecture([2, 5, 2, 1]), DataSetCatalog.Create("moons", 300, 0.2, 1));
        var initial = NetworkWeights.HeInitialized(objective.Shape, 1);
        Optimizer[] rules = [new Sgd(0.1), new Adam(0.01), new RmsProp(0.01), new NgMomentum(0.1)];
        var world = new World(objective, rules.Take(balls).Select((o, i) => Ball.OfParameters(o.Name, Colour.Palette[i], o, initial)), batchSize: 64);
        for (int s = 0; s < steps; s++) world.Advance();
        return world;
    }

    private static void Draw(Window window, SceneRenderer renderer, World world, Camera3D camera, in FrameInfo info)
    {
        window.PollInputEvents();
        renderer.Update(world, info);
        window.BeginDrawing(Theme.Standard.Background);
        renderer.Draw(world, camera, info);
        window.EndDrawing();
    }

    [Fact]
    public void Each_ball_is_drawn_at_its_projection_and_true_loss_in_its_colour()
    {
        var world = Network(200);
        world.PlaneChoice = new PlaneChoice(PlaneKind.Pca);
        world.ShowNow();
        string path = Path.Combine(Path.GetTempPath(), "sim-network-scene.png");
        using var window = Window.InitWindow(1024, 768, "network test", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows);
        renderer.Layers.Arrows = false;
        var camera = renderer.DefaultCamera(world);
        var info = new FrameInfo { Interpolation = 1 };
        window.PollInputEvents();
        window.BeginDrawing(Theme.Standard.Background);
        renderer.Draw(world, camera, info);
        window.TakeScreenshot(path);
        window.EndDrawing();
        var image = Image.Load(path);
        var placement = renderer.Placement;
        for (int i = 0; i < world.Balls.Count; i++)
        {
            var ball = world.Balls[i];
            Assert.Equal(world.Plane!.Project(ball.ParameterVector), renderer.Positions.Point(i));
            var centre = renderer.Positions.Centre(i);
            Assert.Equal(placement.HeightOfLoss(ball.Loss) + placement.BallRadius, centre.Y, 4);
            var at = camera.WorldToScreen(centre, image.Width, image.Height);
            AssertSameHue(Theme.Standard.Of(ball), image.GetPixel((int)at.X, (int)at.Y), 0.6, $"ball {i + 1} at {at}");
        }
        // The balls are off the PCA plane: the slice under a ball is not its loss, and the stem spans the gap.
        var p = renderer.Positions.Point(0);
        Assert.NotEqual(world.Balls[0].Loss, world.Landscape.Value(p.X, p.Y), 3);
    }

    [Fact]
    public void A_new_plane_is_sampled_off_the_frame_and_swapped_in_while_the_old_one_is_drawn()
    {
        var world = Network(120);
        using var window = Window.InitWindow(640, 360, "network test", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows);
        var camera = renderer.DefaultCamera(world);
        var old = world.Slice!;
        Assert.Equal(PlaneKind.Random, old.Plane.Choice.Kind);
        world.PlaneChoice = new PlaneChoice(PlaneKind.ThroughBalls, FirstBall: 1, SecondBall: 2);
        Draw(window, renderer, world, camera, new FrameInfo());
        Assert.Equal(1, renderer.Planes.Started);
        renderer.Planes.Complete(world);
        Assert.Equal(PlaneKind.ThroughBalls, world.Plane!.Choice.Kind);
        Assert.NotSame(old, world.Slice);
        Draw(window, renderer, world, camera, new FrameInfo());
        Assert.Same(world.Landscape, renderer.Surface.Landscape);
        Assert.True(world.Balls[1].OffPlaneDistance < 1e-12 && world.Balls[2].OffPlaneDistance < 1e-12);
        // Stepping on follows the balls every FollowEverySteps steps, not before.
        for (int s = 0; s < PlaneFollower.FollowEverySteps - 1; s++) world.Advance();
        Assert.False(PlaneFollower.IsStale(world));
        world.Advance();
        Assert.True(PlaneFollower.IsStale(world));
    }

    [Fact]
    public void Drawing_a_network_frame_allocates_nothing_between_recomputations()
    {
        var world = Network(100, balls: 4);
        using var window = Window.InitWindow(640, 360, "network test", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new SceneRenderer(window, world.Landscape, KeyBindings.HelpRows, new SurfaceOptions { Resolution = 64 });
        var camera = renderer.DefaultCamera(world);
        var info = new FrameInfo { Interpolation = 0.5f, FrameMilliseconds = 12.3 };
        // Warm up past tiered compilation and past the trails' full length, recomputing as the window would.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        for (int f = 0; f < 1100 || warm.ElapsedMilliseconds < 1500; f++)
        {
            world.Advance();
            Draw(window, renderer, world, camera, info);
        }
        renderer.Planes.Complete(world);
        world.ShowNow(); // fresh: the next 30 steps need no recomputation
        Draw(window, renderer, world, camera, info);
        int started = renderer.Planes.Started;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int f = 0; f < 30; f++)
        {
            world.Advance();
            Draw(window, renderer, world, camera, info);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(started, renderer.Planes.Started);
    }

    private static PlaygroundControls Controls(World world) => new(new AppState(world), new Camera3D());

    private static void Press(PlaygroundControls c, Key key, bool shift = false, bool control = false) =>
        Assert.True(KeyBindings.Dispatch(c, key, shift, control), $"{key} does nothing");

    [Fact]
    public void W_cycles_the_plane_shift_W_draws_new_directions_and_ctrl_W_centres_on_the_selected_ball()
    {
        var c = Controls(Network(10));
        Press(c, Key.W);
        Assert.Equal(PlaneKind.ThroughBalls, c.World.PlaneChoice.Kind);
        Assert.StartsWith("plane: through the start and balls 1 and 2", c.Message);
        Press(c, Key.W);
        Assert.Equal(PlaneKind.Pca, c.World.PlaneChoice.Kind);
        Press(c, Key.W);
        Assert.Equal(PlaneKind.Random, c.World.PlaneChoice.Kind);
        Press(c, Key.W, shift: true);
        Assert.Equal((PlaneKind.Random, 2ul), (c.World.PlaneChoice.Kind, c.World.PlaneChoice.Seed));
        c.SelectBall(2);
        Press(c, Key.W, control: true);
        Assert.Equal(2, c.World.PlaneChoice.CentreBall);
        Assert.Equal("plane centred on ball 3: it lies on the surface", c.Message);
        Press(c, Key.W, control: true);
        Assert.Null(c.World.PlaneChoice.CentreBall);
    }

    [Fact]
    public void Keys_of_2D_scenes_say_why_they_do_not_apply_to_a_network_and_plane_keys_why_not_to_a_landscape()
    {
        var c = Controls(Network(10));
        var before = c.World.Balls[0].ParameterVector.ToArray();
        Press(c, Key.L);
        Assert.StartsWith("L and Page Down switch 2-D landscapes", c.Message);
        c.SetStart(new Point2(0.1, 0.2));
        Assert.StartsWith("a network starts from its initial weights", c.Message);
        Press(c, Key.R, shift: true);
        Press(c, Key.R);
        Assert.Equal(0, c.World.Step);
        Assert.Equal(c.World.Balls[0].StartVector.ToArray(), c.World.Balls[0].ParameterVector.ToArray());
        Assert.NotEqual(before, c.World.Balls[0].ParameterVector.ToArray());
        Press(c, Key.M);
        Assert.StartsWith("mini-batches of 32 of 300", c.Message);

        var landscape = Controls(DefaultScene.Scenario.CreateWorld());
        var choice = landscape.World.PlaneChoice;
        Press(landscape, Key.W, control: true);
        Assert.StartsWith("planes of weights are for network scenes", landscape.Message);
        Assert.Equal(choice, landscape.World.PlaneChoice);
    }
}
