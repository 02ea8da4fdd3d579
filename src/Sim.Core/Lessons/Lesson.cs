namespace Sim.Core.Lessons;

/// <summary>
/// A built-in lesson on one topic of the source lectures: a sequence of steps, each a scene with
/// a caption, shown one at a time (Page Down / Page Up).
/// </summary>
/// <param name="Number">Its place in the course, from 1.</param>
/// <param name="Name">Slug for the command line, e.g. <c>momentum</c>.</param>
/// <param name="Title">Heading, e.g. "Momentum".</param>
/// <param name="Summary">One sentence: what the lesson shows.</param>
public sealed record Lesson(int Number, string Name, string Title, string Summary, IReadOnlyList<LessonStep> Steps)
{
    /// <summary>Step <paramref name="k"/>, counted from 1 as the lesson shows them.</summary>
    public LessonStep Step(int k) =>
        k >= 1 && k <= Steps.Count
            ? Steps[k - 1]
            : throw new InputError($"step {k} of lesson {InputError.Quote(Name)} is out of range; expected 1 to {Steps.Count}");
}
