using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Hinton 6d: a separate adaptive learning rate (a gain) for each connection.</summary>
internal static class GainsLesson
{
    public static Lesson Create()
    {
        // The same axis-aligned ravine as the momentum lesson, at a global rate safe for its steep
        // y (lr·λmax = 0.9), so x, 100 times flatter, moves 1% of the way per step.
        var ravine = new Scenario
        {
            Title = "A separate adaptive learning rate for each connection",
            Landscape = "quadratic",
            LandscapeParams = Values("condition=100"),
            Start = new Point2(-2.5, 1.5),
            Balls = [Of("sgd", "lr=0.009", "one global rate")],
        };
        var global = ravine.Balls[0];
        var gains = Of("gains", "lr=0.009", "gains");
        var gainsMomentum = Of("gains", "lr=0.009, momentum=0.9", "gains + momentum 0.9");
        // On regression data, mini-batches add sign flips that are only sampling noise.
        var data = new Scenario
        {
            Title = ravine.Title,
            Landscape = "linreg",
            LandscapeParams = Values("center=true, scale=true"),
            Seed = 2,
            Balls =
            [
                Of("gains", "lr=0.5", "gains, full batch"),
                Of("gains", "lr=0.5", "gains, b = 4", batchSize: 4),
            ],
        };
        const LessonPanels Panels = LessonPanels.StepSizePlot | LessonPanels.LossPlot;
        return new Lesson(5, "gains", "A separate adaptive learning rate for each connection",
            "Each weight's rate grows while its gradient keeps its sign and shrinks when it flips.",
            [
                new("One global rate must suit the steepest weight: y settles at once, flat x crawls 1% a step",
                    ravine, 150, Panels),
                new("Gains: +0.05 while a gradient keeps its sign, ×0.95 when it flips; x's gain grows, y's stays low",
                    ravine with { Balls = [global, gains] }, 150, Panels),
                new("Gains + momentum 0.9, as Hinton advises: it overshoots, its loss runs higher, yet it arrives first",
                    ravine with { Balls = [global, gains, gainsMomentum] }, 150, Panels),
                new("Mini-batches of 4 flip the gradient's sign by chance and shrink the gains: use full or big batches",
                    data, 300, Panels | LessonPanels.BatchOverlay),
            ]);
    }
}
