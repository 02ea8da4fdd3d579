using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;
using static Sim.Render.Tests.PictureChecks;

namespace Sim.Render.Tests;

/// <summary>
/// The mouse: what the side panel, legend and parameter panel draw is clickable as the key it stands
/// for (dispatched through <see cref="Clicks"/>, as the window does), each with its help line as tooltip.
/// </summary>
public class ClickTests
{
    private static (ClassroomControls Controls, SceneRenderer Renderer, Window Window) Drawn(World world)
    {
        var state = new AppState(world, "click test");
        var controls = new ClassroomControls(new PlaygroundControls(state, new Camera3D()), new ClassroomSession(state));
        var window = Window.InitWindow(1280, 720, "clicks", WindowOptions.Headless with { Samples = 0 });
        var renderer = new SceneRenderer(window, world.Landscape, ClassroomKeys.HelpRows) { Layers = state.Layers };
        renderer.Overlay = new ClassroomOverlay(controls.Session);
        return (controls, renderer, window);
    }

    private static void Frame(ClassroomControls c, SceneRenderer renderer, Window window, string? picture = null)
    {
        var state = c.Session.State;
        var frame = state.Frame();
        var camera = renderer.DefaultCamera(state.World);
        renderer.Update(state.World, frame);
        window.BeginDrawing(frame.Theme.Background);
        renderer.Draw(state.World, camera, frame);
        renderer.DrawNotices(frame);
        if (picture is not null) window.TakeScreenshot(picture);
        window.EndDrawing();
    }

    private static ClickTarget Find(SceneRenderer renderer, Key key, int row = -1)
    {
        for (int i = 0; i < renderer.Targets.Count; i++)
            if (renderer.Targets[i].Key == key && renderer.Targets[i].Row == row) return renderer.Targets[i];
        throw new Xunit.Sdk.XunitException($"nothing drawn is clickable as {key}");
    }

    [Fact]
    public void The_side_panels_switches_click_as_their_keys_and_each_has_its_help_line_as_tooltip()
    {
        var (c, renderer, window) = Drawn(DefaultScene.Scenario.CreateWorld());
        using (window)
        using (renderer)
        {
            Frame(c, renderer, window);
            var world = c.Session.World;
            Assert.True(renderer.Targets.Count >= 5, $"only {renderer.Targets.Count} click targets");
            for (int i = 0; i < renderer.Targets.Count; i++)
                Assert.False(string.IsNullOrEmpty(Clicks.Tooltip(c, renderer.Targets[i])), $"{renderer.Targets[i].Key} has no tooltip");

            var bias = Find(renderer, Key.B);
            Assert.True(bias.Area.Right <= renderer.PanelWidth + 1, "the bias line is in the side panel");
            var before = world.BiasCorrection;
            Assert.Equal(bias, renderer.Targets.At(bias.Area.X + 5, bias.Area.Y + bias.Area.Height / 2));
            Assert.True(Clicks.Click(c, bias));
            Assert.NotEqual(before, world.BiasCorrection);
            Assert.Contains("bias correction", Clicks.Tooltip(c, bias));

            bool paused = c.Session.State.Clock.Paused;
            Assert.True(Clicks.Click(c, Find(renderer, Key.Space)));
            Assert.NotEqual(paused, c.Session.State.Clock.Paused);

            Assert.True(Clicks.Click(c, Find(renderer, Key.D2))); // the second ball's row
            Assert.False(world.Balls[1].Enabled);
            Assert.True(Clicks.Click(c, Find(renderer, Key.H)));
            Assert.True(c.Session.State.Layers.Help);
        }
    }

    [Fact]
    public void The_parameter_panels_minus_and_plus_choose_their_row_and_change_it_as_the_bracket_keys_do()
    {
        var (c, renderer, window) = Drawn(DefaultScene.Scenario.CreateWorld());
        using (window)
        using (renderer)
        {
            c.Playground.SelectBall(3); // Adam: lr, beta1, beta2, …
            c.Toggle(ParameterPanel.Kind);
            Frame(c, renderer, window);
            var ball = c.Session.World.Balls[3];
            var values = ball.Optimizer.Hyperparameters.ToArray();
            var plus = Find(renderer, Key.RightBracket, row: 0);
            Assert.True(Clicks.Click(c, plus));
            Assert.Equal(values[0].Value * 1.25, ball.Optimizer.Hyperparameters.First().Value, 12);

            Frame(c, renderer, window);
            var minus = Find(renderer, Key.LeftBracket, row: 2);
            Assert.True(Clicks.Click(c, minus));
            Assert.Equal(2, c.Session.Parameters.Row);
            Assert.NotEqual(values[2].Value, ball.Optimizer.Hyperparameters.ElementAt(2).Value);
            Assert.Contains("hyperparameter", Clicks.Tooltip(c, minus));
        }
    }

    [Fact]
    public void Hovering_a_switch_shows_its_tooltip_over_the_scene()
    {
        var (c, renderer, window) = Drawn(DefaultScene.Scenario.CreateWorld());
        string path = Path.Combine(Path.GetTempPath(), "sim-tooltip.png");
        using (window)
        using (renderer)
        {
            Frame(c, renderer, window);
            var bias = Find(renderer, Key.B);
            var at = new System.Numerics.Vector2(bias.Area.X + 20, bias.Area.Y + 5);
            c.Session.State.Tooltip = (Clicks.Tooltip(c, bias), at);
            Frame(c, renderer, window, path);
            var image = Image.Load(path);
            // The tooltip's sheet sits just below the pointer, with light text on it.
            int bright = BrightPixels(image, (int)at.X, (int)at.Y + 10, (int)at.X + 400, (int)at.Y + 60);
            Assert.True(bright > 40, $"only {bright} text pixels under the pointer");
        }
    }

    [Fact]
    public void A_tooltip_opens_toward_the_middle_on_the_pointers_line_and_leaves_the_panel_rows_clear()
    {
        // Measured before: hovering F9's + on momentum (993, 333) put the tooltip below the pointer, over the
        // dampening and weight_decay rows.
        var m = new System.Numerics.Vector2(600, 20);
        var anchor = Clicks.TooltipAnchor(new(993, 333), 1024, 300, 0); // a column 300 wide at the right
        Assert.Equal(new System.Numerics.Vector2(724, 333), anchor);
        var (x, y) = HeadsUpDisplay.TooltipPlace(1024, 720, anchor, m, 19, 9, fits: true);
        Assert.True(x + m.X + 9 < 724, $"the tooltip at x {x} reaches into the panel column");
        Assert.InRange(333f, y, y + m.Y);
        anchor = Clicks.TooltipAnchor(new(100, 240), 1024, 0, 410); // the side panel on the left
        (x, y) = HeadsUpDisplay.TooltipPlace(1024, 720, anchor, new(500, 20), 19, 9, fits: true); // 500 fits right of it
        Assert.True(x > 410, $"the tooltip at x {x} starts inside the side panel");
        Assert.InRange(240f, y, y + m.Y);
        (x, y) = HeadsUpDisplay.TooltipPlace(1024, 720, new(1000, 710), new(1100, 20), 19, 9, fits: false);
        Assert.True(x >= 0 && y >= 0 && y + 20 <= 720, $"({x}, {y}) leaves the window");
    }
}
