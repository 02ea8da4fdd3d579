using MathNet.Numerics.LinearAlgebra;

namespace Sim.Core.Data;

/// <summary>
/// The input tricks of Hinton's lecture 6b, applied in this order:
/// <list type="bullet">
/// <item><see cref="Center"/>: subtract each input's mean, removing the mean's rank-one term from
/// the error surface's curvature.</item>
/// <item><see cref="Decorrelate"/>: rotate the inputs onto the principal axes of their covariance
/// (eigenvectors by MathNet, largest variance first). The covariance becomes diagonal, so the
/// ravine of a centred linear model lines up with the weight axes.</item>
/// <item><see cref="Scale"/>: divide each input by its standard deviation.</item>
/// </list>
/// All three together are PCA whitening: zero mean and identity covariance, a round bowl for a
/// linear model. Targets are left alone (labels must stay 0/1).
/// </summary>
public readonly record struct InputPreprocessing(bool Center, bool Scale, bool Decorrelate)
{
    public DataSet Apply(DataSet data)
    {
        if (!Center && !Scale && !Decorrelate) return data;
        var x1 = data.X1.ToArray();
        var x2 = data.X2.ToArray();
        if (Center) SubtractMeans(x1, x2);
        if (Decorrelate) RotateOntoPrincipalAxes(x1, x2);
        if (Scale) DivideByStandardDeviations(x1, x2);
        return new DataSet(x1, x2, data.Y.ToArray());
    }

    private static void SubtractMeans(double[] x1, double[] x2)
    {
        var moments = InputMoments.Of(x1, x2);
        for (int i = 0; i < x1.Length; i++)
        {
            x1[i] -= moments.Mean1;
            x2[i] -= moments.Mean2;
        }
    }

    private static void RotateOntoPrincipalAxes(double[] x1, double[] x2)
    {
        var m = InputMoments.Of(x1, x2);
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { m.Var1, m.Cov12 }, { m.Cov12, m.Var2 } });
        var evd = covariance.Evd(Symmetricity.Symmetric);
        int major = evd.EigenValues[0].Real >= evd.EigenValues[1].Real ? 0 : 1;
        var (p1, p2) = SignFixed(evd.EigenVectors[0, major], evd.EigenVectors[1, major]);
        var (q1, q2) = SignFixed(evd.EigenVectors[0, 1 - major], evd.EigenVectors[1, 1 - major]);
        for (int i = 0; i < x1.Length; i++)
        {
            double a = x1[i], b = x2[i];
            x1[i] = p1 * a + p2 * b;
            x2[i] = q1 * a + q2 * b;
        }
    }

    // An eigenvector's sign is arbitrary; fixing it (largest component positive) keeps each
    // principal axis pointing roughly the way of the input it is closest to.
    private static (double, double) SignFixed(double a, double b) =>
        (Math.Abs(a) >= Math.Abs(b) ? a : b) < 0 ? (-a, -b) : (a, b);

    private static void DivideByStandardDeviations(double[] x1, double[] x2)
    {
        var m = InputMoments.Of(x1, x2);
        double s1 = Math.Sqrt(m.Var1), s2 = Math.Sqrt(m.Var2);
        if (!(s1 > 0) || !(s2 > 0))
            throw new InputError($"scale: an input has no variance (standard deviations {s1:G4}, {s2:G4}); use more examples");
        for (int i = 0; i < x1.Length; i++)
        {
            x1[i] /= s1;
            x2[i] /= s2;
        }
    }
}
