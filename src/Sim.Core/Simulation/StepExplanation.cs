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
    /// <summary>Examples in the batch the gradient is of: the data set's size at full batch, 0 on an analytic landscape.</summary>
    public int BatchSize { get; init; }

    /// <summary>Update / (−lr·g) per axis: 1 for plain gradient descent, what RMSprop, Adam and the gains adapt.</summary>
    public Point2 Scaling => new(Ratio(Update.X, -LearningRate * Gradient.X), Ratio(Update.Y, -LearningRate * Gradient.Y));

    /// <summary>|update| / |g| per axis: the effective learning rate of each coordinate.</summary>
    public Point2 EffectiveLearningRate => new(Ratio(Math.Abs(Update.X), Math.Abs(Gradient.X)), Ratio(Math.Abs(Update.Y), Math.Abs(Gradient.Y)));

    /// <summary>
    /// Explains <paramref name="ball"/>'s next step in <paramref name="world"/> without taking it: the
    /// gradient is the one that step will use (on a data landscape, of the very batch it will be drawn,
    /// found by peeking at the batch order), so the explained step is the step then taken.
    /// </summary>
    public static StepExplanation Of(World world, Ball ball)
    {
        IObjective objective = world.Landscape;
        var p = ball.Position;
        double[] parameters = [p.X, p.Y], gradient = new double[2];
        int examples = world.Landscape.ExampleCount, batchSize = 0;
        if (examples > 0)
        {
            var batch = new int[examples];
            batchSize = world.NextBatch(ball, batch);
            objective.BatchValueAndGradient(parameters, batch.AsSpan(0, batchSize), gradient);
        }
        else objective.Gradient(parameters, gradient);
        var g = new Point2(gradient[0], gradient[1]);
        double lr = world.NextLearningRate(ball);
        var state = ball.State.Clone();
        ball.Optimizer.Step(state, parameters, gradient, lr);
        var slots = new List<SlotChange>();
        for (int i = 0; i < state.Slots.Length; i++)
        {
            var before = new Point2(ball.State.Slots[i][0], ball.State.Slots[i][1]);
            var after = new Point2(state.Slots[i][0], state.Slots[i][1]);
            if (before != default || after != default) slots.Add(new SlotChange(ball.Optimizer.SlotNames[i], before, after));
        }
        return new StepExplanation(state.Step, lr, g, examples > 0 && batchSize == examples, slots,
            [.. ball.Optimizer.StepFactors(state.Step)], new Point2(parameters[0] - p.X, parameters[1] - p.Y)) { BatchSize = batchSize };
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;
}
