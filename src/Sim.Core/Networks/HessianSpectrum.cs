namespace Sim.Core.Networks;

/// <summary>
/// The full-batch Hessian's eigenvalues (ascending) at one ball's weights after <see cref="Step"/>
/// steps, and what they say: the saddle's index (how many directions curve down) and the sharpest
/// curvature λmax, which gradient descent at learning rate lr only survives while λmax &lt; 2/lr.
/// </summary>
public sealed class HessianSpectrum
{
    /// <summary>
    /// An eigenvalue counts as negative below −<see cref="RelativeZero"/>·max|λ|: a relu network has exactly
    /// flat directions (dead units) whose eigenvalues come out as rounding noise of either sign.
    /// </summary>
    public const double RelativeZero = 1e-9;

    private readonly double[] values;

    /// <param name="eigenvalues">ascending; the spectrum keeps the array.</param>
    public HessianSpectrum(int ball, int step, double[] eigenvalues)
    {
        if (eigenvalues.Length == 0) throw new ArgumentException("a spectrum needs at least one eigenvalue", nameof(eigenvalues));
        Ball = ball;
        Step = step;
        values = eigenvalues;
        double largest = 0;
        foreach (var v in eigenvalues) largest = Math.Max(largest, Math.Abs(v));
        Zero = RelativeZero * largest;
        foreach (var v in eigenvalues)
            if (v < -Zero) NegativeCount++;
    }

    /// <summary>The ball's place in the world's list.</summary>
    public int Ball { get; }

    /// <summary>The ball's step count at the weights it was computed at.</summary>
    public int Step { get; }

    /// <summary>Ascending.</summary>
    public ReadOnlySpan<double> Eigenvalues => values;

    /// <summary>|λ| at or below this counts as zero.</summary>
    public double Zero { get; }

    /// <summary>Eigenvalues below −<see cref="Zero"/>: the index of the saddle (0 at a minimum).</summary>
    public int NegativeCount { get; }

    public double Max => values[^1];
    public double Min => values[0];

    /// <summary>Whether gradient descent at <paramref name="learningRate"/> is within its stability limit here: λmax &lt; 2/lr.</summary>
    public bool Stable(double learningRate) => Max < 2 / learningRate;

    /// <summary>The spectrum at <paramref name="theta"/>, computed now on the calling thread (n Hessian-vector products and one eigendecomposition).</summary>
    public static HessianSpectrum Of(NetworkObjective objective, ReadOnlySpan<double> theta, int ball, int step) =>
        new(ball, step, objective.HessianEigenvalues(theta));
}
