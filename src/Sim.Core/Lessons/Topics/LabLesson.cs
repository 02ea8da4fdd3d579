using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>
/// Ng C2W2's "Optimization methods" lab, live: its data, initial weights and settings
/// (<see cref="LabC2W2"/>), each ball named with the accuracy the lab prints, beside the accuracy
/// panel's live figure. On the lab's own data and weights Sim's runs end at the lab's numbers.
/// </summary>
internal static class LabLesson
{
    /// <summary>The lab's run: 5,000 epochs of ⌈300/64⌉ = 5 steps (26 seconds at the lesson's fastest pace).</summary>
    public const int LabSteps = 25_000;

    public static Lesson Create()
    {
        var scene = new Scenario
        {
            Title = "The lab: mini-batch GD, momentum and Adam on moons",
            Network = new NetworkScene(new DataSource(LabC2W2.DataName), LabC2W2.Layers, Activation.Relu, WeightsJson: LabC2W2.InitialWeightsJson),
            BatchSize = 64,
            Balls = [Of("sgd", "lr=0.0007")],
        };
        // The lab's colours stay with the rule, though the names (which carry the lab's figures) change.
        static BallSpec Rule(BallSpec ball, int colour) => ball with { Colour = Colour.Palette[colour] };
        var plain = new[]
        {
            Rule(Of("sgd", "lr=0.0007", "GD · lab 0.717"), 0),
            Rule(Of("momentum", "lr=0.0007, beta=0.9", "momentum · lab 0.717"), 1),
            Rule(Of("adam", "lr=0.0007", "Adam · lab 0.943"), 2),
        };
        var decayed = new[]
        {
            Rule(Of("sgd", "lr=0.1", "GD + decay · lab 0.943"), 0),
            Rule(Of("momentum", "lr=0.1, beta=0.9", "momentum + decay · lab 0.953"), 1),
            Rule(Of("adam", "lr=0.01", "Adam + decay · lab 0.940"), 2),
        };
        var crawl = new[]
        {
            Rule(Of("sgd", "lr=0.0007", "GD, lr 0.0007"), 0),
            Rule(Of("sgd", "lr=0.1", "GD, lr 0.1"), 6), // not yellow: beside orange a projector shows one colour
        };
        const LessonPanels Table = LessonPanels.Accuracy | LessonPanels.DecisionBoundary;
        return new Lesson(12, "lab", "The lab: GD, momentum and Adam on moons",
            "Ng's C2W2 lab run live on its own data and weights: its table of accuracies filled in beside the printed one.",
            [
                new("The lab's settings, lr 0.0007, b = 64, 5,000 epochs: GD and momentum stall at 0.717, Adam gets 0.943",
                    scene with { Balls = plain }, LabSteps, Table),
                new("Fixed-interval decay from lr₀ 0.1 (Adam 0.01), ÷(1 + ⌊epoch/1000⌋): all three reach 0.94 to 0.95",
                    scene with { Balls = decayed, Schedule = "fixed_interval", ScheduleParams = Values("decay_rate=1, interval=1000") },
                    LabSteps, Table),
                new("Why GD crawls: λmax is about 0.3, so lr up to 2/λmax ≈ 6 is stable; at lr 0.1 GD gets 0.94",
                    scene with { Balls = crawl }, 5_000, LessonPanels.Spectrum | LessonPanels.Accuracy),
            ]);
    }
}
