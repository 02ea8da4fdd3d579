using Sim.Core.Data;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;
using Sim.Core.Simulation;

namespace Sim.Core.Networks;

/// <summary>One row of a training run: after <see cref="Epoch"/> passes over the data and <see cref="Steps"/> optimizer steps.</summary>
public readonly record struct EpochRecord(int Epoch, int Steps, double Loss, double Accuracy, double TestLoss, double TestAccuracy);

/// <summary>
/// Trains one network as <c>sim train</c> does: a <see cref="World"/> with one ball on the
/// network's objective, so mini-batches, schedules and the optimizer's rule are exactly those of
/// every other scene (shuffled per epoch with the seed, ⌈m/b⌉ steps per epoch, the learning rate
/// of epoch e from the schedule). The ball follows its run anywhere; a step that makes a parameter
/// non-finite ends it.
/// </summary>
public sealed class NetworkTraining
{
    private readonly NetworkObjective objective;
    private readonly NetworkObjective? test;

    public NetworkTraining(NetworkObjective objective, Optimizer optimizer, ReadOnlySpan<double> initial, Schedule schedule,
        int batchSize, ulong seed, NetworkObjective? test = null)
    {
        this.objective = objective;
        this.test = test;
        var ball = Ball.OfParameters(optimizer.Name, Colour.Palette[0], optimizer, initial, trailLength: 2);
        World = new World(objective, [ball], schedule, batchSize, seed) { FollowAnywhere = true };
    }

    public World World { get; }
    public Ball Ball => World.Balls[0];

    /// <summary>⌈m/b⌉: optimizer steps per pass over the data.</summary>
    public int StepsPerEpoch => (objective.ExampleCount + World.BatchSize - 1) / World.BatchSize;

    /// <summary>Whether the run goes on (no parameter has become non-finite).</summary>
    public bool Running => Ball.Status == BallStatus.Running;

    /// <summary>Loss and accuracy over the whole data set (and the test set) with the weights now.</summary>
    public EpochRecord Record(int epoch)
    {
        var (loss, accuracy) = objective.Evaluate(Ball.ParameterVector);
        var (testLoss, testAccuracy) = test is null ? (double.NaN, double.NaN) : test.Evaluate(Ball.ParameterVector);
        return new EpochRecord(epoch, Ball.Steps, loss, accuracy, testLoss, testAccuracy);
    }

    /// <summary>One pass over the data; stops early when the ball diverges.</summary>
    public void RunEpoch()
    {
        for (int s = StepsPerEpoch; s > 0 && Running; s--) World.Advance();
    }

    /// <summary>Epoch 0's record, then one after each of <paramref name="epochs"/> epochs, until the end or divergence.</summary>
    public void Run(int epochs, Action<EpochRecord> onEpoch)
    {
        onEpoch(Record(0));
        for (int e = 1; e <= epochs && Running; e++)
        {
            RunEpoch();
            onEpoch(Record(e));
        }
    }
}
