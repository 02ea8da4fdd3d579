namespace Sim.Core.Lessons;

/// <summary>The built-in lessons in course order, from the source lectures (Hinton lecture 6, Ng C2W2).</summary>
public static class LessonCatalog
{
    public static IReadOnlyList<Lesson> All { get; } =
    [
        MiniBatchLesson.Create(),
        InputTricksLesson.Create(),
        EmaLesson.Create(),
        MomentumLesson.Create(),
        GainsLesson.Create(),
        RmspropLesson.Create(),
        AdamLesson.Create(),
        DecayLesson.Create(),
        SaddleLesson.Create(),
        RaceLesson.Create(),
        BasinsLesson.Create(),
    ];

    public static IEnumerable<string> Names => All.Select(l => l.Name);

    /// <summary>A lesson by its name or its number ("momentum" or "4").</summary>
    public static Lesson Find(string name)
    {
        foreach (var lesson in All)
            if (lesson.Name == name || lesson.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == name)
                return lesson;
        throw new InputError($"unknown lesson {InputError.Quote(name)}; expected one of {string.Join(", ", Names)} (or its number, 1 to {All.Count})");
    }
}
