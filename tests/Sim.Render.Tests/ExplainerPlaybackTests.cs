using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The step explainer played part by part (Shift+E), only the parts the ball's rule has.</summary>
public class ExplainerPlaybackTests
{
    private static Parameters Lr(double lr)
    {
        var p = new Parameters();
        p.Add($"lr={lr}");
        return p;
    }

    private static StepExplanation Explain(string optimizer, int steps = 3)
    {
        var l = LandscapeCatalog.Create("quadratic");
        var world = new World(l, [new Ball(optimizer, Colour.Palette[0], OptimizerCatalog.Create(optimizer, new Parameters()), l.DefaultStart)]);
        for (int i = 0; i < steps; i++) world.Advance();
        return StepExplanation.Of(world, world.Balls[0]);
    }

    [Fact]
    public void Each_rule_plays_only_the_parts_it_has()
    {
        Assert.Equal([ExplainerPart.Gradient, ExplainerPart.Step, ExplainerPart.Landing], ExplainerParts.Of(Explain("sgd")));
        Assert.Equal([ExplainerPart.Gradient, ExplainerPart.Momentum, ExplainerPart.Step, ExplainerPart.Landing], ExplainerParts.Of(Explain("momentum")));
        Assert.Equal([ExplainerPart.Gradient, ExplainerPart.RootMeanSquare, ExplainerPart.Step, ExplainerPart.Landing], ExplainerParts.Of(Explain("rmsprop")));
        Assert.Equal([ExplainerPart.Gradient, ExplainerPart.Momentum, ExplainerPart.RootMeanSquare, ExplainerPart.BiasCorrection, ExplainerPart.Step, ExplainerPart.Landing],
            ExplainerParts.Of(Explain("adam")));
        var adam = Explain("adam");
        Assert.Contains("1 − beta1^t", ExplainerParts.Caption(ExplainerPart.BiasCorrection, adam));
        Assert.Contains("root mean square", ExplainerParts.Caption(ExplainerPart.RootMeanSquare, adam));
    }

    [Fact]
    public void Shift_E_plays_the_parts_in_order_at_a_speaking_pace_then_shows_the_whole_step_again()
    {
        var l = LandscapeCatalog.Create("quadratic");
        var world = new World(l, [new Ball("adam", Colour.Palette[0], OptimizerCatalog.Create("adam", new Parameters()), l.DefaultStart)]);
        var state = new AppState(world, "playback");
        var c = new ClassroomControls(new PlaygroundControls(state, new Camera3D()), new ClassroomSession(state));
        var overlay = new ClassroomOverlay(c.Session);
        Assert.True(Clicks.Press(c, Key.E, shift: true, control: false));
        Assert.True(c.Session.Panels.Has(StepExplainer.Kind));
        Assert.True(state.Clock.Paused);
        Assert.Equal(0, state.SelectedBall);
        overlay.Update(world, state.SelectedBall); // works out the explanation and its parts
        overlay.Update(world, state.SelectedBall);
        var explainer = overlay.Explainer;
        var seen = new List<ExplainerPart>();
        for (int k = 0; k < 80 && state.ExplainerPlayback is not null; k++)
        {
            if (explainer.Part is { } part && (seen.Count == 0 || seen[^1] != part)) seen.Add(part);
            state.Elapse(0.5);
            overlay.Update(world, state.SelectedBall);
        }
        Assert.Equal(explainer.Parts, seen);
        Assert.Null(state.ExplainerPlayback); // over: the whole explanation again
        Assert.Null(explainer.Part);
        Assert.True(ExplainerParts.SecondsEach >= 3, "a part stays long enough to be said");
    }

    [Fact]
    public void A_playing_part_shows_its_caption_over_the_scene_and_the_landing_a_ghost_ring()
    {
        var l = LandscapeCatalog.Create("quadratic");
        var world = new World(l, [new Ball("adam", Colour.Palette[0], OptimizerCatalog.Create("adam", Lr(0.3)), l.DefaultStart)]);
        for (int i = 0; i < 3; i++) world.Advance();
        var state = new AppState(world, "playback");
        var c = new ClassroomControls(new PlaygroundControls(state, new Camera3D()), new ClassroomSession(state));
        c.PlayExplainer();
        using var window = Window.InitWindow(1280, 720, "playback", WindowOptions.Headless with { Samples = 0 });
        using var renderer = new SceneRenderer(window, world.Landscape, ClassroomKeys.HelpRows) { Layers = state.Layers };
        var overlay = new ClassroomOverlay(c.Session);
        renderer.Overlay = overlay;
        var camera = renderer.DefaultCamera(world);
        string path = Path.Combine(Path.GetTempPath(), "sim-explainer-play.png");
        renderer.Update(world, state.Frame());
        state.ExplainerPlayback = ExplainerParts.SecondsEach * (overlay.Explainer.Parts.Length - 1) + 0.1; // the landing
        renderer.Update(world, state.Frame());
        Assert.Equal(ExplainerPart.Landing, overlay.Explainer.Part);
        window.BeginDrawing(Theme.Standard.Background);
        renderer.Draw(world, camera, state.Frame());
        window.TakeScreenshot(path);
        window.EndDrawing();
        var image = Image.Load(path);
        int text = PictureChecks.BrightPixels(image, (int)renderer.PanelWidth, 0, 1280 - (int)renderer.Margins.Right, 60);
        Assert.True(text > 200, $"only {text} caption pixels across the top of the scene");
    }
}
