using System.Globalization;
using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>The catalogue's shape: fourteen numbered lessons whose every step builds, runs and changes something.</summary>
public class LessonCatalogTests
{
    public static TheoryData<string, int> EveryStep()
    {
        var data = new TheoryData<string, int>();
        foreach (var lesson in LessonCatalog.All)
            for (int k = 1; k <= lesson.Steps.Count; k++) data.Add(lesson.Name, k);
        return data;
    }

    [Fact]
    public void FourteenLessonsInCourseOrderWithUniqueNames()
    {
        Assert.Equal(14, LessonCatalog.All.Count);
        Assert.Equal(Enumerable.Range(1, 14), LessonCatalog.All.Select(l => l.Number));
        Assert.Equal(["minibatch", "inputs", "ema", "momentum", "gains", "rmsprop", "adam", "decay", "saddles", "race", "basins", "lab", "highsaddles", "netbatches"],
            LessonCatalog.Names);
        foreach (var lesson in LessonCatalog.All)
        {
            Assert.Matches("^[a-z]+$", lesson.Name);
            Assert.False(string.IsNullOrWhiteSpace(lesson.Title));
            Assert.False(string.IsNullOrWhiteSpace(lesson.Summary));
            Assert.True(lesson.Steps.Count >= 3, $"{lesson.Name} has {lesson.Steps.Count} steps");
        }
    }

    [Fact]
    public void FindTakesANameOrANumber()
    {
        Assert.Equal("momentum", LessonCatalog.Find("momentum").Name);
        Assert.Equal("momentum", LessonCatalog.Find("4").Name);
        var e = Assert.Throws<InputError>(() => LessonCatalog.Find("momentom"));
        Assert.StartsWith("unknown lesson 'momentom'; expected one of minibatch, inputs, ema, momentum,", e.Message);
        Assert.Throws<InputError>(() => LessonCatalog.Find("15"));
    }

    [Fact]
    public void StepsCountFromOneAndOutOfRangeIsAnInputError()
    {
        var lesson = LessonCatalog.Find("momentum");
        Assert.Same(lesson.Steps[0], lesson.Step(1));
        var e = Assert.Throws<InputError>(() => lesson.Step(lesson.Steps.Count + 1));
        Assert.Equal($"step {lesson.Steps.Count + 1} of lesson 'momentum' is out of range; expected 1 to {lesson.Steps.Count}", e.Message);
        Assert.Throws<InputError>(() => lesson.Step(0));
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void EveryStepBuildsAndRunsItsSteps(string name, int k)
    {
        var step = LessonCatalog.Find(name).Step(k);
        Assert.DoesNotContain('\n', step.Caption);
        Assert.InRange(step.Caption.Length, 20, 100);
        Assert.InRange(step.RunSteps, 1, 25_000); // the lab's 5,000 epochs of 5 steps
        Assert.Equal(step.Ema is not null, step.Panels.HasFlag(LessonPanels.EmaPlot));
        var world = step.Scenario.CreateWorld();
        Assert.NotEmpty(world.Balls);
        Assert.Equal(world.Balls.Count, world.Balls.Select(b => b.Label).Distinct().Count());
        for (int s = 0; s < step.RunSteps; s++) world.Advance();
        Assert.Equal(step.RunSteps, world.Step);
    }

    [Fact]
    public void ConsecutiveStepsChangeTheScene()
    {
        foreach (var lesson in LessonCatalog.All)
            for (int k = 2; k <= lesson.Steps.Count; k++)
                Assert.True(Describe(lesson.Step(k - 1).Scenario) != Describe(lesson.Step(k).Scenario),
                    $"{lesson.Name}: steps {k - 1} and {k} show the same scene");
    }

    [Fact]
    public void EveryLessonHasAScenarioTitle()
    {
        foreach (var lesson in LessonCatalog.All)
            Assert.All(lesson.Steps, s => Assert.False(string.IsNullOrEmpty(s.Scenario.Title)));
    }

    /// <summary>What a scene is, without titles, labels or colours: records compare lists by reference.</summary>
    internal static string Describe(Scenario s)
    {
        static string Map(IReadOnlyDictionary<string, string> d) => string.Join(";", d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        static string Point(Point2? p) => p is { } q ? string.Create(CultureInfo.InvariantCulture, $"({q.X:R},{q.Y:R})") : "default";
        var balls = s.Balls.Select(b => $"{b.Optimizer}[{Map(b.Params)}]@{Point(b.Start)}/b{b.BatchSize}");
        string network = s.Network is { } n ? $"network {n.Data} {string.Join(",", n.Layers)} {n.Activation} {n.InitSeed} {n.WeightsJson} " : "";
        return $"{network}{s.Landscape}[{Map(s.LandscapeParams)}] {s.Schedule}[{Map(s.ScheduleParams)}] b{s.BatchSize} seed{s.Seed} {Point(s.Start)} {string.Join(" ", balls)}";
    }
}
