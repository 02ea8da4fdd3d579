using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Every optimizer from one start on three classic test functions, ranked by steps to the minimum.</summary>
internal static class RaceLesson
{
    // Learning rates per landscape, tuned so that every ball gets somewhere and none diverges.
    // Each optimizer's rate is the fastest of a coarse grid (1e-4 to 5) to reach the minimum from
    // the landscape's default start without diverging, preferring rates whose neighbours are safe
    // too. AdamW's decay is cut to 0.001: at its default 0.01 it pulls the ball off the minimum
    // far enough never to arrive.
    private static readonly (string Landscape, string Caption, int RunSteps, (string Optimizer, string Params)[] Balls)[] Races =
    [
        ("rosenbrock", "Rosenbrock: the valley is easy to find and long to follow; who gets to (1, 1) first?", 15000,
        [
            ("sgd", "lr=0.002"), ("momentum", "lr=0.01"), ("rmsprop", "lr=0.002"), ("adam", "lr=0.1"),
            ("adamw", "lr=0.05, weight_decay=0.001"), ("adamax", "lr=0.1"), ("nadam", "lr=0.01"), ("radam", "lr=0.005"),
            ("adagrad", "lr=0.5"), ("adadelta", "lr=0.02"), ("rprop", "lr=0.01"), ("gains", "lr=0.001"),
        ]),
        ("beale", "Beale: flat plateaus and steep walls; one rate rarely suits both, sign-based Rprop shrugs", 4000,
        [
            ("sgd", "lr=0.01"), ("momentum", "lr=0.02"), ("rmsprop", "lr=0.1"), ("adam", "lr=0.2"),
            ("adamw", "lr=0.2, weight_decay=0.001"), ("adamax", "lr=0.5"), ("nadam", "lr=0.2"), ("radam", "lr=0.01"),
            ("adagrad", "lr=1"), ("adadelta", "lr=0.1"), ("rprop", "lr=0.01"), ("gains", "lr=0.01"),
        ]),
        ("himmelblau", "Himmelblau: four equal minima and a gentle bowl; from (0, 0) the race is short", 600,
        [
            ("sgd", "lr=0.01"), ("momentum", "lr=0.01"), ("rmsprop", "lr=0.05"), ("adam", "lr=0.1"),
            ("adamw", "lr=0.1, weight_decay=0.001"), ("adamax", "lr=0.1"), ("nadam", "lr=0.1"), ("radam", "lr=0.05"),
            ("adagrad", "lr=0.5"), ("adadelta", "lr=1"), ("rprop", "lr=0.01"), ("gains", "lr=0.01"),
        ]),
    ];

    public static Lesson Create() => new(10, "race", "The race",
        "Every optimizer from one start on Rosenbrock, Beale and Himmelblau, with a leaderboard of steps to the minimum.",
        [
            .. Races.Select(race => new LessonStep(race.Caption,
                new Scenario
                {
                    Title = $"The race: {race.Landscape}",
                    Landscape = race.Landscape,
                    Balls = [.. race.Balls.Select(b => Of(b.Optimizer, b.Params, $"{b.Optimizer} (lr {Values(b.Params)["lr"]})"))],
                },
                race.RunSteps, LessonPanels.Leaderboard | LessonPanels.LossPlot)),
        ]);
}
