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
    /// Each ball (by label) keeps one colour through a lesson's steps, so "the blue one" means the same rule on
    /// every slide; a colour a scenario sets stays. A ball seen for the first time takes the first palette colour
    /// no other ball of the lesson has that is also not <see cref="Colour.Close"/> to the colour of a ball it
    /// shares a step with (sky blue beside blue, orange beside yellow read as one colour on a projector).
    /// </summary>
    private static Lesson SteadyColours(Lesson lesson)
    {
        var colours = new Dictionary<string, Colour>(StringComparer.Ordinal);
        foreach (var step in lesson.Steps)
            foreach (var ball in step.Scenario.Balls)
            {
                string key = ball.Label ?? ball.Optimizer;
                if (ball.Colour is not null || colours.ContainsKey(key)) continue;
                var beside = step.Scenario.Balls.Where(b => (b.Label ?? b.Optimizer) != key)
                    .Select(b => b.Colour ?? (colours.TryGetValue(b.Label ?? b.Optimizer, out var c) ? c : (Colour?)null))
                    .OfType<Colour>().ToList();
                colours[key] = Pick(colours.Values, beside);
            }
        Scenarios.BallSpec Recolour(Scenarios.BallSpec ball) =>
            ball.Colour is not null ? ball : ball with { Colour = colours[ball.Label ?? ball.Optimizer] };
        return lesson with { Steps = [.. lesson.Steps.Select(s => s with { Scenario = s.Scenario with { Balls = [.. s.Scenario.Balls.Select(Recolour)] } })] };
    }

    /// <summary>The first palette colour unused in the lesson and far from every colour beside it; failing that, unused beside it.</summary>
    private static Colour Pick(IEnumerable<Colour> used, List<Colour> beside)
    {
        var palette = Colour.Palette;
        foreach (var c in palette)
            if (!used.Contains(c) && !beside.Any(b => Colour.Close(b, c))) return c;
        foreach (var c in palette)
            if (!used.Contains(c) && !beside.Contains(c)) return c;
        foreach (var c in palette)
            if (!beside.Contains(c)) return c;
        return palette[used.Count() % palette.Count];
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
