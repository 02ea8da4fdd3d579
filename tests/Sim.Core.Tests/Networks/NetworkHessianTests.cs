using Sim.Core.Data;
using Sim.Core.Networks;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>The R-operator's Hessian-vector products and the full Hessian against finite differences of the exact gradient.</summary>
public class NetworkHessianTests
{
    public static TheoryData<string, string, int> Networks() => new()
    {
        { "2,5,2,1", "relu", 1 }, { "2,4,3,1", "tanh", 2 }, { "2,3,3,3,1", "tanh", 3 }, { "2,8,1", "relu", 4 }, { "2,6,1", "tanh", 5 },
        { "2,16,16,1", "tanh", 6 }, // 337 parameters: "a few hundred"
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void HessianTimesVectorMatchesDifferencesOfTheGradient(string layers, string activation, int seed)
    {
        var (objective, theta) = Setup(layers, activation, seed);
        var random = new SplitMix64((ulong)seed * 7);
        var v = new double[theta.Length];
        for (int k = 0; k < v.Length; k++) v[k] = random.NextGaussian();
        var exact = new double[theta.Length];
        objective.HessianTimes(theta, v, exact);
        var numeric = GradientDifference(objective, theta, v, 1e-5);
        for (int k = 0; k < v.Length; k++)
            Assert.True(Math.Abs(exact[k] - numeric[k]) <= 1e-6 * (1 + Math.Abs(numeric[k])), $"{layers} {activation} coordinate {k}: R-op {exact[k]:R}, differences {numeric[k]:R}");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void FullHessianIsSymmetricAndItsEigenpairsHold(string layers, string activation, int seed)
    {
        var (objective, theta) = Setup(layers, activation, seed);
        var h = objective.Hessian(theta);
        int n = theta.Length;
        var unit = new double[n];
        unit[n / 2] = 1;
        var numeric = GradientDifference(objective, theta, unit, 1e-5);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(h[i, n / 2] - numeric[i]) <= 1e-6 * (1 + Math.Abs(numeric[i])));
        var values = objective.HessianEigenvalues(theta);
        Assert.Equal(n, values.Length);
        Assert.Equal(h.Trace(), values.Sum(), 1e-9);
        for (int k = 1; k < n; k++) Assert.True(values[k - 1] <= values[k]);
        var evd = h.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        Assert.True((h * evd.EigenVectors - evd.EigenVectors * evd.D).InfinityNorm() < 1e-9 * (1 + h.InfinityNorm()));
    }

    private static (NetworkObjective Objective, double[] Theta) Setup(string layers, string activation, int seed)
    {
        var shape = NetworkArchitecture.Parse(layers, Activations.Parse(activation));
        var objective = new NetworkObjective(shape, DataSetCatalog.Create("moons", 50, 0.3, (ulong)seed));
        return (objective, NetworkGradientTests.RandomParameters(shape, seed));
    }

    private static double[] GradientDifference(NetworkObjective objective, double[] theta, double[] v, double h)
    {
        var plus = new double[theta.Length];
        var minus = new double[theta.Length];
        var moved = new double[theta.Length];
        for (int k = 0; k < theta.Length; k++) moved[k] = theta[k] + h * v[k];
        objective.Gradient(moved, plus);
        for (int k = 0; k < theta.Length; k++) moved[k] = theta[k] - h * v[k];
        objective.Gradient(moved, minus);
        var result = new double[theta.Length];
        for (int k = 0; k < theta.Length; k++) result[k] = (plus[k] - minus[k]) / (2 * h);
        return result;
    }
}
