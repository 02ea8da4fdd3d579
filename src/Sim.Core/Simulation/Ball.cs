using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;

namespace Sim.Core.Simulation;

/// <summary>
/// One optimizer rolling on the landscape: its rule and state, where it is and where it was,
/// the gradient and update of its last step (for arrows), and whether it still runs.
/// </summary>
public sealed class Ball
{
    private readonly double[] parameters = new double[2];
    private readonly double[] gradient = new double[2];

    public Ball(string label, Colour colour, Optimizer optimizer, Point2 start, int trailLength = 1024)
    {
        Label = label;
        Colour = colour;
        Optimizer = optimizer;
        Start = start;
        Trail = new Trail(trailLength);
        State = optimizer.Init<double>(2);
    }

    public string Label { get; }
    public Colour Colour { get; }
    public Optimizer Optimizer { get; private set; }
    public OptimizerState<double> State { get; private set; }
    public Trail Trail { get; }

    /// <summary>Where the ball starts after a reset.</summary>
    public Point2 Start { get; set; }

    /// <summary>
    /// Examples per mini-batch for this ball alone, on a data landscape; null follows the world's.
    /// Lets batch, mini-batch and stochastic descent run side by side in one scene.
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>Switched off balls (number keys) keep their place and state but do not step.</summary>
    public bool Enabled { get; set; } = true;

    public Point2 Position => new(parameters[0], parameters[1]);

    /// <summary>Position before the last step, for drawing between fixed steps.</summary>
    public Point2 Previous { get; private set; }

    /// <summary>The gradient the last step used (of its mini-batch on a data landscape).</summary>
    public Point2 Gradient => new(gradient[0], gradient[1]);

    /// <summary>The last step taken: position minus previous position.</summary>
    public Point2 Update => new(parameters[0] - Previous.X, parameters[1] - Previous.Y);

    /// <summary>Full-batch loss at <see cref="Position"/>.</summary>
    public double Loss { get; private set; }

    /// <summary>
    /// Loss of the mini-batch the last step used, at the position the step started from: the noisy
    /// cost curve of Ng's mini-batch lecture. The full-batch loss there on an analytic landscape.
    /// </summary>
    public double BatchLoss { get; private set; }

    /// <summary>Learning rate of the last step, after the schedule.</summary>
    public double LearningRate { get; private set; }

    public int Steps { get; private set; }
    public int Epoch { get; private set; }
    public BallStatus Status { get; private set; }

    /// <summary>The step at which the ball reached a minimum, if it has.</summary>
    public int? ConvergedAt { get; private set; }

    /// <summary>Why the ball diverged, for its label ("loss not finite").</summary>
    public string? DivergedReason { get; private set; }

    /// <summary>
    /// Carries on with other hyperparameters of the same optimizer (a new learning rate, betas,
    /// momentum), keeping its state and position: the run goes on, it does not restart.
    /// </summary>
    public void Reconfigure(Optimizer optimizer)
    {
        if (optimizer.GetType() != Optimizer.GetType())
            throw new InputError($"cannot change {Optimizer.Name} into {optimizer.Name} mid-run; reset the ball instead");
        Optimizer = optimizer;
    }

    /// <summary>This ball's own mini-batches when it has its own <see cref="BatchSize"/> on a data landscape.</summary>
    internal MiniBatches? OwnBatches { get; private set; }

    /// <summary>Whether the last step's gradient came from fewer examples than the whole data set.</summary>
    internal bool SteppedOnMiniBatch { get; private set; }

    internal void Reset(Landscape landscape, MiniBatches? ownBatches)
    {
        parameters[0] = Start.X;
        parameters[1] = Start.Y;
        gradient[0] = gradient[1] = 0;
        Previous = Start;
        State = Optimizer.Init<double>(2);
        OwnBatches = ownBatches;
        Loss = landscape.Value(Start.X, Start.Y);
        BatchLoss = Loss;
        LearningRate = Optimizer.LearningRate;
        Steps = Epoch = 0;
        Status = BallStatus.Running;
        ConvergedAt = null;
        DivergedReason = null;
        SteppedOnMiniBatch = false;
        Trail.Clear();
        Trail.Add(Start);
    }

    /// <summary>
    /// One optimizer step at learning rate <paramref name="lr"/> (the world's <see cref="World.NextLearningRate"/>)
    /// in <paramref name="epoch"/>. On a data landscape the gradient is that of a mini-batch: the ball's own
    /// when it has its own batch size, else the world's <paramref name="sharedBatch"/> of this step.
    /// On an analytic landscape it is the full gradient.
    /// </summary>
    internal void Advance(Landscape landscape, double lr, ReadOnlySpan<int> sharedBatch, int epoch)
    {
        Previous = Position;
        Epoch = epoch;
        if (landscape.ExampleCount > 0)
        {
            var batch = OwnBatches is { } own ? own.Next() : sharedBatch;
            SteppedOnMiniBatch = batch.Length < landscape.ExampleCount;
            BatchLoss = landscape.BatchValue(parameters[0], parameters[1], batch);
            landscape.BatchGradient(parameters[0], parameters[1], batch, out gradient[0], out gradient[1]);
        }
        else
        {
            BatchLoss = Loss;
            landscape.Gradient(parameters[0], parameters[1], out gradient[0], out gradient[1]);
        }
        LearningRate = lr;
        Optimizer.Step(State, parameters, gradient, LearningRate);
        Steps++;
        Loss = landscape.Value(parameters[0], parameters[1]);
        Trail.Add(Position);
    }

    internal void Diverge(string reason)
    {
        Status = BallStatus.Diverged;
        DivergedReason = reason;
    }

    internal void Converge()
    {
        Status = BallStatus.Converged;
        ConvergedAt = Steps;
    }
}
