using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>Balls added, switched and removed from inside the window, through the keys' dispatch.</summary>
public class PickerTests
{
    private static ClassroomControls Controls(World world)
    {
        var state = new AppState(world, "picker");
        return new ClassroomControls(new PlaygroundControls(state, new Camera3D()), new ClassroomSession(state));
    }

    private static void Press(ClassroomControls c, Key key, bool shift = false) => Assert.True(Clicks.Press(c, key, shift, control: false), $"{key} does nothing");

    [Fact]
    public void Shift_N_opens_the_picker_whose_keys_are_its_own_and_Enter_adds_a_ball_at_the_marked_start()
    {
        var c = Controls(DefaultScene.Scenario.CreateWorld());
        var world = c.Session.World;
        int before = world.Balls.Count;
        double speed = c.Session.State.Clock.StepsPerSecond;
        Press(c, Key.N, shift: true);
        Assert.True(c.Playground.Picker.IsOpen);
        Press(c, Key.Down);
        Press(c, Key.Down);
        Assert.Equal(speed, c.Session.State.Clock.StepsPerSecond); // ↓ chose a row, it did not slow the clock
        string chosen = OptimizerPicker.Names[2];
        c.Playground.SetStart(new Point2(0.5, 1.5));
        Press(c, Key.Enter);
        Assert.False(c.Playground.Picker.IsOpen);
        Assert.Equal(before + 1, world.Balls.Count);
        var added = world.Balls[^1];
        Assert.Equal(OptimizerCatalog.Create(chosen).GetType(), added.Optimizer.GetType());
        Assert.Equal(new Point2(0.5, 1.5), added.Start);
        Assert.Equal(world.Balls.Count - 1, c.Playground.SelectedBall);
        for (int i = 0; i < 5; i++) world.Advance(); // the new ball steps with the others
        Assert.Equal(5, added.Steps);
    }

    [Fact]
    public void Shift_Enter_switches_the_selected_balls_optimizer_keeping_its_start_and_colour_and_Esc_closes()
    {
        var c = Controls(DefaultScene.Scenario.CreateWorld());
        var world = c.Session.World;
        c.Playground.SelectBall(1);
        var old = world.Balls[1];
        Press(c, Key.N, shift: true);
        int target = OptimizerPicker.Names.ToList().IndexOf("adam");
        for (int i = 0; i < target; i++) Press(c, Key.Down);
        Press(c, Key.Enter, shift: true);
        var now = world.Balls[1];
        Assert.NotSame(old, now);
        Assert.IsType<Adam>(now.Optimizer);
        Assert.Equal(old.Start, now.Start);
        Assert.Equal(old.Colour, now.Colour);
        Assert.Equal(0, now.Steps);

        Press(c, Key.N, shift: true);
        Press(c, Key.Escape);
        Assert.False(c.Playground.Picker.IsOpen);
    }

    [Fact]
    public void Delete_removes_the_selected_ball_but_never_the_last()
    {
        var c = Controls(DefaultScene.Scenario.CreateWorld());
        var world = c.Session.World;
        Press(c, Key.Delete);
        Assert.Contains("Tab selects", c.Session.State.Notice);
        int n = world.Balls.Count;
        c.Playground.SelectBall(n - 1);
        var gone = world.Balls[n - 1];
        Press(c, Key.Delete);
        Assert.Equal(n - 1, world.Balls.Count);
        Assert.DoesNotContain(gone, world.Balls);
        Assert.Equal(n - 2, c.Playground.SelectedBall);
        while (world.Balls.Count > 1) Press(c, Key.Delete);
        Press(c, Key.Delete);
        Assert.Single(world.Balls);
        Assert.Contains("last ball stays", c.Session.State.Notice);
    }

    [Fact]
    public void After_a_Delete_each_plot_history_is_its_balls_own()
    {
        var c = Controls(DefaultScene.Scenario.CreateWorld());
        var world = c.Session.World;
        var history = c.Session.History;
        for (int i = 0; i < 5; i++)
        {
            world.Advance();
            history.Record(world);
        }
        c.Playground.SelectBall(0);
        Press(c, Key.Delete);
        world.Advance();
        history.Record(world);
        var first = world.Balls[0];
        Assert.Equal(1, history.Of(0).Count); // the removed ball's five samples are gone from its place
        Assert.Equal(first.Steps, history.Of(0).Latest.Step);
        Assert.Equal((float)first.Loss, history.Of(0).Latest.Loss);
    }

    [Fact]
    public void At_the_thousand_ball_limit_adding_says_so_in_one_line_and_changes_nothing()
    {
        var landscape = LandscapeCatalog.Create("rosenbrock");
        var balls = Enumerable.Range(0, PlaygroundControls.MaxBalls)
            .Select(i => new Ball($"sgd {i}", Colour.Palette[i % Colour.Palette.Count], new Sgd(0.001), landscape.DefaultStart, trailLength: 16));
        var c = Controls(new World(landscape, balls));
        Press(c, Key.N, shift: true);
        Press(c, Key.Enter);
        Assert.Equal(PlaygroundControls.MaxBalls, c.Session.World.Balls.Count);
        var notice = c.Session.State.Notice;
        Assert.NotNull(notice);
        Assert.DoesNotContain('\n', notice);
        Assert.Contains("at most 1,000 balls", notice);
    }

    [Fact]
    public void The_open_picker_is_drawn_over_the_scene_as_a_list()
    {
        var c = Controls(DefaultScene.Scenario.CreateWorld());
        Press(c, Key.N, shift: true);
        Press(c, Key.Down);
        using var window = Window.InitWindow(1280, 720, "picker", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new Sim.Render.Scene.SceneRenderer(window, c.Session.World.Landscape, ClassroomKeys.HelpRows);
        renderer.Overlay = new Sim.Render.Scene.Panels.ClassroomOverlay(c.Session);
        var camera = renderer.DefaultCamera(c.Session.World);
        string path = Path.Combine(Path.GetTempPath(), "sim-picker.png");
        var frame = c.Session.State.Frame();
        window.BeginDrawing(frame.Theme.Background);
        renderer.Draw(c.Session.World, camera, frame);
        window.TakeScreenshot(path);
        window.EndDrawing();
        var image = Image.Load(path);
        int text = PictureChecks.BrightPixels(image, (int)renderer.PanelWidth, 0, 1280, 720, threshold: 230);
        Assert.True(text > 800, $"only {text} bright pixels: no list over the scene");
    }
}
