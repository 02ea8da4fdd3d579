using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Hinton 6c and Ng C2W2: momentum damps the zigzag across a ravine and speeds up along it.</summary>
internal static class MomentumLesson
{
    public static Lesson Create()
    {
        // A ravine 100 times steeper across (y) than along (x). Plain descent at lr = 0.019 has
        // lr·λmax = 1.9: each step overshoots the floor by 90%, and along x it keeps 98% of the way.
        var scene = new Scenario
        {
            Title = "Momentum",
            Landscape = "quadratic",
            LandscapeParams = Values("condition=100"),
            Start = new Point2(-2.5, 1.5),
            Balls = [Of("sgd", "lr=0.019", "gradient descent")],
        };
        var plain = scene.Balls[0];
        var heavy = Of("sgd", "lr=0.004, momentum=0.9", "heavy ball, μ = 0.9");
        // Ng's average is damped by 1 − β, so his lr is the heavy ball's ×10: at 0.04 it is stable
        // where plain descent, at twice its own rate, would diverge.
        var ng = Of("momentum", "lr=0.04, beta=0.9", "Ng's momentum, β = 0.9");
        var nesterov = Of("sgd", "lr=0.004, momentum=0.9, nesterov=true", "Nesterov, μ = 0.9");
        var tooMuch = Of("sgd", "lr=0.004, momentum=0.99", "heavy ball, μ = 0.99");
        const LessonPanels Panels = LessonPanels.LossPlot | LessonPanels.StepSizePlot;
        return new Lesson(4, "momentum", "Momentum",
            "A ball rolling on the surface: velocity builds up along the valley floor while the swings across it cancel.",
            [
                new("Plain gradient descent: the rate the steep walls allow zigzags across the ravine, crawls along it",
                    scene, 80, Panels),
                new("Heavy ball (Hinton 6c): the gradient changes the velocity, not the position; speed builds up",
                    scene with { Balls = [plain, heavy] }, 80, Panels),
                new("Ng's form: step along an average of the gradients; swings cancel, so twice the rate is safe",
                    scene with { Balls = [plain, ng] }, 80, Panels),
                new("Nesterov: jump along the velocity first, then correct with the gradient there; less overshoot",
                    scene with { Balls = [plain, heavy, nesterov] }, 80, Panels),
                new("Too much momentum (μ = 0.99): the ball overshoots and circles the minimum for a long time",
                    scene with { Balls = [heavy, tooMuch] }, 200, Panels),
            ]);
    }
}
