using Sim.Core.Simulation;

namespace Sim.Render.Scene.Panels;

/// <summary>One part of a step, as the explainer plays it: what it shows and the caption said over it.</summary>
public enum ExplainerPart
{
    Gradient,
    Momentum,
    RootMeanSquare,
    BiasCorrection,
    Step,
    Landing,
}

/// <summary>
/// The parts of a ball's next step in the order the explainer plays them at a speaking pace, only those
/// its rule has: the gradient; momentum decaying and adding it; dividing by each axis's root mean square;
/// the bias corrections; the step; a ghost ball where it lands.
/// </summary>
public static class ExplainerParts
{
    /// <summary>How long each part stays on screen: a sentence said at a lecturer's pace.</summary>
    public const double SecondsEach = 3.5;

    private static readonly string[] MomentSlots = ["exp_avg", "momentum_buffer", "velocity"];
    private static readonly string[] SquareSlots = ["exp_avg_sq", "square_avg", "sum", "exp_inf", "acc_delta"];

    /// <summary>The parts of <paramref name="e"/>'s step, in order.</summary>
    public static ExplainerPart[] Of(StepExplanation e)
    {
        var parts = new List<ExplainerPart> { ExplainerPart.Gradient };
        if (e.Slots.Any(s => MomentSlots.Contains(s.Name))) parts.Add(ExplainerPart.Momentum);
        if (e.Slots.Any(s => SquareSlots.Contains(s.Name))) parts.Add(ExplainerPart.RootMeanSquare);
        if (e.Factors.Any(f => f.Value != 1)) parts.Add(ExplainerPart.BiasCorrection); // a factor of 1: correction off
        parts.Add(ExplainerPart.Step);
        parts.Add(ExplainerPart.Landing);
        return [.. parts];
    }

    /// <summary>Which part is on screen <paramref name="seconds"/> into the playback; the last stays.</summary>
    public static int At(double seconds, int count) => Math.Clamp((int)(seconds / SecondsEach), 0, count - 1);

    /// <summary>Whether the playback of <paramref name="count"/> parts is over (the whole explanation shows again).</summary>
    public static bool Over(double seconds, int count) => seconds >= (count + 1) * SecondsEach;

    /// <summary>The caption said over a part.</summary>
    public static string Caption(ExplainerPart part, StepExplanation e) => part switch
    {
        ExplainerPart.Gradient => e.BatchSize > 0 && !e.FullBatch
            ? $"1. the gradient g of the next mini-batch ({e.BatchSize} examples): downhill is −g (white)"
            : "1. the gradient g: downhill is −g, and plain descent would step −lr·g (white)",
        ExplainerPart.Momentum => "momentum: the running average decays (×β) and adds this g; −lr·m (grey) is where it points",
        ExplainerPart.RootMeanSquare => "each axis is divided by its own root mean square √v: a steep axis gets a small step, a flat one a large one",
        ExplainerPart.BiasCorrection => "bias correction: early averages start at zero, so they are divided by " +
            string.Join(" and ", e.Factors.Select(f => f.Name.Replace("-", "−"))),
        ExplainerPart.Step => "the step Δ the rule takes (coloured): compare it with −lr·g",
        _ => "where the ball will land (the ghost ring): press → to take the step",
    };
}
