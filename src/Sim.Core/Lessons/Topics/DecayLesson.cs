using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>Ng C2W2: learning-rate decay lets mini-batch descent settle instead of wandering around the minimum.</summary>
internal static class DecayLesson
{
    public static Lesson Create()
    {
        // A round bowl and mini-batches of 8 (32 steps per epoch): at a constant rate the ball keeps
        // wandering in a cloud around the minimum; each schedule shrinks the cloud in its own way.
        var scene = new Scenario
        {
            Title = "Learning-rate decay",
            Landscape = "linreg",
            LandscapeParams = Values("center=true, scale=true, decorrelate=true, noise=1"),
            BatchSize = 8,
            Seed = 4,
            Balls = [Of("sgd", "lr=0.3", "sgd, b = 8")],
        };
        static Scenario With(Scenario s, string schedule, string parameters) =>
            s with { Schedule = schedule, ScheduleParams = Values(parameters) };
        const LessonPanels Panels = LessonPanels.LearningRatePlot | LessonPanels.LossPlot;
        const int Steps = 640; // 20 epochs
        return new Lesson(8, "decay", "Learning-rate decay",
            "A large rate early to travel, a small one late to settle: each schedule, with its plot.",
            [
                new("Constant rate: mini-batch noise keeps the ball wandering around the minimum; it never settles",
                    scene, Steps, Panels),
                new("lr = lr₀ / (1 + decay_rate·epoch): the course's schedule; here decay_rate = 1",
                    With(scene, "inverse_time", "decay_rate=1"), Steps, Panels),
                new("Exponential decay lr = lr₀·0.8^epoch: fast at first, then tiny steps",
                    With(scene, "exponential", "decay_rate=0.8"), Steps, Panels),
                new("lr = lr₀·k / √(epoch + 1): a slower decay; the ball still wanders, less each epoch",
                    With(scene, "inverse_sqrt", "k=1"), Steps, Panels),
                new("Staircase: halve the rate every 4 epochs; the wandering shrinks in jumps",
                    With(scene, "staircase", "decay_rate=0.5, interval=4"), Steps, Panels),
                new("lr = lr₀ / (1 + decay_rate·⌊epoch / 4⌋): the course lab's fixed-interval schedule",
                    With(scene, "fixed_interval", "decay_rate=1, interval=4"), Steps, Panels),
            ]);
    }
}
