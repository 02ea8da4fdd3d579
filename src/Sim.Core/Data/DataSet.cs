namespace Sim.Core.Data;

/// <summary>
/// Examples of two input features x1, x2 and a target y (a real number for regression, 0 or 1 for
/// classification), one array per column so that loss loops read them straight.
/// </summary>
public sealed class DataSet
{
    private readonly double[] x1, x2, y;

    /// <summary>Takes the arrays as they are, without copying: the caller gives them up.</summary>
    public DataSet(double[] x1, double[] x2, double[] y)
    {
        if (x1.Length != y.Length || x2.Length != y.Length)
            throw new ArgumentException($"columns differ in length: x1 {x1.Length}, x2 {x2.Length}, y {y.Length}");
        if (y.Length == 0) throw new ArgumentException("a data set needs at least one example");
        this.x1 = x1;
        this.x2 = x2;
        this.y = y;
    }

    public int Count => y.Length;
    public ReadOnlySpan<double> X1 => x1;
    public ReadOnlySpan<double> X2 => x2;
    public ReadOnlySpan<double> Y => y;

    /// <summary>
    /// The same inputs with the target's mean subtracted. A model without a bias fits centred
    /// inputs to a centred target; an uncentred target would leave ½·mean(y)² as loss nothing can remove.
    /// </summary>
    public DataSet WithTargetCentered()
    {
        double mean = 0;
        foreach (var v in y) mean += v;
        mean /= y.Length;
        var centred = new double[y.Length];
        for (int i = 0; i < y.Length; i++) centred[i] = y[i] - mean;
        return new DataSet(x1, x2, centred);
    }
}
