using System.Globalization;
using Sim.Core.Lessons;
using Sim.Core.Networks;
using Sim.Core.Simulation;
using Sim.Render.Playground;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Classroom;

/// <summary>
/// What the classroom features hold for one window (or one headless render) beside the app's state
/// (<see cref="AppState"/>, which owns the scene, the lesson and the open panels): what the panels plot
/// (each ball's recent steps, its whole trajectory for export), the parameter editor, the EMA panel's
/// view, the lesson menu and a frame recording. Needs no window, so it is unit-tested.
/// </summary>
public sealed class ClassroomSession
{
    /// <summary>Worlds with more balls (swarms) keep no trajectories for export.</summary>
    public const int MaxExportedBalls = 64;

    /// <summary>
    /// Points of trajectory kept per ball for export: every step of the first 65,536 (18 minutes at 60
    /// steps per second), then evenly thinned (<see cref="ThinnedTrajectory"/>), so a window left running
    /// holds flat. A scene of many balls keeps fewer each: <see cref="ExportedPointBudget"/> in all.
    /// </summary>
    public const int MaxExportedSteps = 65_536;

    /// <summary>Trajectory points kept over all balls (about 56 MB).</summary>
    public const int ExportedPointBudget = 1 << 20;

    public ClassroomSession(AppState state)
    {
        State = state;
        Show(state.World, state.Title);
    }

    /// <summary>A session with a state of its own (a headless render, a test).</summary>
    public ClassroomSession(World world, string? title) : this(new AppState(world, title)) { }

    public AppState State { get; }

    public World World => State.World;

    /// <summary>The scene's title for the heads-up display (a scenario's or lesson step's).</summary>
    public string? Title => State.Title;

    public Lesson? Lesson => State.Lesson;

    /// <summary>The open step of <see cref="Lesson"/>, from 1; 0 outside a lesson.</summary>
    public int StepNumber => State.StepNumber;

    public LessonStep? Step => State.Step;

    public PanelSet Panels
    {
        get => State.Panels;
        set => State.Panels = value;
    }

    public WorldHistory History { get; } = new();

    /// <summary>Each ball's accuracy after every epoch, on a network's scene (empty on a 2-D landscape).</summary>
    public AccuracyHistory Accuracy { get; } = new(maxBalls: WorldHistory.MaxBalls);

    /// <summary>Every ball's whole trajectory since the last reset, for the CSV export; null for a swarm.</summary>
    public TrajectoryRecorder? Trajectories { get; private set; }

    public ParameterEditor Parameters { get; } = new();
    public LiveEma LiveEma { get; set; } = new(EmaSeries.GradientX, BiasCorrected: false);
    public LessonMenu Menu { get; } = new();
    public FrameSequence Recording { get; } = new();

    /// <summary>A scene outside any lesson: its panels stay as they are.</summary>
    public void Show(World world, string? title)
    {
        State.World = world;
        State.Title = title;
        State.Lesson = null;
        State.StepNumber = 0;
        Parameters.Clear();
        Trajectories = world.Balls.Count <= MaxExportedBalls
            ? new TrajectoryRecorder(world, Math.Min(MaxExportedSteps, ExportedPointBudget / Math.Max(world.Balls.Count, 1)))
            : null;
        History.Record(world);
        Accuracy.Record(world);
    }

    /// <summary>Step <paramref name="step"/> of <paramref name="lesson"/> from its start, with the panels it names.</summary>
    public void OpenLesson(Lesson lesson, int step = 1)
    {
        var s = lesson.Step(step);
        Show(s.Scenario.CreateWorld(), s.Scenario.Title ?? lesson.Title);
        State.Lesson = lesson;
        State.StepNumber = step;
        Panels = PanelRegistry.For(s.Panels);
        State.Layers.BasinMap = s.Panels.HasFlag(LessonPanels.BasinMap);
        State.Layers.BasinMapNextBall = false;
        State.SelectedBall = s.Select ?? -1;
    }

    /// <summary>Leaves the lesson, keeping its scene as a playground.</summary>
    public void CloseLesson()
    {
        State.Lesson = null;
        State.StepNumber = 0;
    }

    /// <summary>Records the world's latest step (after every step, and once a frame: a step already recorded is not added twice).</summary>
    public void Record()
    {
        History.Record(World);
        Accuracy.Record(World);
        Trajectories?.Record();
    }

    /// <summary>Advances the world <paramref name="steps"/> times, recording each step (headless renders).</summary>
    public void Advance(int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            World.Advance();
            Record();
        }
    }

    /// <summary>"Lesson 4 of 10 · Momentum · step 2 of 5", or null outside a lesson.</summary>
    public string? LessonTag => Tag(Lesson, StepNumber);

    public static string? Tag(Lesson? lesson, int step) => lesson is { } l
        ? string.Create(CultureInfo.InvariantCulture, $"Lesson {l.Number} of {LessonCatalog.All.Count} · {l.Title} · step {step} of {l.Steps.Count}")
        : null;

    /// <summary>
    /// Writes every ball's trajectory as CSV to sim-trajectories-YYYYMMDD-HHMMSS.csv in <paramref name="folder"/>,
    /// whole or not at all; returns the path.
    /// </summary>
    public string ExportTrajectories(string folder, DateTime now)
    {
        if (Trajectories is not { } recorder)
            throw new InvalidOperationException($"a scene of more than {MaxExportedBalls} balls keeps no trajectories");
        string stem = Path.Combine(folder, "sim-trajectories-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        string path = stem + ".csv";
        for (int i = 2; File.Exists(path); i++) path = $"{stem}-{i}.csv";
        TrajectoryCsv.WriteFile(recorder, path);
        return path;
    }
}
