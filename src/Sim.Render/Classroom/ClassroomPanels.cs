using Sim.Core.Lessons;

namespace Sim.Render.Classroom;

/// <summary>Which classroom panels are open; each has a key, and a lesson step opens the ones it names.</summary>
[Flags]
public enum ClassroomPanels
{
    None = 0,
    /// <summary>Loss against step for every ball.</summary>
    Loss = 1 << 0,
    /// <summary>Learning rate against step, after the schedule.</summary>
    LearningRate = 1 << 1,
    /// <summary>Exponentially weighted averages: a lesson's figure, or the selected ball's gradient.</summary>
    Ema = 1 << 2,
    /// <summary>Per-axis effective learning rate of each ball (what RMSprop, Adam and the gains adapt).</summary>
    StepSize = 1 << 3,
    /// <summary>The Hessian's eigenvalues under each ball: minimum, saddle or plateau.</summary>
    Curvature = 1 << 4,
    /// <summary>The race's ranking.</summary>
    Leaderboard = 1 << 5,
    /// <summary>The selected ball's hyperparameters, editable.</summary>
    Parameters = 1 << 6,
    /// <summary>The selected ball's next step taken apart, with arrows on the surface.</summary>
    Explainer = 1 << 7,
    /// <summary>Not a panel: the full-batch gradient drawn beside each ball's mini-batch gradient.</summary>
    BatchGradients = 1 << 8,
}

public static class ClassroomPanelSets
{
    /// <summary>The panels of the right-hand column, top to bottom.</summary>
    public static ReadOnlySpan<ClassroomPanels> ColumnOrder => Column; // a span over a static array: no copy per call

    private static readonly ClassroomPanels[] Column =
    [
        ClassroomPanels.Loss, ClassroomPanels.LearningRate, ClassroomPanels.Ema, ClassroomPanels.StepSize,
        ClassroomPanels.Curvature, ClassroomPanels.Leaderboard, ClassroomPanels.Parameters, ClassroomPanels.Explainer,
    ];

    /// <summary>The window's panels for what a lesson step asks for.</summary>
    public static ClassroomPanels From(LessonPanels lesson)
    {
        var panels = ClassroomPanels.None;
        if (lesson.HasFlag(LessonPanels.LossPlot)) panels |= ClassroomPanels.Loss;
        if (lesson.HasFlag(LessonPanels.LearningRatePlot)) panels |= ClassroomPanels.LearningRate;
        if (lesson.HasFlag(LessonPanels.EmaPlot)) panels |= ClassroomPanels.Ema;
        if (lesson.HasFlag(LessonPanels.StepSizePlot)) panels |= ClassroomPanels.StepSize;
        if (lesson.HasFlag(LessonPanels.Curvature)) panels |= ClassroomPanels.Curvature;
        if (lesson.HasFlag(LessonPanels.Leaderboard)) panels |= ClassroomPanels.Leaderboard;
        if (lesson.HasFlag(LessonPanels.BatchOverlay)) panels |= ClassroomPanels.BatchGradients;
        return panels;
    }
}
