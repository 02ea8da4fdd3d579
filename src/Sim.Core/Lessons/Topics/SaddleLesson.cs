using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Ng C2W2, the problem of local optima: in high dimensions, saddles and plateaus are what slow learning.</summary>
internal static class SaddleLesson
{
    public static Lesson Create()
    {
        var local = new Scenario
        {
            Title = "Local optima, saddle points and plateaus",
            Landscape = "rastrigin",
            Balls =
            [
                Of("sgd", "lr=0.002", "from (−3.3, 2.4)", new Point2(-3.3, 2.4)),
                Of("sgd", "lr=0.002", "from (1.6, −2.7)", new Point2(1.6, -2.7)),
                Of("sgd", "lr=0.002", "from (0.6, 0.4)", new Point2(0.6, 0.4)),
            ],
        };
        // Just off the ridge line y = 0 of x² − y²: descent first slides into the saddle along x,
        // then leaves it along y only as fast as y grows, ×(1 + 2·lr) a step.
        var saddle = new Scenario
        {
            Title = local.Title,
            Landscape = "saddle",
            Start = new Point2(-1.8, 1e-6),
            Balls = [Of("sgd", "lr=0.05", "gradient descent")],
        };
        var escapers = new[]
        {
            Of("sgd", "lr=0.05", "gradient descent"),
            Of("sgd", "lr=0.05, momentum=0.9", "momentum 0.9"),
            Of("rmsprop", "lr=0.05", "rmsprop"),
            Of("adam", "lr=0.05", "adam"),
        };
        var monkey = new Scenario
        {
            Title = local.Title,
            Landscape = "monkey_saddle",
            Start = new Point2(1.5, 1e-6),
            Balls = [.. escapers.Select(b => b with { Params = Values(b.Params.ContainsKey("momentum") ? "lr=0.02, momentum=0.9" : "lr=0.02") })],
        };
        var plateau = new Scenario
        {
            Title = local.Title,
            Landscape = "plateau",
            Balls =
            [
                Of("sgd", "lr=0.5", "gradient descent"),
                Of("sgd", "lr=0.5, momentum=0.9", "momentum 0.9"),
                Of("adam", "lr=0.05", "adam"),
                Of("rprop", "lr=0.05", "rprop"),
            ],
        };
        const LessonPanels Panels = LessonPanels.Curvature | LessonPanels.LossPlot;
        return new Lesson(9, "saddles", "Local optima, saddle points and plateaus",
            "Low-dimensional pictures are full of local minima; in high dimensions almost every flat point is a saddle.",
            [
                new("The 2-D picture: on Rastrigin, gradient descent stops in whichever local minimum is nearest",
                    local, 300, Panels),
                new("A saddle, up along x and down along y: started near the ridge, gradient descent slides in and sits",
                    saddle, 80, Panels),
                new("The others escape at once. With 20,000 weights nearly every flat point is a saddle, not a minimum",
                    saddle with { Balls = escapers }, 80, Panels),
                new("The monkey saddle: gradient and curvature both vanish at the centre; plain descent creeps to a stop",
                    monkey, 150, Panels),
                new("A plateau: the gradient is nearly zero; plain descent crawls, Adam and Rprop cross at full speed",
                    plateau, 200, Panels),
            ]);
    }
}
