using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Ng C2W2 and Hinton 6a: batch, mini-batch and stochastic gradient descent on one regression.</summary>
internal static class MiniBatchLesson
{
    public static Lesson Create()
    {
        // Shifted and scaled inputs: a mildly stretched bowl, so the noise of small batches, not
        // the ravine, is what the eye sees.
        var scene = new Scenario
        {
            Title = "Batch, mini-batch and stochastic gradient descent",
            Landscape = "linreg",
            LandscapeParams = Values("center=true, scale=true"),
            Seed = 3,
            Balls = [Of("sgd", "lr=0.3", "batch (b = 256)")],
        };
        var batch = Of("sgd", "lr=0.3", "batch (b = 256)");
        var mini = Of("sgd", "lr=0.3", "mini-batch (b = 32)", batchSize: 32);
        var stochastic = Of("sgd", "lr=0.3", "stochastic (b = 1)", batchSize: 1);
        return new Lesson(1, "minibatch", "Batch, mini-batch and stochastic gradient descent",
            "One step per batch: all m examples, 32 of them, or one; smooth, noisy or very noisy descent.",
            [
                new("Batch gradient descent: each step averages all 256 examples; a smooth path and loss curve",
                    scene, 60, LessonPanels.LossPlot),
                new("Mini-batches of 32, eight steps per pass: each batch's loss is a noisy curve that still falls",
                    scene with { Balls = [mini] }, 120, LessonPanels.LossPlot | LessonPanels.BatchOverlay),
                new("Side by side, b = 256, 32, 1: the smaller the batch, the noisier the path; b = 1 never settles",
                    scene with { Balls = [batch, mini, stochastic] }, 150, LessonPanels.LossPlot | LessonPanels.BatchOverlay),
                new("A smaller learning rate shrinks the noise around the minimum, and slows every ball down",
                    scene with { Balls = [.. new[] { batch, mini, stochastic }.Select(b => b with { Params = Values("lr=0.1") })] },
                    600, LessonPanels.LossPlot | LessonPanels.BatchOverlay),
            ]);
    }
}
