using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Planes;

namespace Sim.Core.Simulation;

/// <summary>
/// One optimizer rolling on an objective: its rule and state, its parameter vector (x, y on a 2-D
/// landscape; every weight and bias of a network) and where it was, the gradient and update of its
/// last step (for arrows), and whether it still runs.
/// </summary>
public sealed class Ball
{
    private readonly double[] parameters, gradient, previous, start;
    private IObjective? objective; // for the full loss, evaluated when first read after a step
    private double loss;
    private bool lossKnown;
    private WeightPlane? plane; // a longer vector's drawing plane: Position and the rest are projections onto it
    private Point2 projected, projectedPrevious, projectedGradient;

    /// <summary>A ball on a 2-D landscape, starting at <paramref name="start"/>.</summary>
    public Ball(string label, Colour colour, Optimizer optimizer, Point2 start, int trailLength = 1024)
        : this(label, colour, optimizer, [start.X, start.Y], trailLength)
    {
    }

    /// <summary>A ball on an objective of <paramref name="start"/>.Length parameters (a network's weights), with an optional <see cref="BatchSize"/> of its own.</summary>
    public static Ball OfParameters(string label, Colour colour, Optimizer optimizer, ReadOnlySpan<double> start, int trailLength = 1024, int? batchSize = null) =>
        new(label, colour, optimizer, start.ToArray(), trailLength) { BatchSize = batchSize };

    private Ball(string label, Colour colour, Optimizer optimizer, double[] start, int trailLength)
    {
        if (start.Length < 2) throw new ArgumentException("a ball needs at least two parameters", nameof(start));
        Label = label;
        Colour = colour;
        Optimizer = optimizer;
        this.start = start;
        parameters = (double[])start.Clone();
        gradient = new double[start.Length];
        previous = (double[])start.Clone();
        Trail = new Trail(trailLength);
        if (start.Length > 2) History = new WeightHistory(start.Length, trailLength);
        State = optimizer.Init<double>(start.Length);
    }

    public string Label { get; set; }
    public Colour Colour { get; }
    public Optimizer Optimizer { get; private set; }
    public OptimizerState<double> State { get; private set; }
    public Trail Trail { get; }

    /// <summary>Where the ball starts after a reset, on a 2-D landscape (the first two parameters otherwise).</summary>
    public Point2 Start
    {
        get => new(start[0], start[1]);
        set
        {
            if (start.Length != 2) throw new InvalidOperationException($"a ball of {start.Length} parameters has no 2-D start to set");
            (start[0], start[1]) = (value.X, value.Y);
        }
    }

    /// <summary>Length n of the parameter vector: 2 on a landscape.</summary>
    public int ParameterCount => parameters.Length;

    /// <summary>The whole parameter vector now (a view, valid until the next step).</summary>
    public ReadOnlySpan<double> ParameterVector => parameters;

    /// <summary>The whole parameter vector after a reset.</summary>
    public ReadOnlySpan<double> StartVector => start;

    /// <summary>The whole gradient the last step used.</summary>
    public ReadOnlySpan<double> GradientVector => gradient;

    /// <summary>
    /// Examples per mini-batch for this ball alone, on a data landscape; null follows the world's.
    /// Lets batch, mini-batch and stochastic descent run side by side in one scene.
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>Switched off balls (number keys) keep their place and state but do not step.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// (x, y) on a 2-D landscape. A longer vector (a network's weights) is at its projection (a, b) onto
    /// the world's drawing <see cref="Plane"/> (<see cref="WeightPlane.Project"/>); without a plane, its first two parameters.
    /// </summary>
    public Point2 Position => plane is null ? new(parameters[0], parameters[1]) : projected;

    /// <summary>Position before the last step, for drawing between fixed steps.</summary>
    public Point2 Previous => plane is null ? new(previous[0], previous[1]) : projectedPrevious;

    /// <summary>The gradient the last step used (of its mini-batch on a data landscape); projected onto the plane of a longer vector.</summary>
    public Point2 Gradient => plane is null ? new(gradient[0], gradient[1]) : projectedGradient;

    /// <summary>The last step taken: position minus previous position.</summary>
    public Point2 Update => new(Position.X - Previous.X, Position.Y - Previous.Y);

    /// <summary>
    /// The plane a ball of more than two parameters is drawn on (<see cref="World.Show"/> sets it); null
    /// on a 2-D landscape and before a network scene is first drawn.
    /// </summary>
    public WeightPlane? Plane => plane;

    /// <summary>How far the weights are from <see cref="Plane"/> in weight space (|w − θ(a, b)|); NaN without a plane.</summary>
    public double OffPlaneDistance { get; private set; } = double.NaN;

    /// <summary>The last parameter vectors of a ball of more than two parameters (its trail in weight space); null on a 2-D landscape.</summary>
    public WeightHistory? History { get; }

    /// <summary>
    /// Full-batch loss at the current parameters. Evaluated when first read after a step, so a
    /// network trained on mini-batches pays for a pass over the whole data set only when asked.
    /// </summary>
    public double Loss
    {
        get
        {
            if (!lossKnown && objective is { } o)
            {
                loss = o.Value(parameters);
                lossKnown = true;
            }
            return loss;
        }
    }

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

    internal void Reset(IObjective objective, MiniBatches? ownBatches)
    {
        this.objective = objective;
        start.CopyTo(parameters, 0);
        start.CopyTo(previous, 0);
        Array.Clear(gradient);
        State = Optimizer.Init<double>(parameters.Length);
        OwnBatches = ownBatches;
        lossKnown = false;
        BatchLoss = Loss;
        LearningRate = Optimizer.LearningRate;
        Steps = Epoch = 0;
        Status = BallStatus.Running;
        ConvergedAt = null;
        DivergedReason = null;
        SteppedOnMiniBatch = false;
        Trail.Clear();
        if (parameters.Length == 2) Trail.Add(Start);
        History?.Clear();
        History?.Add(parameters, 0);
        Project(plane);
    }

    /// <summary>
    /// Draws a ball of more than two parameters on <paramref name="onto"/>: its position, previous
    /// position, gradient, off-plane distance and whole trail (from <see cref="History"/>) become
    /// projections onto it. Nothing of the simulation changes.
    /// </summary>
    internal void Project(WeightPlane? onto)
    {
        if (parameters.Length == 2 || onto is null) return;
        plane = onto;
        projected = onto.Project(parameters);
        projectedPrevious = onto.Project(previous);
        projectedGradient = onto.ProjectVector(gradient);
        OffPlaneDistance = onto.Distance(parameters);
        Trail.Clear();
        var history = History!;
        for (int i = 0; i < history.Count; i++) Trail.Add(onto.Project(history[i]));
    }

    /// <summary>
    /// One optimizer step at learning rate <paramref name="lr"/> (the world's <see cref="World.NextLearningRate"/>)
    /// in <paramref name="epoch"/>. On an objective with examples the gradient is that of a mini-batch: the
    /// ball's own when it has its own batch size, else the world's <paramref name="sharedBatch"/> of this step.
    /// On an analytic landscape it is the full gradient.
    /// </summary>
    internal void Advance(IObjective objective, double lr, ReadOnlySpan<int> sharedBatch, int epoch)
    {
        parameters.CopyTo(previous, 0);
        Epoch = epoch;
        if (objective.ExampleCount > 0)
        {
            var batch = OwnBatches is { } own ? own.Next() : sharedBatch;
            SteppedOnMiniBatch = batch.Length < objective.ExampleCount;
            BatchLoss = objective.BatchValueAndGradient(parameters, batch, gradient);
        }
        else
        {
            BatchLoss = Loss;
            objective.Gradient(parameters, gradient);
        }
        LearningRate = lr;
        Optimizer.Step(State, parameters, gradient, LearningRate);
        Steps++;
        lossKnown = false;
        if (parameters.Length == 2)
        {
            Trail.Add(Position);
            return;
        }
        History!.Add(parameters, Steps);
        if (plane is null) return;
        projectedPrevious = projected;
        projected = plane.Project(parameters);
        projectedGradient = plane.ProjectVector(gradient);
        OffPlaneDistance = plane.Distance(parameters);
        Trail.Add(projected);
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
