using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>
/// Ng C2W2: exponentially weighted averages and their bias correction, on noisy temperatures in
/// the plot and, on the landscape, inside Ng's momentum, whose velocity is such an average.
/// </summary>
internal static class EmaLesson
{
    public static Lesson Create()
    {
        var scene = new Scenario
        {
            Title = "Exponentially weighted averages",
            Landscape = "quadratic",
            LandscapeParams = Values("condition=10"),
            Balls = [Of("momentum", "lr=0.1, beta=0.9", "momentum, β = 0.9")],
        };
        static BallSpec Momentum(double beta, bool corrected) =>
            Of("momentum", $"lr=0.1, beta={beta}, bias_correction={(corrected ? "true" : "false")}",
                $"momentum, β = {beta}{(corrected ? ", corrected" : "")}");
        double[] three = [0.5, 0.9, 0.98];
        return new Lesson(3, "ema", "Exponentially weighted averages and bias correction",
            "v = β·v + (1 − β)·θ averages about 1/(1 − β) recent values; dividing by 1 − β^t fixes its start.",
            [
                new("Noisy temperatures θ and v_t = β·v_{t−1} + (1 − β)·θ_t with β = 0.9: an average over ~10 days",
                    scene, 40, LessonPanels.EmaPlot, new EmaFigure([0.9], ShowUncorrected: true, ShowCorrected: false)),
                new("β = 0.5, 0.9, 0.98 average about 2, 10, 50 days: larger β is smoother but lags behind",
                    scene with { Balls = [.. three.Select(b => Momentum(b, false))] }, 60, LessonPanels.EmaPlot,
                    new EmaFigure(three, ShowUncorrected: true, ShowCorrected: false)),
                new("From v₀ = 0, v₁ = (1 − β)·θ₁: with β = 0.98 the average starts far too low, and momentum crawls",
                    scene with { Balls = [Momentum(0.98, false)] }, 30, LessonPanels.EmaPlot | LessonPanels.StepSizePlot,
                    new EmaFigure([0.98], ShowUncorrected: true, ShowCorrected: false)),
                new("Bias correction v_t / (1 − β^t) starts on the data; its effect fades as β^t goes to 0",
                    scene with { Balls = [Momentum(0.98, false), Momentum(0.98, true)] }, 30, LessonPanels.EmaPlot | LessonPanels.StepSizePlot,
                    new EmaFigure([0.98], ShowUncorrected: true, ShowCorrected: true)),
            ]);
    }
}
