using Sim.Core;
using Sim.Core.Basins;
using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The window's basin map: recomputed off the render thread when what it depends on changes, through the keys the window uses.</summary>
public class BasinMapperTests
{
    private const int Grid = 40, Steps = 300;

    private static World Himmelblau(params Optimizer[] optimizers)
    {
        var landscape = LandscapeCatalog.Create("himmelblau");
        return new World(landscape, optimizers.Select((o, i) => new Ball($"ball {i + 1}", Colour.Palette[i], o, landscape.DefaultStart)));
    }

    private static Optimizer Adam(string bias = "true") =>
        OptimizerCatalog.Create("adam", Parameters.From(new Dictionary<string, string> { ["lr"] = "0.1", ["bias_correction"] = bias }, "test"));

    private static byte[] Expected(World world, Optimizer optimizer) =>
        BasinPicture.Texels(BasinMap.Compute(world.Landscape, optimizer, world.Schedule, Grid, Steps, world.Landscape.Domain, 2, world.StepsPerEpoch));

    private static byte[] Shown(BasinMapper mapper, World world, int ball)
    {
        mapper.Request(world, ball);
        mapper.Wait();
        Assert.False(mapper.Computing);
        return mapper.Current!.Texels;
    }

    [Fact]
    public void B_recomputes_the_map_with_bias_correction_switched_and_back_again_from_the_kept_map()
    {
        var controls = new PlaygroundControls(new AppState(Himmelblau(Adam())), new Camera3D());
        using var mapper = new BasinMapper(Grid, Steps, threads: 2);
        var corrected = Shown(mapper, controls.World, 0);
        Assert.Equal(Expected(controls.World, Adam("true")), corrected);

        Assert.True(KeyBindings.Dispatch(controls, Key.B, false, false));
        var uncorrected = Shown(mapper, controls.World, 0);
        Assert.Equal(2, mapper.Started);
        Assert.Equal(Expected(controls.World, Adam("false")), uncorrected);
        Assert.NotEqual(corrected, uncorrected); // on Himmelblau from a grid, Adam's first steps of 3.2 lr send some starts elsewhere

        Assert.True(KeyBindings.Dispatch(controls, Key.B, false, false));
        Assert.Equal(corrected, Shown(mapper, controls.World, 0));
        Assert.Equal(2, mapper.Started); // the kept map, not a third computation
    }

    [Fact]
    public void The_learning_rate_keys_and_a_schedule_each_bring_a_new_map_the_same_as_sim_basins_gives()
    {
        var controls = new PlaygroundControls(new AppState(Himmelblau(OptimizerCatalog.Create("sgd"))), new Camera3D());
        controls.World.Balls[0].Optimizer.LearningRate = 0.01;
        using var mapper = new BasinMapper(Grid, Steps, threads: 2);
        var before = Shown(mapper, controls.World, 0);
        Assert.True(KeyBindings.Dispatch(controls, Key.Equals, false, false)); // lr × 1.25
        var faster = Shown(mapper, controls.World, 0);
        Assert.NotEqual(before, faster);
        Assert.Equal(Expected(controls.World, OptimizerCatalog.Copy(controls.World.Balls[0].Optimizer)), faster);

        Assert.True(KeyBindings.Dispatch(controls, Key.D, false, false)); // decay on, 100 steps an epoch
        var decayed = Shown(mapper, controls.World, 0);
        Assert.Equal(Expected(controls.World, OptimizerCatalog.Copy(controls.World.Balls[0].Optimizer)), decayed);
        Assert.Equal(3, mapper.Started);
    }

    [Fact]
    public void A_change_while_a_map_is_computed_supersedes_it_and_only_the_newest_is_shown()
    {
        var world = Himmelblau(Adam());
        using var mapper = new BasinMapper(256, 500, threads: 2);
        mapper.Request(world, 0);
        world.Balls[0].Optimizer.LearningRate = 0.05;
        mapper.Request(world, 0); // cancels the first
        mapper.Wait();
        Assert.Equal(2, mapper.Started);
        Assert.Equal(0.05, mapper.Current!.Key.LearningRate);
        Assert.Contains("lr 0.05", mapper.Current.Caption);
        Assert.Equal(1, mapper.Version); // the cancelled map never came into view
    }

    [Fact]
    public void A_preview_on_a_grid_four_times_coarser_shows_first_then_the_full_map_replaces_it()
    {
        var world = Himmelblau(Adam());
        using var mapper = new BasinMapper(256, 500, threads: 2);
        mapper.Request(world, 0);
        while (!mapper.ShowsWanted) // the preview is a sixteenth of the work: it comes well before the map
        {
            Thread.Sleep(1);
            mapper.Request(world, 0);
        }
        var preview = mapper.Current!;
        Assert.True(preview.Preview);
        Assert.True(mapper.Computing);
        Assert.StartsWith("preview: basin map of ball 1", preview.Caption);
        Assert.Equal(BasinPicture.Texels(BasinMap.Compute(world.Landscape, Adam(), world.Schedule, 64, 500, world.Landscape.Domain, 2)), preview.Texels);
        mapper.Wait();
        Assert.False(mapper.Current!.Preview);
        Assert.Equal(256, mapper.Current.Map!.Grid);
        Assert.False(mapper.Computing);
    }

    [Fact]
    public void W_shows_the_selected_balls_map_and_Shift_W_flips_to_the_next_balls()
    {
        var controls = new PlaygroundControls(new AppState(Himmelblau(Adam(), OptimizerCatalog.Create("sgd"))), new Camera3D());
        Assert.True(KeyBindings.Dispatch(controls, Key.W, false, false));
        Assert.True(controls.Layers.BasinMap);
        Assert.Equal(0, BasinLayer.BallOf(controls.World, controls.Layers, controls.SelectedBall));
        Assert.True(KeyBindings.Dispatch(controls, Key.W, true, false));
        Assert.Equal(1, BasinLayer.BallOf(controls.World, controls.Layers, controls.SelectedBall));
        Assert.Contains("ball 2", controls.Message);
        Assert.True(KeyBindings.Dispatch(controls, Key.Tab, false, false)); // select ball 1: the next is ball 2
        Assert.True(KeyBindings.Dispatch(controls, Key.Tab, false, false)); // select ball 2: the next is ball 1
        Assert.Equal(0, BasinLayer.BallOf(controls.World, controls.Layers, controls.SelectedBall));
        Assert.True(KeyBindings.Dispatch(controls, Key.W, false, false));
        Assert.False(controls.Layers.BasinMap);
    }

    [Fact]
    public void Shift_W_with_one_ball_says_so_and_changes_nothing()
    {
        var controls = new PlaygroundControls(new AppState(Himmelblau(Adam())), new Camera3D());
        Assert.True(KeyBindings.Dispatch(controls, Key.W, true, false));
        Assert.False(controls.Layers.BasinMap);
        Assert.Contains("two balls", controls.Message);
    }

    [Fact]
    public void Every_step_of_the_basins_lesson_opens_with_the_basin_map()
    {
        var lesson = LessonCatalog.Find("basins")!;
        var session = new ClassroomSession(Himmelblau(Adam()), null);
        for (int step = 1; step <= lesson.Steps.Count; step++)
        {
            session.State.Layers.BasinMap = false;
            session.OpenLesson(lesson, step);
            Assert.True(session.State.Layers.BasinMap, $"step {step}");
            Assert.Equal(step >= 3 ? 1 : -1, session.State.SelectedBall); // momentum's, Adam's without bias correction, Adam's at lr 0.5
        }
        var controls = new ClassroomControls(new PlaygroundControls(session.State, new Camera3D()), session);
        controls.OpenLesson(lesson, 4);
        Assert.Equal(1, controls.Playground.SelectedBall);
        Assert.Equal(1, BasinLayer.BallOf(session.World, session.State.Layers, session.State.SelectedBall));
        session.OpenLesson(LessonCatalog.All[0]);
        Assert.False(session.State.Layers.BasinMap);
    }
}
