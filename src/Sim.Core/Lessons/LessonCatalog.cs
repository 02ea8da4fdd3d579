namespace Sim.Core.Lessons;

/// <summary>The built-in lessons in course order, from the source lectures (Hinton lecture 6, Ng C2W2).</summary>
public static class LessonCatalog
{
    public static IReadOnlyList<Lesson> All { get; } =
    [.. new[]
    {
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
        LabLesson.Create(),
        NetworkSaddleLesson.Create(),
        NetworkBatchLesson.Create(),
    }.Select(SteadyColours)];

    /// <summary>
    /// Each ball (by label) keeps one colour through a lesson's steps, in the order balls first appear,
    /// so "the blue one" means the same rule on every slide; a colour a scenario sets stays.
    /// </summary>
    private static Lesson SteadyColours(Lesson lesson)
    {
        var colours = new Dictionary<string, Colour>(StringComparer.Ordinal);
        Scenarios.BallSpec Recolour(Scenarios.BallSpec ball)
        {
            if (ball.Colour is not null) return ball;
            string key = ball.Label ?? ball.Optimizer;
            if (!colours.TryGetValue(key, out var colour)) colours[key] = colour = Colour.Palette[colours.Count % Colour.Palette.Count];
            return ball with { Colour = colour };
        }
        return lesson with { Steps = [.. lesson.Steps.Select(s => s with { Scenario = s.Scenario with { Balls = [.. s.Scenario.Balls.Select(Recolour)] } })] };
    }

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
