using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Ng C2W2's mini-batches on the lab's network: b = 300 (the whole set), 64 and 1, with each batch's noisy loss and the boundary each draws.</summary>
internal static class NetworkBatchLesson
{
    public static Lesson Create()
    {
        var scene = new Scenario
        {
            Title = "Mini-batches on a network",
            Network = new NetworkScene(new DataSource(LabC2W2.DataName), LabC2W2.Layers, Activation.Relu, WeightsJson: LabC2W2.InitialWeightsJson),
            Balls = [Of("sgd", "lr=0.1", "b = 300")],
        };
        var full = Of("sgd", "lr=0.1", "b = 300");
        var mini = Of("sgd", "lr=0.1", "b = 64", batchSize: 64);
        var single = Of("sgd", "lr=0.1", "b = 1", batchSize: 1);
        const LessonPanels Panels = LessonPanels.LossPlot | LessonPanels.DecisionBoundary;
        return new Lesson(14, "netbatches", "Mini-batches on a network",
            "The lab's network trained on all 300 examples a step, 64, or one: the same descent, ever noisier.",
            [
                new("Batch gradient descent on the lab's moons, b = 300: one smooth step per pass over the data",
                    scene, 2_000, Panels),
                new("Mini-batches of 64, five steps a pass: each batch's loss is noisy, the full loss still falls",
                    scene with { Balls = [mini] }, 2_000, Panels),
                new("Step for step, b = 64 keeps up with b = 300 at a fifth of the work; b = 1 never settles",
                    scene with { Balls = [full, mini, single] }, 5_000, Panels),
            ]);
    }
}
