using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Scenarios;
using static Sim.Core.Lessons.BallSpecs;

namespace Sim.Core.Lessons;

/// <summary>
/// Ng C2W2's "problem of local optima", shown on a real network instead of said: a tanh network
/// started from tiny weights sits at the saddle of the origin (every hidden unit 0, the loss ln 2),
/// whose Hessian has as many directions curving down as up; then a second plateau; and a deeper
/// network's flatter saddle.
/// </summary>
internal static class NetworkSaddleLesson
{
    /// <summary>He-initialised weights times <paramref name="scale"/>: next to the origin's saddle, not on it.</summary>
    private static NetworkScene Tiny(IReadOnlyList<int> layers, double scale)
    {
        var shape = new NetworkArchitecture(layers, Activation.Tanh);
        var weights = NetworkWeights.HeInitialized(shape, 1);
        for (int k = 0; k < weights.Length; k++) weights[k] *= scale;
        return new NetworkScene(new DataSource(LabC2W2.DataName), layers, Activation.Tanh, WeightsJson: NetworkWeights.ToJson(shape, weights));
    }

    public static Lesson Create()
    {
        var scene = new Scenario
        {
            Title = "Saddles in high dimensions",
            Network = Tiny([2, 16, 1], 1e-3),
            Balls = [Of("sgd", "lr=0.5", "gradient descent")],
        };
        var escapers = new[]
        {
            Of("sgd", "lr=0.5", "gradient descent"),
            Of("sgd", "lr=0.5, momentum=0.9", "momentum 0.9"),
            Of("rmsprop", "lr=0.01", "rmsprop"),
            Of("adam", "lr=0.01", "adam"),
        };
        const LessonPanels Panels = LessonPanels.Spectrum | LessonPanels.LossPlot;
        return new Lesson(13, "highsaddles", "Saddles in high dimensions",
            "A network from tiny weights starts at a saddle, not a minimum: the Hessian's spectrum shows the ways down.",
            [
                new("Tiny tanh weights: loss ln 2 = 0.693, and 16 of 65 eigenvalues are negative, one a unit: a saddle",
                    scene, 20, Panels),
                new("Who leaves the saddle first: RMSprop in 2 steps, momentum and Adam by 20, plain descent after 40",
                    scene with { Balls = escapers }, 100, Panels),
                new("Then a second plateau at loss 0.33, a straight boundary: Adam leaves by step 800, GD not in 3,000",
                    scene with { Balls = [escapers[0], escapers[3]] }, 3_000, Panels | LessonPanels.DecisionBoundary),
                new("Two hidden layers, flatter at the origin: plain descent takes some 350 steps to leave, RMSprop 4",
                    scene with { Network = Tiny([2, 8, 8, 1], 1e-2), Balls = escapers }, 400, Panels),
            ]);
    }
}
