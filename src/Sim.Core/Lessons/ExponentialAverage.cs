namespace Sim.Core.Lessons;

/// <summary>
/// Exponentially weighted averages (Ng C2W2), the running mean inside momentum, RMSprop and Adam:
/// <code>
/// v₀ = 0,  v_t = β·v_{t−1} + (1 − β)·θ_t
/// bias-corrected: v_t / (1 − β^t)
/// </code>
/// Starting at zero pulls the early averages toward zero (v₁ = (1 − β)·θ₁); dividing by 1 − β^t,
/// the total weight given so far, removes that bias.
/// </summary>
public static class ExponentialAverage
{
    /// <summary>The averages v₁ … v_n of <paramref name="theta"/> (θ₁ first).</summary>
    public static double[] Of(IReadOnlyList<double> theta, double beta, bool biasCorrected)
    {
        CheckBeta(beta);
        var v = new double[theta.Count];
        double average = 0, weight = 1; // weight = β^t
        for (int t = 0; t < theta.Count; t++)
        {
            average = beta * average + (1 - beta) * theta[t];
            weight *= beta;
            v[t] = biasCorrected ? average / (1 - weight) : average;
        }
        return v;
    }

    /// <summary>Ng's rule of thumb: β averages over about 1/(1 − β) recent values (β = 0.9: 10 days).</summary>
    public static double Window(double beta)
    {
        CheckBeta(beta);
        return 1 / (1 - beta);
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta >= 0 && beta < 1)) throw new InputError($"beta {beta} is out of range; expected 0 <= beta < 1");
    }
}
