namespace Sim.Render.Classroom;

/// <summary>What the EMA panel's averages are of, when the scene brings no figure of its own.</summary>
public enum EmaSeries
{
    /// <summary>The x component of the selected ball's gradient, step by step.</summary>
    GradientX,
    /// <summary>|g|, the size of the selected ball's gradient.</summary>
    GradientNorm,
}

/// <summary>
/// The EMA panel on a live ball (lesson 3's plot, in any scene): the averages v = β·v + (1 − β)·θ of
/// one series of the selected ball's gradients for β = 0.5, 0.9 and 0.98, without or with bias correction.
/// </summary>
public readonly record struct LiveEma(EmaSeries Series, bool BiasCorrected)
{
    public static ReadOnlySpan<double> Betas => [0.5, 0.9, 0.98];

    /// <summary>The next of the four views: x, x corrected, |g|, |g| corrected, then x again.</summary>
    public LiveEma Next() => BiasCorrected
        ? new LiveEma(Series == EmaSeries.GradientX ? EmaSeries.GradientNorm : EmaSeries.GradientX, false)
        : this with { BiasCorrected = true };

    public float Value(in StepSample sample) => Series == EmaSeries.GradientX ? sample.GradientX : sample.GradientNorm;

    public string Label => (Series, BiasCorrected) switch
    {
        (EmaSeries.GradientX, false) => "gradient x",
        (EmaSeries.GradientX, true) => "gradient x, bias-corrected",
        (_, false) => "|gradient|",
        _ => "|gradient|, bias-corrected",
    };
}
