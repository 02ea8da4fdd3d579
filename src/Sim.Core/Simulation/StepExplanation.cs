using Sim.Core.Landscapes;

namespace Sim.Core.Simulation;

/// <summary>One per-parameter state array of the optimizer, before and after the explained step.</summary>
public readonly record struct SlotChange(string Name, Point2 Before, Point2 After);

/// <summary>
/// A ball's next update taken apart: the gradient, what each state slot (first moment, squared
/// average, velocity, gain, step size) becomes, the bias-correction factors, the per-axis scaling
/// the rule applies to lr·g, and the final step. Found by taking the step on a copy of the state,
/// so every rule stays written once, in its optimizer.
/// </summary>
public sealed record StepExplanation(
    int Step,
    double LearningRate,
    Point2 Gradient,
    bool FullBatch,
    IReadOnlyList<SlotChange> Slots,
    IReadOnlyList<(string Name, double Value)> Factors,
    Point2 Update)
{
    /// <summary>Update / (−lr·g) per axis: 1 for plain gradient descent, what RMSprop, Adam and the gains adapt.</summary>
    public Point2 Scaling => new(Ratio(Update.X, -LearningRate * Gradient.X), Ratio(Update.Y, -LearningRate * Gradient.Y));

    /// <summary>|update| / |g| per axis: the effective learning rate of each coordinate.</summary>
    public Point2 EffectiveLearningRate => new(Ratio(Math.Abs(Update.X), Math.Abs(Gradient.X)), Ratio(Math.Abs(Update.Y), Math.Abs(Gradient.Y)));

    /// <summary>
    /// Explains <paramref name="ball"/>'s next step in <paramref name="world"/> without taking it.
    /// On a data landscape the gradient shown is the full batch's, since the next mini-batch is
    /// not drawn yet (<see cref="FullBatch"/> says so).
    /// </summary>
    public static StepExplanation Of(World world, Ball ball)
    {
        var landscape = world.Landscape;
        var p = ball.Position;
        landscape.Gradient(p.X, p.Y, out var gx, out var gy);
        double lr = world.NextLearningRate(ball);
        var state = ball.State.Clone();
        double[] parameters = [p.X, p.Y];
        ball.Optimizer.Step(state, parameters, [gx, gy], lr);
        var slots = new List<SlotChange>();
        for (int i = 0; i < state.Slots.Length; i++)
        {
            var before = new Point2(ball.State.Slots[i][0], ball.State.Slots[i][1]);
            var after = new Point2(state.Slots[i][0], state.Slots[i][1]);
            if (before != default || after != default) slots.Add(new SlotChange(ball.Optimizer.SlotNames[i], before, after));
        }
        return new StepExplanation(state.Step, lr, new Point2(gx, gy), landscape.ExampleCount > 0, slots,
            [.. ball.Optimizer.StepFactors(state.Step)], new Point2(parameters[0] - p.X, parameters[1] - p.Y));
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;
}
