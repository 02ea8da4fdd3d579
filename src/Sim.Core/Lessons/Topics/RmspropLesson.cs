using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Hinton 6e: Rprop uses only the gradient's sign, which fails on mini-batches; RMSprop fixes that.</summary>
internal static class RmspropLesson
{
    public static Lesson Create()
    {
        var scene = new Scenario
        {
            Title = "Rprop and RMSprop",
            Landscape = "linreg",
            LandscapeParams = Values("center=true, scale=true"),
            Seed = 5,
            Balls = [Of("rprop", "lr=0.05", "rprop, full batch")],
        };
        var rpropFull = scene.Balls[0];
        var rpropMini = Of("rprop", "lr=0.05", "rprop, b = 8", batchSize: 8);
        var rmspropMini = Of("rmsprop", "lr=0.05, alpha=0.9", "rmsprop, b = 8", batchSize: 8);
        var ravine = new Scenario
        {
            Title = scene.Title,
            Landscape = "quadratic",
            LandscapeParams = Values("condition=100"),
            Start = new Point2(-2.5, 1.5),
            Balls = [Of("sgd", "lr=0.019", "gradient descent"), Of("rmsprop", "lr=0.05, alpha=0.9", "rmsprop, α = 0.9")],
        };
        const LessonPanels Panels = LessonPanels.LossPlot | LessonPanels.StepSizePlot;
        return new Lesson(6, "rmsprop", "Rprop and RMSprop",
            "Rprop steps by the gradient's sign with adaptive sizes; RMSprop divides by a running RMS, which also works on mini-batches.",
            [
                new("Rprop, full batch: only the sign counts; a step grows ×1.2 while its sign holds, halves on a flip",
                    scene, 150, Panels),
                new("Rprop on mini-batches: batch signs disagree and are not averaged; it stalls short of the minimum",
                    scene with { Balls = [rpropFull, rpropMini] }, 300, Panels | LessonPanels.BatchOverlay),
                new("RMSprop: divide the gradient by its running RMS; mini-batch gradients average out as in SGD",
                    scene with { Balls = [rpropMini, rmspropMini] }, 300, Panels | LessonPanels.BatchOverlay),
                new("RMSprop on a ravine (Ng): the steep direction's large RMS damps its swings, the flat one speeds up",
                    ravine, 100, Panels),
            ]);
    }
}
