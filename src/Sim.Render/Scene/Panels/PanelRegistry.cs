using Sim.Core.Lessons;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Every panel, in the column's order (top to bottom). Adding a panel is one file (the class, with its
/// <see cref="PanelKind"/> as a static <c>Kind</c>) and one line here; its key, help line, toast,
/// <c>--panels</c> name and column place follow.
/// </summary>
public static class PanelRegistry
{
    public static IReadOnlyList<PanelKind> All { get; } = Numbered(
    [
        LossPanel.Kind,
        AccuracyPanel.Kind,
        DecisionBoundaryPanel.Kind,
        LearningRatePanel.Kind,
        EmaPanel.Kind,
        StepSizePanel.Kind,
        CurvaturePanel.Kind,
        SpectrumPanel.Kind,
        LeaderboardPanel.Kind,
        ParameterPanel.Kind,
        StepExplainer.Kind,
        FullBatchArrows.Kind,
    ]);

    private static PanelKind[] Numbered(PanelKind[] kinds)
    {
        if (kinds.Length > PanelSet.Capacity) throw new InvalidOperationException($"at most {PanelSet.Capacity} panels");
        for (int i = 0; i < kinds.Length; i++) kinds[i].Number(i);
        return kinds;
    }

    internal static int IndexOf(PanelKind kind)
    {
        for (int i = 0; i < All.Count; i++)
            if (ReferenceEquals(All[i], kind)) return i;
        throw new InvalidOperationException($"panel '{kind.CliName}' is not in the registry");
    }

    /// <summary>The panel <c>--panels</c> calls <paramref name="name"/>, or null.</summary>
    public static PanelKind? Find(string name)
    {
        foreach (var kind in All)
            if (kind.CliName == name) return kind;
        return null;
    }

    /// <summary>The panels a lesson step names.</summary>
    public static PanelSet For(LessonPanels lesson)
    {
        var set = PanelSet.None;
        foreach (var kind in All)
            if (kind.Lesson != LessonPanels.None && lesson.HasFlag(kind.Lesson)) set = set.With(kind);
        return set;
    }
}
