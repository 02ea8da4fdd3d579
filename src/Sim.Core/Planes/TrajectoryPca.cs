using MathNet.Numerics.LinearAlgebra;

namespace Sim.Core.Planes;

/// <summary>
/// The plane of the two principal components of N points in weight space (Li et al. 2018, §7, for
/// the trajectories of every ball at once): with the mean μ and the centred rows Y = X − μ, d₁ and d₂
/// are the unit eigenvectors of YᵀY for its two largest eigenvalues λ₁ ≥ λ₂, and the plane passes
/// through μ. The fraction of the variance each explains is λᵢ / trace(YᵀY). With fewer points than
/// weights the eigenvectors come from the smaller N × N matrix YYᵀ (same nonzero eigenvalues;
/// d = Yᵀu/|Yᵀu|), so the cost is min(N, n)³, not n³.
/// </summary>
public static class TrajectoryPca
{
    /// <summary>The PCA plane of the first <paramref name="count"/> rows of <paramref name="points"/> (row-major, n columns).</summary>
    public static WeightPlane Plane(double[] points, int count, int n, PlaneChoice choice)
    {
        if (count < 1) throw new ArgumentException("PCA needs at least one point", nameof(count));
        var mean = new double[n];
        for (int r = 0; r < count; r++)
            for (int i = 0; i < n; i++) mean[i] += points[r * n + i];
        for (int i = 0; i < n; i++) mean[i] /= count;
        var y = Matrix<double>.Build.Dense(count, n, (r, i) => points[r * n + i] - mean[i]);
        var (first, second, l1, l2, trace) = count < n ? ViaPoints(y) : ViaWeights(y);
        if (!(trace > 0) || !(l2 > 1e-14 * trace)) return Degenerate(mean, first, n, choice, trace > 0 ? (l1 / trace, Math.Max(l2, 0) / trace) : (0, 0));
        (double, double) explained = (l1 / trace, l2 / trace);
        return new WeightPlane(mean, first, second, choice, Describe(explained), explained);
    }

    /// <summary>"PCA: 81% + 12% of the variance".</summary>
    public static string Describe((double First, double Second) explained) =>
        $"PCA: {100 * explained.First:0.#}% + {100 * explained.Second:0.#}% of the variance";

    private static (double[], double[], double, double, double) ViaWeights(Matrix<double> y)
    {
        var c = y.TransposeThisAndMultiply(y);
        var evd = c.Evd(Symmetricity.Symmetric);
        int n = c.RowCount; // eigenvalues ascending
        return (evd.EigenVectors.Column(n - 1).ToArray(), evd.EigenVectors.Column(n - 2).ToArray(),
            evd.EigenValues[n - 1].Real, evd.EigenValues[n - 2].Real, c.Trace());
    }

    private static (double[], double[], double, double, double) ViaPoints(Matrix<double> y)
    {
        var k = y.TransposeAndMultiply(y);
        var evd = k.Evd(Symmetricity.Symmetric);
        int m = k.RowCount;
        var first = Normalised(y.TransposeThisAndMultiply(evd.EigenVectors.Column(m - 1)));
        var second = m >= 2 ? Normalised(y.TransposeThisAndMultiply(evd.EigenVectors.Column(m - 2))) : new double[y.ColumnCount];
        return (first, second, evd.EigenValues[m - 1].Real, m >= 2 ? evd.EigenValues[m - 2].Real : 0, k.Trace());
    }

    private static double[] Normalised(Vector<double> v)
    {
        double norm = v.L2Norm();
        return norm > 0 ? (v / norm).ToArray() : new double[v.Count];
    }

    /// <summary>
    /// Too few distinct points for two components (every ball still at the start, or all on one line):
    /// the first component if there is one, completed by unit axes, with the variance it explains.
    /// </summary>
    private static WeightPlane Degenerate(double[] mean, double[] first, int n, PlaneChoice choice, (double First, double Second) explained)
    {
        if (!(FilterNormalised.Norm(first) > 0.5)) first = Axis(n, 0);
        var second = Axis(n, Array.IndexOf(first, first.MinBy(Math.Abs)));
        double along = WeightPlane.Dot(second, first);
        for (int i = 0; i < n; i++) second[i] -= along * first[i];
        double norm = FilterNormalised.Norm(second);
        for (int i = 0; i < n; i++) second[i] /= norm;
        return new WeightPlane(mean, first, second, choice,
            explained.First > 0 ? Describe(explained) + " (the points lie on a line)" : "PCA: no steps yet, the plane is arbitrary", explained);
    }

    private static double[] Axis(int n, int i)
    {
        var e = new double[n];
        e[Math.Max(i, 0)] = 1;
        return e;
    }
}
