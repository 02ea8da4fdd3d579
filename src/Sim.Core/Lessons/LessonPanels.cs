namespace Sim.Core.Lessons;

/// <summary>
/// The panels a lesson step asks the window to draw beside the landscape. Core only names them;
/// each says where its data is, so the window needs no lesson-specific code.
/// </summary>
[Flags]
public enum LessonPanels
{
    None = 0,

    /// <summary>Each ball's loss against steps: <c>Ball.BatchLoss</c> (the mini-batch's, noisy) and <c>Ball.Loss</c> (full batch).</summary>
    LossPlot = 1,

    /// <summary>Each ball's learning rate against steps, after the schedule (<c>Ball.LearningRate</c>).</summary>
    LearningRatePlot = 2,

    /// <summary>The step's <see cref="LessonStep.Ema"/> figure: a noisy series and its exponentially weighted averages.</summary>
    EmaPlot = 4,

    /// <summary>Each ball's step length |Δp| against steps, and per-coordinate state such as Hinton's gains (optimizer slots).</summary>
    StepSizePlot = 8,

    /// <summary>The Hessian's eigenvalues and directions under each ball (<c>Landscape.Hessian</c>): up, down or flat.</summary>
    Curvature = 16,

    /// <summary>The race's ranking, <c>Leaderboard.Of(world)</c>: steps to reach a minimum, then running, then diverged.</summary>
    Leaderboard = 32,

    /// <summary>Each ball's batch size on its label and its mini-batch gradient (<c>Ball.Gradient</c>) beside the full one.</summary>
    BatchOverlay = 64,

    /// <summary>A network scene: each ball's decision boundary over the data, the misclassified points marked (<c>DecisionGrid</c>).</summary>
    DecisionBoundary = 128,

    /// <summary>A network scene: each ball's train (and test) accuracy against epoch (<c>AccuracyHistory</c>).</summary>
    Accuracy = 256,

    /// <summary>A network scene: the Hessian's whole eigenvalue spectrum at the selected ball, its index and λmax against 2/lr (<c>HessianSpectrum</c>).</summary>
    Spectrum = 512,

    /// <summary>The selected ball's basin map over the surface (<c>sim basins</c>'s map, with the ball's settings).</summary>
    BasinMap = 1024,
}
