using Sim.Core.Lessons;
using System.Numerics;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>What the playground's keys do, through the same dispatch table the window uses (no window needed).</summary>
public class PlaygroundControlsTests
{
    private static PlaygroundControls Controls(World? world = null) =>
        new(new AppState(world ?? DefaultScene.Scenario.CreateWorld()), new Camera3D());

    private static void Press(PlaygroundControls c, Key key, bool shift = false, bool control = false) =>
        Assert.True(KeyBindings.Dispatch(c, key, shift, control), $"{key} does nothing");

    [Fact]
    public void Every_key_is_bound_once_and_every_binding_is_in_the_help()
    {
        var seen = new HashSet<(Key, Modifier)>();
        foreach (var binding in KeyBindings.All)
            foreach (var trigger in binding.Triggers)
                Assert.True(seen.Add((trigger.Key, trigger.Modifier)), $"{trigger.Key} with {trigger.Modifier} is bound twice");
        Assert.Equal(KeyBindings.All.Count, KeyBindings.HelpRows.Count);
        Assert.Contains(KeyBindings.HelpRows, r => r.Keys.Contains("Page Down"));
        Assert.False(KeyBindings.Dispatch(Controls(), Key.Z, false, false));
    }

    [Fact]
    public void Space_pauses_and_the_arrow_steps_once_while_paused()
    {
        var c = Controls();
        Press(c, Key.Space);
        Assert.True(c.Clock.Paused);
        Assert.Equal(0, c.Clock.Tick(1.0));
        Press(c, Key.Right);
        Press(c, Key.Period);
        Assert.Equal(2, c.World.Step);
        Assert.True(c.Clock.Paused);
        Press(c, Key.Space);
        Assert.False(c.Clock.Paused);
    }

    [Fact]
    public void Up_and_down_double_and_halve_the_speed_within_bounds()
    {
        var c = Controls();
        Press(c, Key.Up);
        Assert.Equal(120, c.Clock.StepsPerSecond);
        for (int i = 0; i < 20; i++) Press(c, Key.Down);
        Assert.Equal(StepClock.MinStepsPerSecond, c.Clock.StepsPerSecond);
    }

    [Fact]
    public void Reset_puts_every_ball_back_at_its_start()
    {
        var c = Controls();
        for (int s = 0; s < 30; s++) c.World.Advance();
        Press(c, Key.Left);
        Assert.Equal(0, c.World.Step);
        Assert.All(c.World.Balls, b => Assert.Equal(b.Start, b.Position));
    }

    [Fact]
    public void Page_down_and_l_go_to_the_next_landscape_and_back()
    {
        var c = Controls();
        Assert.Equal("rosenbrock", c.World.Landscape.Name);
        Press(c, Key.PageDown);
        Assert.Equal("beale", c.World.Landscape.Name);
        Assert.True(c.FrameRequested);
        Press(c, Key.L, shift: true);
        Assert.Equal("rosenbrock", c.World.Landscape.Name);
        Press(c, Key.PageUp);
        Press(c, Key.PageUp);
        Assert.Equal("logreg", c.World.Landscape.Name); // wraps around the catalogue
        Assert.All(c.World.Balls, b => Assert.Equal(c.World.Landscape.DefaultStart, b.Position));
    }

    [Fact]
    public void Number_keys_switch_balls_off_and_on()
    {
        var c = Controls();
        Press(c, Key.D2);
        Assert.False(c.World.Balls[1].Enabled);
        Press(c, Key.D2);
        Assert.True(c.World.Balls[1].Enabled);
        Press(c, Key.D9); // no ninth ball: nothing happens, nothing breaks
    }

    [Fact]
    public void Plus_and_minus_scale_the_selected_balls_learning_rate_or_every_balls()
    {
        var c = Controls();
        double[] before = [.. c.World.Balls.Select(b => b.Optimizer.LearningRate)];
        Press(c, Key.Equals, shift: true); // '+' is Shift+= on many layouts
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i] * 1.25, c.World.Balls[i].Optimizer.LearningRate, 1e-15);
        Press(c, Key.Tab);
        Press(c, Key.Tab);
        Assert.Equal(1, c.SelectedBall);
        Press(c, Key.Minus);
        Assert.Equal(before[1], c.World.Balls[1].Optimizer.LearningRate, 1e-15);
        Assert.Equal(before[0] * 1.25, c.World.Balls[0].Optimizer.LearningRate, 1e-15);
        Press(c, Key.Tab, shift: true);
        Press(c, Key.Tab, shift: true);
        Assert.Equal(-1, c.SelectedBall);
    }

    [Fact]
    public void B_switches_adams_bias_correction_and_says_so()
    {
        var c = Controls();
        var adam = (Adam)c.World.Balls.Single(b => b.Optimizer is Adam).Optimizer;
        Press(c, Key.B);
        Assert.False(adam.BiasCorrection);
        Assert.Equal(BiasCorrectionState.Off, c.World.BiasCorrection);
        Assert.Equal("bias correction OFF for every ball", c.Message);
        Press(c, Key.B);
        Assert.True(adam.BiasCorrection);
        // Mixed (Ng's momentum off, Adam on, as lessons compare them): B turns every ball ON.
        c.World.Add(new Ball("ng", Colour.Palette[1], new NgMomentum(), default));
        Assert.Equal(BiasCorrectionState.Mixed, c.World.BiasCorrection);
        Press(c, Key.B);
        Assert.Equal(BiasCorrectionState.On, c.World.BiasCorrection);
        Assert.Equal("bias correction ON for every ball", c.Message);
    }

    [Fact]
    public void D_toggles_decay_and_S_cycles_the_schedule()
    {
        var c = Controls();
        Assert.IsType<ConstantSchedule>(c.World.Schedule);
        Press(c, Key.D);
        Assert.Equal("exponential", c.World.Schedule.Name);
        Press(c, Key.S);
        Assert.Equal("inverse_sqrt", c.World.Schedule.Name);
        Press(c, Key.D);
        Assert.IsType<ConstantSchedule>(c.World.Schedule);
        Press(c, Key.D); // back on: the schedule chosen last
        Assert.Equal("inverse_sqrt", c.World.Schedule.Name);
        Press(c, Key.S, shift: true);
        Assert.Equal("exponential", c.World.Schedule.Name);
    }

    [Fact]
    public void M_cycles_mini_batch_sizes_through_powers_of_two_up_to_the_full_batch()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256], PlaygroundControls.BatchSizes(256));
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 100], PlaygroundControls.BatchSizes(100));
        var landscape = LandscapeCatalog.Create("linreg");
        var c = Controls(new World(landscape, [new Ball("sgd", Colour.Palette[0], OptimizerCatalog.Create("sgd"), landscape.DefaultStart)]));
        Assert.Equal(256, c.World.BatchSize);
        Press(c, Key.M);
        Assert.Equal(128, c.World.BatchSize);
        Press(c, Key.M, shift: true);
        Press(c, Key.M, shift: true);
        Assert.Equal(1, c.World.BatchSize); // past the full batch it wraps to SGD
        var analytic = Controls();
        Press(analytic, Key.M);
        Assert.Contains("data landscapes", analytic.Message);
    }

    [Fact]
    public void Layer_keys_switch_trails_arrows_overlay_help_and_text()
    {
        var c = Controls();
        Press(c, Key.T);
        Press(c, Key.A);
        Press(c, Key.O);
        Press(c, Key.I);
        Press(c, Key.F1);
        Assert.False(c.Layers.Trails || c.Layers.Arrows || c.Layers.BatchSurface || c.Layers.Hud);
        Assert.True(c.Layers.Help);
        Press(c, Key.Escape);
        Assert.False(c.Layers.Help);
    }

    [Fact]
    public void View_fullscreen_screenshot_and_quit_are_requests_for_the_window()
    {
        var c = Controls();
        Press(c, Key.C);
        Assert.True(c.TopDown && c.FrameRequested);
        Press(c, Key.F11);
        Assert.True(c.Fullscreen);
        Press(c, Key.Escape);
        Assert.False(c.Fullscreen);
        Press(c, Key.P);
        Assert.True(c.ScreenshotRequested);
        Press(c, Key.Q, control: true);
        Assert.True(c.QuitRequested);
    }

    [Fact]
    public void A_click_marks_a_start_Shift_R_races_from_it_and_R_goes_back_to_the_scenes_own_starts()
    {
        var c = Controls();
        var own = c.World.Balls.Select(b => b.Start).ToList();
        for (int s = 0; s < 10; s++) c.World.Advance();
        c.SetStart(new Point2(0.5, -0.5));
        Assert.Equal(10, c.World.Step); // marked only: the run goes on
        Press(c, Key.R, shift: true);
        Assert.All(c.World.Balls, b => Assert.Equal(new Point2(0.5, -0.5), b.Position));
        Assert.Equal(0, c.World.Step);
        for (int s = 0; s < 10; s++) c.World.Advance();
        Press(c, Key.R);
        Assert.Equal(own, c.World.Balls.Select(b => b.Position));
    }

    [Fact]
    public void D_mid_run_decays_from_the_rate_the_balls_have_and_an_analytic_scene_gets_gentle_epochs()
    {
        var c = Controls();
        for (int s = 0; s < 300; s++) c.World.Advance();
        var ball = c.World.Balls[0];
        double lr = ball.Optimizer.LearningRate;
        Press(c, Key.D);
        Assert.Equal(PlaygroundControls.GentleStepsPerEpoch, c.World.StepsPerEpoch);
        Assert.Equal(lr, c.World.NextLearningRate(ball), 12);
        for (int s = 0; s < 1300; s++) c.World.Advance();
        Assert.True(c.World.NextLearningRate(ball) > lr * 0.3, $"lr {c.World.NextLearningRate(ball)} of {lr} after 1,300 steps");
        Assert.Contains("an epoch here is 100 steps", c.Message);
    }

    [Fact]
    public void U_switches_the_selected_ball_whichever_it_is()
    {
        var c = Controls(LessonCatalog.Find("race").Step(1).Scenario.CreateWorld());
        Press(c, Key.U);
        Assert.All(c.World.Balls, b => Assert.True(b.Enabled));
        for (int k = 0; k < 12; k++) Press(c, Key.Tab); // the twelfth ball: beyond the number keys
        Assert.Equal(11, c.SelectedBall);
        Press(c, Key.U);
        Assert.False(c.World.Balls[11].Enabled);
        Press(c, Key.U);
        Assert.True(c.World.Balls[11].Enabled);
    }

    [Fact]
    public void Messages_fade_after_their_time()
    {
        var c = Controls();
        c.Say("hello", seconds: 1);
        c.Elapse(0.6);
        Assert.Equal("hello", c.Message);
        c.Elapse(0.6);
        Assert.Null(c.Message);
    }
}

public class StepClockTests
{
    [Fact]
    public void Takes_whole_steps_and_keeps_the_fraction_for_drawing()
    {
        var clock = new StepClock { StepsPerSecond = 10 };
        Assert.Equal(0, clock.Tick(0.05));
        Assert.Equal(0.5f, clock.Fraction, 1e-6f);
        Assert.Equal(1, clock.Tick(0.07));
        Assert.Equal(0.2f, clock.Fraction, 1e-5f);
        Assert.Equal(30, clock.Tick(3.0));
    }

    [Fact]
    public void A_long_stall_catches_up_at_most_a_frame_s_worth()
    {
        var clock = new StepClock { StepsPerSecond = 1000, MaxStepsPerFrame = 100 };
        Assert.Equal(100, clock.Tick(60));
        Assert.Equal(0f, clock.Fraction);
    }

    [Fact]
    public void Paused_takes_no_steps_and_draws_the_latest()
    {
        var clock = new StepClock { Paused = true };
        Assert.Equal(0, clock.Tick(10));
        Assert.Equal(1f, clock.Fraction);
    }
}

public class SurfacePickerTests
{
    private static Camera3D Camera(SurfaceMesh surface, bool orthographic)
    {
        var camera = new Camera3D { Yaw = 0.4f, Pitch = 0.9f, FovY = 40, Orthographic = orthographic, LensShift = new Vector2(0.3f, 0) };
        camera.Frame(surface.Bounds.Center, surface.Bounds.Radius);
        return camera;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_bowl_the_ray_through_a_surface_point_picks_that_point(bool orthographic)
    {
        var surface = new SurfaceMesh(new Quadratic(), new SurfaceOptions { Resolution = 64 });
        var camera = Camera(surface, orthographic);
        foreach (var p in new[] { new Point2(-2.5, 2), new Point2(0, 0), new Point2(1.3, -0.5), new Point2(2.8, 2.9) })
        {
            var (origin, direction) = camera.ScreenRay(camera.WorldToScreen(surface.ToWorld(p.X, p.Y), 1280, 720), 1280, 720);
            var picked = SurfacePicker.Pick(surface, origin, direction);
            Assert.NotNull(picked);
            Assert.Equal(p.X, picked.Value.X, 0.01);
            Assert.Equal(p.Y, picked.Value.Y, 0.01);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_steep_valley_the_pick_is_the_first_surface_the_ray_meets(bool orthographic)
    {
        // Behind a wall a point is hidden, and the wall is what the pointer is on: the pick must be a surface
        // point under the same pixel, and no surface point may lie in front of it along the ray.
        var surface = new SurfaceMesh(new Rosenbrock(), new SurfaceOptions { Resolution = 64 });
        var camera = Camera(surface, orthographic);
        for (int i = 0; i < 25; i++)
        {
            // Pixels where some surface point lands, visible or behind a wall.
            var screen = camera.WorldToScreen(surface.ToWorld(-1.9 + 0.15 * i, -0.9 + 0.15 * i), 1280, 720);
            var (origin, direction) = camera.ScreenRay(screen, 1280, 720);
            var picked = SurfacePicker.Pick(surface, origin, direction);
            Assert.NotNull(picked);
            var world = surface.ToWorld(picked.Value.X, picked.Value.Y);
            Assert.True(Vector2.Distance(camera.WorldToScreen(world, 1280, 720), screen) < 1.5f, $"pick {picked} does not lie under {screen}");
            float hit = Vector3.Dot(world - origin, direction);
            for (float t = 0; t < hit * 0.99f; t += hit / 400)
            {
                var q = origin + direction * t;
                Assert.True(q.Y > surface.HeightAt(q.X, -q.Z) || !surface.Landscape.Domain.Contains(q.X, -q.Z), $"the ray meets the surface before {picked}");
            }
        }
    }

    [Fact]
    public void A_ray_past_the_surface_picks_nothing()
    {
        var surface = new SurfaceMesh(new Quadratic(), new SurfaceOptions { Resolution = 32 });
        Assert.Null(SurfacePicker.Pick(surface, new Vector3(10, 5, 10), Vector3.Normalize(new Vector3(1, 0.2f, 1))));
    }
}
