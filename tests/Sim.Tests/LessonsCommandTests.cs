using Sim.Core.Lessons;

namespace Sim.Tests;

public class LessonsCommandTests
{
    [Fact]
    public void ListsEveryLessonOnOneLineInOrder()
    {
        var r = SimProcess.Run("lessons");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(LessonCatalog.All.Count, lines.Length);
        foreach (var (line, lesson) in lines.Zip(LessonCatalog.All))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"{lesson.Number}", words[0]);
            Assert.Equal(lesson.Name, words[1]);
            Assert.Equal($"{lesson.Steps.Count}", words[2]);
            Assert.EndsWith(lesson.Title, line);
        }
    }

    [Fact]
    public void VerboseAddsEachStepsCaption()
    {
        var r = SimProcess.Run("lessons", "--verbose");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(LessonCatalog.All.Count + LessonCatalog.All.Sum(l => l.Steps.Count), lines.Length);
        var momentum = LessonCatalog.Find("momentum");
        for (int k = 1; k <= momentum.Steps.Count; k++)
            Assert.Contains($"{k}. {momentum.Step(k).Caption}", r.Out);
    }

    [Fact]
    public void AnUnknownOptionIsAnError()
    {
        var line = SimProcess.AssertError(SimProcess.Run("lessons", "--all"));
        Assert.Equal("error: unknown option '--all' for lessons; expected one of --verbose", line);
    }
}
