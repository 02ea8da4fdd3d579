namespace Sim.Core.Data;

/// <summary>
/// Mean and population covariance (divided by m, not m − 1) of two inputs. With zero mean the
/// population covariance is exactly mean(x xᵀ), the Hessian of a linear model's squared error.
/// </summary>
public readonly record struct InputMoments(double Mean1, double Mean2, double Var1, double Cov12, double Var2)
{
    public static InputMoments Of(DataSet data) => Of(data.X1, data.X2);

    /// <summary>Two passes (mean, then deviations) to avoid the cancellation of E[x²] − E[x]².</summary>
    public static InputMoments Of(ReadOnlySpan<double> x1, ReadOnlySpan<double> x2)
    {
        int m = x1.Length;
        double mean1 = 0, mean2 = 0;
        for (int i = 0; i < m; i++)
        {
            mean1 += x1[i];
            mean2 += x2[i];
        }
        mean1 /= m;
        mean2 /= m;
        double v1 = 0, c12 = 0, v2 = 0;
        for (int i = 0; i < m; i++)
        {
            double d1 = x1[i] - mean1, d2 = x2[i] - mean2;
            v1 += d1 * d1;
            c12 += d1 * d2;
            v2 += d2 * d2;
        }
        return new(mean1, mean2, v1 / m, c12 / m, v2 / m);
    }
}
