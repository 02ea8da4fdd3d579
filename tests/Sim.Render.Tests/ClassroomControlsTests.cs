using Sim.Core.Lessons;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The classroom's keys, dispatched as the window dispatches them: classroom first, then the playground.</summary>
public class ClassroomControlsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sim-classroom-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ClassroomControls Controls(World? world = null)
    {
        world ??= DefaultScene.Scenario.CreateWorld();
        var state = new AppState(world, "test");
        return new ClassroomControls(new PlaygroundControls(state, new Camera3D()), new ClassroomSession(state)) { OutputFolder = _folder };
    }

    /// <summary>What a key press does in the window: the classroom's meaning if it has one, else the playground's.</summary>
    private static void Press(ClassroomControls c, Key key, bool shift = false, bool control = false)
    {
        if (!ClassroomKeys.Dispatch(c, key, shift, control))
            Assert.True(KeyBindings.Dispatch(c.Playground, key, shift, control), $"{key} does nothing");
    }

    [Fact]
    public void Every_classroom_key_is_bound_once_for_its_situation_and_listed_in_the_help()
    {
        var seen = new HashSet<(Key, Modifier, object?)>();
        foreach (var binding in ClassroomKeys.All)
            foreach (var trigger in binding.Triggers)
                Assert.True(seen.Add((trigger.Key, trigger.Modifier, binding.When)), $"{trigger.Key} with {trigger.Modifier} is bound twice");
        // A key the classroom always takes must not be one the playground needs.
        var playground = KeyBindings.All.SelectMany(b => b.Triggers).Select(t => (t.Key, t.Modifier)).ToHashSet();
        foreach (var binding in ClassroomKeys.All.Where(b => b.When is null))
            foreach (var trigger in binding.Triggers)
                Assert.DoesNotContain((trigger.Key, trigger.Modifier), playground);
        Assert.Equal(KeyBindings.All.Count + ClassroomKeys.All.Count, ClassroomKeys.HelpRows.Count);
        Assert.Contains(ClassroomKeys.HelpRows, r => r.Keys.Contains("Page Down") && r.Action.Contains("next step"));
    }

    [Fact]
    public void With_the_lesson_menu_open_the_presenter_remote_moves_its_cursor_and_leaves_the_scene_alone()
    {
        // Measured before: in lesson 4 with the menu open, Page Down fell through to the playground and put
        // Rosenbrock under the caption about the ravine.
        var c = Controls();
        c.OpenLesson(LessonCatalog.Find("momentum"), 1);
        var landscape = c.Playground.World.Landscape;
        Press(c, Key.K);
        int cursor = c.Session.Menu.Cursor;
        Press(c, Key.PageDown);
        Press(c, Key.PageDown);
        Press(c, Key.Right);
        Assert.Same(landscape, c.Playground.World.Landscape);
        Assert.Equal(cursor + 3, c.Session.Menu.Cursor);
        Press(c, Key.PageUp);
        Press(c, Key.Left);
        Assert.Equal(cursor + 1, c.Session.Menu.Cursor);
        Assert.True(c.MenuOpen);
        Assert.Equal(1, c.Session.StepNumber);
    }

    [Fact]
    public void A_panel_with_nothing_to_show_on_the_scene_does_not_open_and_its_key_says_why()
    {
        // Measured before: on Rosenbrock, F10, Shift+F10 and Y opened three boxes that each said one cut line
        // ("for network scenes only (--data, a s…"), folding the panels that had something to show.
        var c = Controls();
        Press(c, Key.F10);
        Assert.False(c.Session.Panels.Has(DecisionBoundaryPanel.Kind));
        Assert.Equal("the decision boundary panel is for network scenes only (--data, a scenario's network)", c.Playground.Message);
        Press(c, Key.F10, shift: true);
        Press(c, Key.Y);
        Assert.Equal(PanelSet.None, c.Session.Panels);
        Press(c, Key.E);
        Assert.True(c.Session.Panels.Has(StepExplainer.Kind), "the explainer opens on a 2-D scene");

        var network = Controls(LessonCatalog.Find("lab").Step(1).Scenario.CreateWorld());
        network.Playground.Clock.Paused = false;
        Press(network, Key.E, shift: true);
        Assert.False(network.Session.Panels.Has(StepExplainer.Kind));
        Assert.Null(network.Session.State.ExplainerPlayback);
        Assert.False(network.Playground.Clock.Paused, "nothing to explain: the clock runs on");
        Assert.Equal("the step explainer is for 2-D scenes: a network's step has a number per weight", network.Playground.Message);
        Press(network, Key.F10);
        Assert.True(network.Session.Panels.Has(DecisionBoundaryPanel.Kind));
        Press(network, Key.F10); // an open panel always closes, whatever the scene
        Assert.False(network.Session.Panels.Has(DecisionBoundaryPanel.Kind));
    }

    [Fact]
    public void A_panel_left_open_on_a_scene_it_cannot_show_takes_no_room_in_the_column()
    {
        using var window = Window.InitWindow(1024, 768, "unshown", WindowOptions.Headless with { Samples = 0 });
        var session = new ClassroomSession(DefaultScene.Scenario.CreateWorld(), null);
        session.Panels = PanelSet.Of(LossPanel.Kind, AccuracyPanel.Kind, DecisionBoundaryPanel.Kind, SpectrumPanel.Kind, LearningRatePanel.Kind);
        using var renderer = new SceneRenderer(window, session.World.Landscape, ClassroomKeys.HelpRows);
        var overlay = new ClassroomOverlay(session);
        renderer.Overlay = overlay;
        window.BeginDrawing(Theme.Standard.Background);
        renderer.Draw(session.World, renderer.DefaultCamera(session.World), new FrameInfo());
        window.EndDrawing();
        foreach (var kind in new[] { AccuracyPanel.Kind, DecisionBoundaryPanel.Kind, SpectrumPanel.Kind })
        {
            Assert.Equal(0, overlay.PanelRects[kind.Index].Height);
            Assert.Equal(0, overlay.Layout.Folded[kind.Index].Height);
        }
        Assert.True(overlay.PanelRects[LossPanel.Kind.Index].Height > 0);
        Assert.True(overlay.PanelRects[LearningRatePanel.Kind.Index].Height > 0, "the learning-rate plot keeps the room they would have taken");
    }

    [Fact]
    public void The_lesson_menu_opens_a_lesson_and_the_presenter_keys_walk_its_steps()
    {
        var c = Controls();
        Press(c, Key.K);
        Assert.True(c.MenuOpen);
        Press(c, Key.Down);
        Press(c, Key.Down);
        Press(c, Key.Down);
        Press(c, Key.Enter);
        Assert.False(c.MenuOpen);
        var lesson = LessonCatalog.All[3];
        Assert.Same(lesson, c.Session.Lesson);
        Assert.Equal(1, c.Session.StepNumber);
        Assert.Same(c.Session.World, c.Playground.World);
        Assert.Equal(lesson.Step(1).Scenario.Landscape, c.World().Landscape.Name);
        Assert.True(c.Playground.FrameRequested);

        var first = c.Playground.World;
        Press(c, Key.PageDown);
        Assert.Equal(2, c.Session.StepNumber);
        Assert.NotSame(first, c.Playground.World);
        Assert.Equal(lesson.Step(2).Scenario.Balls.Count, c.Playground.World.Balls.Count);
        Assert.Equal(PanelRegistry.For(lesson.Step(2).Panels), c.Session.Panels);
        Press(c, Key.Right);
        Assert.Equal(3, c.Session.StepNumber);
        Press(c, Key.Left);
        Press(c, Key.PageUp);
        Press(c, Key.PageUp); // already at the first step: it says so and stays
        Assert.Equal(1, c.Session.StepNumber);
        Assert.Contains("first step", c.Playground.Message);

        Press(c, Key.K);
        Press(c, Key.D0); // 0 is the tenth lesson
        Assert.Equal("race", c.Session.Lesson!.Name);

        // Leaving the lesson gives the remote's keys back to the playground: Page Down is the next landscape again.
        Press(c, Key.K, shift: true);
        Assert.Null(c.Session.Lesson);
        string landscape = c.Playground.World.Landscape.Name;
        Press(c, Key.PageDown);
        Assert.NotEqual(landscape, c.Playground.World.Landscape.Name);
    }

    [Fact]
    public void A_lesson_step_plays_at_a_pace_that_shows_its_point_in_seconds()
    {
        var c = Controls();
        c.OpenLesson(LessonCatalog.Find("race"), 1);
        Assert.Equal(960, c.Playground.Clock.StepsPerSecond); // 15,000 steps: some fifteen seconds, not a blur
        c.OpenLesson(LessonCatalog.Find("adam"), 2);
        Assert.Equal(LessonPace.Slowest, c.Playground.Clock.StepsPerSecond); // 20 steps, slowly enough to follow
        // Paused on the first frame while the caption is read; Space starts it, one step at a time at first.
        var clock = c.Playground.Clock;
        Assert.True(clock.Paused);
        Assert.Equal(0, clock.Tick(1.0));
        Press(c, Key.Space);
        Assert.Equal(1, clock.Tick(1.0));
        Assert.Equal(LessonPace.SlowSteps - 1, clock.SlowStepsLeft);
        Assert.Equal(LessonPace.SlowSteps - 1, clock.Tick(10.0)); // the rest of the slow ones, then the step's pace
        Assert.Equal((int)LessonPace.Slowest, clock.Tick(1.0));
    }

    [Fact]
    public void A_lesson_step_holds_on_the_frame_its_caption_describes_and_Space_plays_on()
    {
        var c = Controls();
        c.OpenLesson(LessonCatalog.Find("adam"), 2); // 20 steps
        var clock = c.Playground.Clock;
        Press(c, Key.Space);
        int ticked = 0;
        for (int f = 0; f < 100; f++) ticked += clock.Tick(1.0);
        Assert.Equal(LessonCatalog.Find("adam").Step(2).RunSteps, ticked);
        Assert.True(clock.Paused);
        Press(c, Key.Space);
        Assert.Equal((int)LessonPace.Slowest, clock.Tick(1.0)); // on past it, at the step's pace
        // Leaving the lesson: the playground plays on without a hold.
        c.OpenLesson(LessonCatalog.Find("adam"), 2);
        Press(c, Key.Space);
        c.LeaveLesson();
        for (int f = 0; f < 40; f++) clock.Tick(1.0);
        Assert.False(clock.Paused);
    }

    [Fact]
    public void R_in_a_lesson_plays_the_step_again_from_its_start_paused()
    {
        var c = Controls();
        c.OpenLesson(LessonCatalog.Find("momentum"), 2);
        var first = c.Playground.World;
        Press(c, Key.Space);
        for (int s = 0; s < 30; s++) first.Advance();
        Press(c, Key.R);
        Assert.NotSame(first, c.Playground.World);
        Assert.Equal(0, c.Playground.World.Step);
        Assert.Equal(2, c.Session.StepNumber);
        Assert.True(c.Playground.Clock.Paused);
    }

    [Fact]
    public void The_parameter_panel_edits_the_selected_ball_without_resetting_its_run()
    {
        var landscape = Core.Landscapes.LandscapeCatalog.Create("quadratic");
        var adam = new Ball("adam", Core.Colour.Palette[0], OptimizerCatalog.Create("adam"), new Core.Landscapes.Point2(2, 2));
        var c = Controls(new World(landscape, [adam]));
        for (int s = 0; s < 25; s++) c.Playground.World.Advance();
        var position = adam.Position;
        var moment = adam.State.Slots[0].ToArray();

        Press(c, Key.F9);
        Assert.Equal(0, c.Playground.SelectedBall); // a one-ball panel selects a ball
        Press(c, Key.RightBracket); // lr × 1.25
        Assert.Equal(0.001 * 1.25, adam.Optimizer.LearningRate, 1e-15);
        Press(c, Key.Down); // beta1
        Press(c, Key.Equals, shift: true); // '+': 1 − (1 − 0.9)/1.25
        Assert.Equal(0.92, ((Adam)adam.Optimizer).Beta1, 1e-12);
        Assert.Equal(position, adam.Position);
        Assert.Equal(25, adam.Steps);
        Assert.Equal(moment, adam.State.Slots[0]); // the same state, under the new optimizer

        for (int i = 0; i < 4; i++) Press(c, Key.Down); // amsgrad, a switch
        Press(c, Key.RightBracket);
        Assert.True(((Adam)adam.Optimizer).Amsgrad);

        // Past beta's range: refused with one line, and nothing changes.
        Press(c, Key.Up);
        Press(c, Key.Up);
        Press(c, Key.Up); // beta2
        for (int i = 0; i < 200; i++) Press(c, Key.RightBracket);
        Assert.True(c.Session.Parameters.MessageIsError);
        Assert.Contains("out of range", c.Session.Parameters.Message);
        Assert.True(((Adam)adam.Optimizer).Beta2 < 1);
        c.Playground.World.Advance();
        Assert.Equal(BallStatus.Running, adam.Status);

        // With the panel closed, ↑ is the playground's speed key again.
        Press(c, Key.F9);
        double speed = c.Playground.Clock.StepsPerSecond;
        Press(c, Key.Up);
        Assert.Equal(speed * 2, c.Playground.Clock.StepsPerSecond);
    }

    [Theory]
    [InlineData("beta1", 0.9, 1, 0.92)]
    [InlineData("beta1", 0.9, -1, 0.875)]
    [InlineData("momentum", 0, 1, 0.2)]
    [InlineData("lr", 0.01, 1, 0.0125)]
    [InlineData("lr", 0.01, -1, 0.008)]
    [InlineData("weight_decay", 0, 1, ParameterEditor.FromZero)]
    public void Values_step_by_a_quarter_and_averaging_factors_walk_toward_one(string key, double value, int direction, double expected) =>
        Assert.Equal(expected, ParameterEditor.Next(key, value, direction), 1e-12);

    [Fact]
    public void E_pauses_on_a_selected_ball_to_explain_its_next_step()
    {
        var c = Controls();
        Press(c, Key.E);
        Assert.True(c.Session.Panels.Has(StepExplainer.Kind));
        Assert.True(c.Playground.Clock.Paused);
        Assert.Equal(0, c.Playground.SelectedBall);
        Press(c, Key.E);
        Assert.False(c.Session.Panels.Has(StepExplainer.Kind));
    }

    [Fact]
    public void Panel_keys_open_and_close_each_panel()
    {
        var c = Controls();
        (Key, PanelKind)[] keys =
        [
            (Key.F2, LossPanel.Kind), (Key.F3, LearningRatePanel.Kind), (Key.F4, EmaPanel.Kind),
            (Key.F6, StepSizePanel.Kind), (Key.F7, CurvaturePanel.Kind), (Key.F8, LeaderboardPanel.Kind),
        ];
        foreach (var (key, panel) in keys)
        {
            Press(c, key);
            Assert.True(c.Session.Panels.Has(panel), $"{key} did not open {panel}");
        }
        Press(c, Key.O, shift: true);
        Assert.True(c.Session.Panels.Has(FullBatchArrows.Kind));
        Press(c, Key.G);
        Assert.Equal(new LiveEma(EmaSeries.GradientX, true), c.Session.LiveEma);
        foreach (var (key, _) in keys) Press(c, key);
        Assert.Equal(PanelSet.Of(FullBatchArrows.Kind), c.Session.Panels);
    }

    [Fact]
    public void X_exports_every_balls_trajectory_and_says_where()
    {
        var c = Controls();
        for (int s = 0; s < 30; s++)
        {
            c.Playground.World.Advance();
            c.Session.Record();
        }
        Press(c, Key.X);
        var file = Assert.Single(Directory.GetFiles(_folder, "sim-trajectories-*.csv"));
        Assert.Contains(file, c.Playground.Message);
        var lines = File.ReadAllLines(file);
        Assert.Equal(TrajectoryCsv.Header, lines[0]);
        Assert.Equal(c.Playground.World.Balls.Count * 31, lines.Length - 1); // steps 0 to 30 of every ball
    }

    [Fact]
    public void Shift_P_records_into_a_new_folder_until_pressed_again()
    {
        var c = Controls();
        Press(c, Key.P, shift: true);
        Assert.True(c.Session.Recording.IsRecording);
        string folder = c.Session.Recording.Folder!;
        Assert.True(Directory.Exists(folder));
        Assert.Equal(Path.Combine(folder, "frame-00001.png"), c.Session.Recording.NextPath());
        Assert.Equal(Path.Combine(folder, "frame-00002.png"), c.Session.Recording.NextPath());
        Press(c, Key.P, shift: true);
        Assert.False(c.Session.Recording.IsRecording);
        Assert.Contains("2 frames", c.Playground.Message);
        Press(c, Key.P); // plain P is still the screenshot
        Assert.True(c.Playground.ScreenshotRequested);
    }

    [Fact]
    public void Text_scale_and_high_contrast_keys()
    {
        var c = Controls();
        Press(c, Key.Z);
        Press(c, Key.Equals, control: true);
        Assert.Equal(ClassroomControls.TextStep * ClassroomControls.TextStep, c.TextScale, 1e-5f);
        for (int i = 0; i < 30; i++) Press(c, Key.Minus, control: true);
        Assert.Equal(ClassroomControls.MinTextScale, c.TextScale);
        Press(c, Key.C, shift: true);
        Assert.Same(Theme.HighContrast, c.Theme);
        Press(c, Key.C); // plain C is still the top-down view
        Assert.True(c.Playground.TopDown);
    }
}

internal static class ClassroomControlsExtensions
{
    public static World World(this ClassroomControls c) => c.Playground.World;
}

/// <summary>The panel registry is the one list: keys, help, <c>--panels</c> names and the README's table come from it.</summary>
public class PanelRegistryTests
{
    [Fact]
    public void Every_panel_has_one_key_one_cli_name_a_help_line_and_a_README_row()
    {
        var kinds = PanelRegistry.All;
        Assert.Equal(kinds.Count, kinds.Select(k => k.CliName).Distinct().Count());
        Assert.Equal(kinds.Count, kinds.Select(k => (k.Key, k.Modifier)).Distinct().Count());
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        for (int i = 0; i < kinds.Count; i++)
        {
            var kind = kinds[i];
            Assert.Equal(i, kind.Index);
            Assert.Same(kind, PanelRegistry.Find(kind.CliName));
            Assert.Contains(ClassroomKeys.HelpRows, r => r.Keys == kind.KeyLabel && r.Action == kind.Help);
            Assert.Matches($@"(?m)^\| {System.Text.RegularExpressions.Regex.Escape(kind.KeyLabel)}(, \w)? \| `{kind.CliName}` \|", readme);
        }
    }

    [Fact]
    public void A_lesson_step_opens_exactly_the_panels_it_names()
    {
        foreach (var lesson in LessonCatalog.All)
            foreach (var step in lesson.Steps)
            {
                var set = PanelRegistry.For(step.Panels);
                foreach (var kind in PanelRegistry.All)
                    Assert.Equal(kind.Lesson != LessonPanels.None && step.Panels.HasFlag(kind.Lesson), set.Has(kind));
            }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Sim.sln not found above the test binaries");
    }
}
