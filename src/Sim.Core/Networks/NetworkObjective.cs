using MathNet.Numerics.LinearAlgebra;
using Sim.Core.Data;
using Sim.Core.Simulation;

namespace Sim.Core.Networks;

/// <summary>
/// A network's mean cross-entropy on a data set as an <see cref="IObjective"/>: the parameter
/// vector is every weight and bias (<see cref="NetworkArchitecture"/>'s layout), and a mini-batch
/// is a set of example indices. Holds one <see cref="Network"/>'s work buffers, so one objective
/// serves one thread at a time (a world steps its balls in turn).
/// </summary>
public sealed class NetworkObjective : IObjective
{
    private readonly Network network;
    private readonly int[] all;

    /// <summary>Doubles of work buffers one objective may hold (2 GB): beyond it a run would not fit a lecture machine.</summary>
    public const long MaxBufferValues = 1L << 28;

    public NetworkObjective(NetworkArchitecture shape, DataSet data)
    {
        long units = shape.Layers.Sum(u => (long)u), values = 2 * units * data.Count;
        if (values > MaxBufferValues)
            throw new InputError($"network {shape} on {data.Count} examples needs {values * 8 / (1 << 20)} MB of work buffers; " +
                $"expected at most {MaxBufferValues * 8 / (1 << 20)} MB: use fewer units or examples");
        Shape = shape;
        Data = data;
        network = new Network(shape, data.Count);
        all = new int[data.Count];
        for (int i = 0; i < all.Length; i++) all[i] = i;
    }

    public NetworkArchitecture Shape { get; }
    public DataSet Data { get; }

    /// <summary>Examples held out of training (a test split), for accuracy only: never in the loss or its gradient; null if none.</summary>
    public DataSet? Test { get; init; }

    public string Name => $"network {Shape}";
    public int ParameterCount => Shape.ParameterCount;
    public int ExampleCount => Data.Count;

    public double Value(ReadOnlySpan<double> parameters) => network.Loss(parameters, Data, all);

    public void Gradient(ReadOnlySpan<double> parameters, Span<double> gradient) => network.LossAndGradient(parameters, Data, all, gradient);

    /// <summary>The full loss and, into <paramref name="gradient"/>, the full gradient, from one forward and one backward pass.</summary>
    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) => network.LossAndGradient(parameters, Data, all, gradient);

    public double BatchValue(ReadOnlySpan<double> parameters, ReadOnlySpan<int> examples) => network.Loss(parameters, Data, examples);

    public double BatchValueAndGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> examples, Span<double> gradient) =>
        network.LossAndGradient(parameters, Data, examples, gradient);

    /// <summary>The full loss and the fraction of the data set classified right (output &gt; 0.5 means label 1), from one pass.</summary>
    public (double Loss, double Accuracy) Evaluate(ReadOnlySpan<double> parameters)
    {
        var (loss, correct) = network.Evaluate(parameters, Data, all);
        return (loss, (double)correct / all.Length);
    }

    /// <summary>The full-batch Hessian times <paramref name="v"/>, exactly (R-operator), into <paramref name="product"/>.</summary>
    public void HessianTimes(ReadOnlySpan<double> parameters, ReadOnlySpan<double> v, Span<double> product) =>
        network.HessianTimes(parameters, Data, all, v, product);

    /// <summary>Parameters up to which <see cref="Hessian"/> builds the full matrix (32 MB).</summary>
    public const int MaxHessianParameters = 2048;

    /// <summary>
    /// The full-batch Hessian, column by column from n Hessian-vector products with the unit
    /// vectors, symmetrised against rounding: for networks of up to a few hundred parameters.
    /// </summary>
    public Matrix<double> Hessian(ReadOnlySpan<double> parameters)
    {
        int n = ParameterCount;
        if (n > MaxHessianParameters)
            throw new InvalidOperationException($"a full Hessian of {n} parameters is too large; use HessianTimes (at most {MaxHessianParameters})");
        var h = Matrix<double>.Build.Dense(n, n);
        var unit = new double[n];
        var column = new double[n];
        for (int k = 0; k < n; k++)
        {
            unit[k] = 1;
            HessianTimes(parameters, unit, column);
            unit[k] = 0;
            for (int i = 0; i < n; i++) h[i, k] = column[i];
        }
        return (h + h.Transpose()) / 2;
    }

    /// <summary>The full-batch Hessian's eigenvalues, ascending.</summary>
    public double[] HessianEigenvalues(ReadOnlySpan<double> parameters)
    {
        var values = Hessian(parameters).Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).ToArray();
        Array.Sort(values);
        return values;
    }
}
