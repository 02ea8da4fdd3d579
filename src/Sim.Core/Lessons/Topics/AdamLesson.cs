using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Ng C2W2: Adam is momentum plus RMSprop, and bias correction sets the size of its first steps.</summary>
internal static class AdamLesson
{
    public static Lesson Create()
    {
        var scene = new Scenario
        {
            Title = "Adam",
            Landscape = "quadratic",
            LandscapeParams = Values("condition=100"),
            Start = new Point2(-2.5, 1.5),
            Balls =
            [
                Of("momentum", "lr=0.019, beta=0.9", "momentum"),
                Of("rmsprop", "lr=0.05, alpha=0.999", "rmsprop"),
                Of("adam", "lr=0.05", "adam"),
            ],
        };
        var corrected = Of("adam", "lr=0.05", "adam, bias-corrected");
        var uncorrected = Of("adam", "lr=0.05, bias_correction=false", "adam, no bias correction");
        return new Lesson(7, "adam", "Adam, and what bias correction does to its first steps",
            "Adam steps along momentum's average of the gradient divided by RMSprop's RMS of it, both bias-corrected.",
            [
                new("Adam = momentum's average of g (β₁ = 0.9) divided by RMSprop's RMS of g (β₂ = 0.999)",
                    scene, 120, LessonPanels.LossPlot | LessonPanels.StepSizePlot),
                new("No bias correction: the first step is (1 − β₁)/√(1 − β₂) ≈ 3.16× larger, and the next ones grow",
                    scene with { Balls = [corrected, uncorrected] }, 20, LessonPanels.StepSizePlot),
                new("Those big early steps matter: from (0.5, −1.5) on Himmelblau they carry Adam to another minimum",
                    new Scenario
                    {
                        Title = scene.Title,
                        Landscape = "himmelblau",
                        Start = new Point2(0.5, -1.5),
                        Balls = [Of("adam", "lr=0.1", "adam, bias-corrected"), Of("adam", "lr=0.1, bias_correction=false", "adam, no bias correction")],
                    },
                    150, LessonPanels.StepSizePlot | LessonPanels.LossPlot),
            ]);
    }
}
