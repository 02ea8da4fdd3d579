using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>
/// Where does each optimizer end up? Himmelblau's four equal minima, and which one a start reaches
/// under plain descent, momentum and Adam, with and without bias correction and at a larger rate.
/// The percentages are over a 64 × 64 grid of starts, 500 steps each (<c>sim basins</c>; checked by
/// BasinsLessonClaimsTests).
/// </summary>
internal static class BasinsLesson
{
    /// <summary>One start from which the three rules end at three different minima.</summary>
    public static readonly Point2 ThreeWayStart = new(0.4, 4.2);

    public static Lesson Create()
    {
        var quarters = new Scenario
        {
            Title = "Where does each optimizer end up?",
            Landscape = "himmelblau",
            Balls =
            [
                Of("sgd", "lr=0.01", "from (2, 2)", new Point2(2, 2)),
                Of("sgd", "lr=0.01", "from (−2, 2)", new Point2(-2, 2)),
                Of("sgd", "lr=0.01", "from (−2, −2)", new Point2(-2, -2)),
                Of("sgd", "lr=0.01", "from (2, −2)", new Point2(2, -2)),
            ],
        };
        var threeWay = quarters with
        {
            Start = ThreeWayStart,
            Balls = [Of("sgd", "lr=0.01", "gradient descent"), Of("sgd", "lr=0.01, momentum=0.9", "momentum 0.9"), Of("adam", "lr=0.1", "adam")],
        };
        var biasCorrection = quarters with
        {
            Start = ThreeWayStart,
            Balls = [Of("adam", "lr=0.1", "adam"), Of("adam", "lr=0.1, bias_correction=false", "adam, no bias correction")],
        };
        var largerRate = quarters with
        {
            Start = ThreeWayStart,
            Balls = [Of("adam", "lr=0.1", "adam, lr 0.1"), Of("adam", "lr=0.5", "adam, lr 0.5")],
        };
        var border = threeWay with { Start = new Point2(4.8, 0.4) };
        const LessonPanels Panels = LessonPanels.LossPlot | LessonPanels.BasinMap;
        return new Lesson(11, "basins", "Where does each optimizer end up?",
            "Himmelblau's four equal minima: which one each start reaches under gradient descent, momentum and Adam.",
            [
                new("Four equal minima: gradient descent rolls to the one whose basin it starts in", quarters, 300, Panels),
                new("One start, three rules, three minima: momentum overshoots, Adam takes even-sized steps", threeWay, 500, Panels),
                new("Over a grid of starts, momentum ends elsewhere than plain descent from 30%, Adam from 7%", border, 500, Panels, Select: 1),
                new("No bias correction: Adam's first steps are 3.2 × lr, and 19% of starts end elsewhere", biasCorrection, 500, Panels, Select: 1),
                new("Adam at lr 0.5 ends elsewhere than plain descent from 12% of starts; some still wander", largerRate, 500, Panels, Select: 1),
            ]);
    }
}
