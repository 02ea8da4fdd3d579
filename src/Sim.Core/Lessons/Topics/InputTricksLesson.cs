using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Hinton 6b: shifting, scaling and decorrelating the inputs turns a ravine into a round bowl.</summary>
internal static class InputTricksLesson
{
    // Inputs with mean 5, standard deviations 1 and 1/3, correlation 0.8: condition number 184 raw,
    // 27 shifted, 8.9 shifted and scaled, 1 with all three tricks.
    private const string Data = "offset=5, scale_ratio=3, correlation=0.8";

    public static Lesson Create()
    {
        // Each step's rate is about 0.9/λmax of its own surface, the largest that does not bounce
        // across the steepest direction, so the steps compare surfaces, not tuning.
        static Scenario Scene(string tricks, string lr) => new()
        {
            Title = "A bag of tricks: shift, scale and decorrelate the inputs",
            Landscape = "linreg",
            LandscapeParams = Values($"{Data}, {tricks}"),
            Balls = [Of("sgd", $"lr={lr}", $"gradient descent, lr = {lr}")],
        };
        const LessonPanels Panels = LessonPanels.Curvature | LessonPanels.LossPlot;
        return new Lesson(2, "inputs", "A bag of tricks: shift, scale and decorrelate the inputs",
            "The same data, preprocessed: the error surface goes from a long ravine to a round bowl.",
            [
                new("Raw inputs (mean 5, correlated, unequal scales): a ravine, condition number 184; descent crawls",
                    Scene("", "0.018"), 300, Panels),
                new("Shift: subtract each input's mean; the worst stretch goes, the condition number drops to 27",
                    Scene("center=true", "0.85"), 300, Panels),
                new("Scale: divide each input by its standard deviation; condition number 8.9",
                    Scene("center=true, scale=true", "0.5"), 300, Panels),
                new("Decorrelate (PCA): a round bowl, condition number 1; every gradient points at the minimum",
                    Scene("center=true, scale=true, decorrelate=true", "0.9"), 300, Panels),
            ]);
    }
}
