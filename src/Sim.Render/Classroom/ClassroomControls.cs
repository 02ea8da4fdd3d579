using Sim.Core.Lessons;
using Sim.Core.Simulation;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;

namespace Sim.Render.Classroom;

/// <summary>
/// What the classroom's keys do: open a lesson and move through its steps, open panels, edit the
/// selected ball's hyperparameters, explain its next step, export trajectories, record frames, and make
/// the picture readable from the back of a hall. Acts through the playground's controls (the world,
/// clock, selection and notices) and needs no window, so it is unit-tested.
/// </summary>
public sealed class ClassroomControls(PlaygroundControls playground, ClassroomSession session)
{
    public const float MinTextScale = AppState.MinTextScale, MaxTextScale = AppState.MaxTextScale, TextStep = 1.15f;

    public PlaygroundControls Playground => playground;
    public ClassroomSession Session => session;

    /// <summary>Where exports and recordings go: the current folder unless told otherwise.</summary>
    public string OutputFolder { get; init; } = ".";

    public float TextScale => session.State.TextScale;
    public bool HighContrast => session.State.HighContrast;

    public bool InLesson => session.Lesson is not null;
    public bool MenuOpen => session.Menu.IsOpen;

    /// <summary>Whether the parameter panel is open on a selected ball, so the arrows and +/− edit it.</summary>
    public bool EditingParameters =>
        session.Panels.Has(ParameterPanel.Kind) && playground.SelectedBall >= 0 && playground.SelectedBall < World.Balls.Count;

    private World World => playground.World;

    // Lessons.

    public void ToggleMenu()
    {
        if (session.Menu.IsOpen) session.Menu.Close();
        else session.Menu.Open(session.Lesson is { } l ? l.Number - 1 : 0);
    }

    public void MoveMenu(int direction) => session.Menu.Move(direction);

    public void ChooseFromMenu() => PickLesson(session.Menu.Cursor);

    public void CloseMenu() => session.Menu.Close();

    /// <summary>Opens lesson <paramref name="index"/> (0 for the first) at its first step and closes the menu.</summary>
    public void PickLesson(int index)
    {
        if (index < 0 || index >= LessonCatalog.All.Count) return;
        session.Menu.Close();
        OpenLesson(LessonCatalog.All[index], 1);
    }

    public void OpenLesson(Lesson lesson, int step)
    {
        session.OpenLesson(lesson, step);
        playground.Show(session.World);
        playground.SelectBall(lesson.Step(step).Select ?? -1); // Show selects none
        LessonPace.Apply(playground.Clock, session.Step!.RunSteps);
        playground.Say($"step {step} of {lesson.Steps.Count}: Space starts it, R plays it again", 5);
    }

    /// <summary>The open step again from its start, paused on its first frame.</summary>
    public void ReplayStep()
    {
        if (session.Lesson is { } lesson) OpenLesson(lesson, session.StepNumber);
    }

    public void NextStep() => GoToStep(+1);

    public void PreviousStep() => GoToStep(-1);

    private void GoToStep(int direction)
    {
        if (session.Lesson is not { } lesson) return;
        int step = session.StepNumber + direction;
        if (step < 1 || step > lesson.Steps.Count)
        {
            playground.Say(step < 1 ? "this is the lesson's first step" : "this is the lesson's last step: K for the lesson menu");
            return;
        }
        OpenLesson(lesson, step);
    }

    public void LeaveLesson()
    {
        if (session.Lesson is null)
        {
            playground.Say("no lesson is open: K for the lesson menu");
            return;
        }
        session.CloseLesson();
        playground.Clock.PauseAfter(-1); // a playground plays on
        playground.Say("left the lesson; its scene stays as a playground");
    }

    // Panels.

    public void Toggle(PanelKind panel)
    {
        if (!session.Panels.Has(panel) && panel.WhyNotOn(World) is { } why)
        {
            playground.Say(why);
            return;
        }
        session.Panels = session.Panels.Toggle(panel);
        bool open = session.Panels.Has(panel);
        if (open) session.State.FirstPanel = panel; // just asked for: laid out first, never folded away
        // Panels about one ball need one: the first, if none is selected.
        if (open && panel.AboutOneBall && playground.SelectedBall < 0 && World.Balls.Count > 0) playground.SelectBall(0);
        if (open && panel.Pauses) playground.Clock.Paused = true; // the next step, held still to be taken apart
        playground.Say($"{panel.Title} {(open ? "on" : "off")}");
    }

    /// <summary>Plays the explained step part by part with a caption each (opening the explainer if need be); again: from the start.</summary>
    public void PlayExplainer()
    {
        if (!session.Panels.Has(StepExplainer.Kind)) Toggle(StepExplainer.Kind);
        if (!session.Panels.Has(StepExplainer.Kind)) return; // nothing to take apart here: the toggle said why
        playground.Clock.Paused = true;
        session.State.ExplainerPlayback = 0;
        playground.Say("the next step, part by part");
    }

    public void CycleEma()
    {
        session.LiveEma = session.LiveEma.Next();
        session.Panels = session.Panels.With(EmaPanel.Kind);
        playground.Say($"EMA panel: {session.LiveEma.Label}");
    }

    // The parameter panel.

    /// <summary>Chooses the parameter panel's row <paramref name="row"/> (a click on its − or +).</summary>
    public void ChooseParameterRow(int row)
    {
        if (EditingParameters) session.Parameters.Move(World.Balls[playground.SelectedBall].Optimizer, row - session.Parameters.Row);
    }

    public void MoveParameterRow(int direction)
    {
        if (EditingParameters) session.Parameters.Move(World.Balls[playground.SelectedBall].Optimizer, direction);
    }

    public void ChangeParameter(int direction)
    {
        if (!EditingParameters) return;
        var ball = World.Balls[playground.SelectedBall];
        if (session.Parameters.Change(ball, direction)) ball.Label = OptimizerLabel.Of(ball.Optimizer); // the name follows the values
    }

    // Presentation.

    public void ScaleText(float factor)
    {
        session.State.TextScale = TextScale * factor;
        playground.FrameRequested = true; // the side panel's width changed with the text
        playground.Say($"text ×{NumberText.Short(TextScale)}");
    }

    public void ToggleHighContrast()
    {
        session.State.HighContrast = !HighContrast;
        playground.Say(HighContrast ? "high-contrast theme" : "standard theme");
    }

    public Theme Theme => session.State.Theme;

    // Export and recording.

    public void ExportTrajectories()
    {
        if (session.Trajectories is null)
        {
            playground.Say($"a swarm of more than {ClassroomSession.MaxExportedBalls} balls keeps no trajectories to export");
            return;
        }
        try
        {
            string path = session.ExportTrajectories(OutputFolder, DateTime.Now);
            int stride = session.Trajectories.Stride;
            playground.Say(stride > 1 ? $"saved {path} (a long run: every {stride}th step)" : $"saved {path}", 6);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            playground.Say($"export failed: {e.Message}", 6);
        }
    }

    public void ToggleRecording()
    {
        if (session.Recording.IsRecording)
        {
            var (folder, frames) = session.Recording.Stop();
            playground.Say($"recorded {frames} frames in {folder}", 6);
            return;
        }
        try
        {
            string folder = session.Recording.Start(OutputFolder, DateTime.Now);
            playground.Say($"recording frames to {folder} (Shift+P stops)", 4);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            playground.Say($"recording failed: {e.Message}", 6);
        }
    }
}
