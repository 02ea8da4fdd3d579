using Sim.Core.Data;
using Sim.Core.Networks;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>
/// Backprop against an independent reading of the maths: the loss against a naive per-example
/// forward pass, the gradient against central differences of the loss on random networks, and the
/// ReLU kink's convention (derivative 0 where z ≤ 0) against one-sided differences.
/// </summary>
public class NetworkGradientTests
{
    public static TheoryData<string, string, int> RandomNetworks() => new()
    {
        { "2,5,2,1", "relu", 1 }, { "2,5,2,1", "relu", 2 }, { "2,4,3,1", "tanh", 3 }, { "2,8,1", "relu", 4 },
        { "2,3,3,3,1", "tanh", 5 }, { "2,16,8,1", "relu", 6 }, { "2,1", "relu", 7 },
    };

    [Theory]
    [MemberData(nameof(RandomNetworks))]
    public void LossIsTheMeanCrossEntropyOfANaiveForwardPass(string layers, string activation, int seed)
    {
        var shape = NetworkArchitecture.Parse(layers, Activations.Parse(activation));
        var data = DataSetCatalog.Create("moons", 37, 0.3, (ulong)seed);
        var theta = RandomParameters(shape, seed);
        int[] batch = [3, 0, 36, 17, 17, 9];
        double expected = 0;
        foreach (int e in batch)
        {
            double a = NaiveOutput(shape, theta, data.X1[e], data.X2[e]);
            expected += -(data.Y[e] * Math.Log(a) + (1 - data.Y[e]) * Math.Log(1 - a));
        }
        expected /= batch.Length;
        var network = new Network(shape, data.Count);
        Assert.Equal(expected, network.Loss(theta, data, batch), 1e-12);
    }

    [Theory]
    [MemberData(nameof(RandomNetworks))]
    public void GradientMatchesCentralDifferences(string layers, string activation, int seed)
    {
        var shape = NetworkArchitecture.Parse(layers, Activations.Parse(activation));
        var data = DataSetCatalog.Create("moons", 40, 0.3, (ulong)seed);
        var network = new Network(shape, data.Count);
        var theta = RandomParameters(shape, seed);
        int[] batch = [.. Enumerable.Range(0, 40).Where(i => i % 3 != 1)];
        var gradient = new double[shape.ParameterCount];
        network.LossAndGradient(theta, data, batch, gradient);
        for (int k = 0; k < theta.Length; k++)
        {
            double numeric = CentralDifference(network, theta, data, batch, k, 1e-6);
            Assert.True(Math.Abs(gradient[k] - numeric) <= 1e-7 * (1 + Math.Abs(numeric)),
                $"{layers} {activation} parameter {k}: backprop {gradient[k]:R}, central difference {numeric:R}");
        }
    }

    [Fact]
    public void AtAReluKinkTheGradientIsTheOneSidedDerivativeFromBelow()
    {
        var (network, data, theta, bias) = KinkedNetwork(biasOfUnit0: 0);
        int[] batch = [0];
        var gradient = new double[theta.Length];
        network.LossAndGradient(theta, data, batch, gradient);
        double h = 1e-6, at = network.Loss(theta, data, batch);
        double below = (at - LossWith(network, theta, data, batch, bias, -h)) / h;
        double above = (LossWith(network, theta, data, batch, bias, h) - at) / h;
        Assert.Equal(0, gradient[bias]); // z = 0 exactly: the unit counts as off
        Assert.Equal(0, below);
        Assert.True(Math.Abs(above) > 1e-2, $"the derivative from above should not vanish, got {above}");
    }

    [Theory]
    [InlineData(1e-5)]
    [InlineData(-1e-5)]
    public void NearAReluKinkEveryCoordinateMatchesCentralDifferences(double biasOfUnit0)
    {
        var (network, data, theta, _) = KinkedNetwork(biasOfUnit0);
        int[] batch = [0];
        var gradient = new double[theta.Length];
        network.LossAndGradient(theta, data, batch, gradient);
        for (int k = 0; k < theta.Length; k++)
        {
            // h well below the distance 1e-5 to the kink, so neither side crosses it.
            double numeric = CentralDifference(network, theta, data, batch, k, 1e-8);
            Assert.True(Math.Abs(gradient[k] - numeric) <= 1e-6 * (1 + Math.Abs(numeric)), $"parameter {k}: {gradient[k]:R} against {numeric:R}");
        }
    }

    [Fact]
    public void SteppingTheGradientAllocatesNothing()
    {
        var shape = NetworkArchitecture.Parse("2,16,8,1", Activation.Tanh);
        var objective = new NetworkObjective(shape, DataSetCatalog.Create("spiral", 300, 0.05, 1));
        var theta = NetworkWeights.HeInitialized(shape, 1);
        var gradient = new double[theta.Length];
        int[] batch = [.. Enumerable.Range(0, 64)];
        objective.BatchValueAndGradient(theta, batch, gradient);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            objective.BatchValueAndGradient(theta, batch, gradient);
            objective.Value(theta);
            objective.Evaluate(theta);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// [2, 3, 1] relu on one example x whose unit 0 has weights (x₂, −x₁), so z₀ = b₀ exactly
    /// (the two products are the same rounded number with opposite signs).
    /// </summary>
    private static (Network Network, DataSet Data, double[] Theta, int Bias) KinkedNetwork(double biasOfUnit0)
    {
        var shape = new NetworkArchitecture([2, 3, 1], Activation.Relu);
        var data = new DataSet([0.7], [-1.3], [1]);
        var theta = RandomParameters(shape, 11);
        int w = shape.WeightOffset(1), bias = shape.BiasOffset(1);
        theta[w] = -1.3;
        theta[w + 1] = -0.7;
        theta[bias] = biasOfUnit0;
        theta[shape.WeightOffset(2)] = 1.5; // unit 0 matters to the output
        return (new Network(shape, 1), data, theta, bias);
    }

    internal static double[] RandomParameters(NetworkArchitecture shape, int seed)
    {
        var theta = NetworkWeights.HeInitialized(shape, (ulong)seed);
        var random = new SplitMix64((ulong)seed + 1000);
        for (int l = 1; l <= shape.Depth; l++)
            for (int j = 0; j < shape.Units(l); j++) theta[shape.BiasOffset(l) + j] = 0.3 * random.NextGaussian();
        return theta;
    }

    private static double CentralDifference(Network network, double[] theta, DataSet data, int[] batch, int k, double h) =>
        (LossWith(network, theta, data, batch, k, h) - LossWith(network, theta, data, batch, k, -h)) / (2 * h);

    private static double LossWith(Network network, double[] theta, DataSet data, int[] batch, int k, double delta)
    {
        var moved = (double[])theta.Clone();
        moved[k] += delta;
        return network.Loss(moved, data, batch);
    }

    /// <summary>The network's output sigmoid(zᴸ) for one example, written out with plain loops.</summary>
    private static double NaiveOutput(NetworkArchitecture shape, double[] theta, double x1, double x2)
    {
        double[] activations = [x1, x2];
        for (int l = 1; l <= shape.Depth; l++)
        {
            int inputs = shape.Units(l - 1);
            var next = new double[shape.Units(l)];
            for (int j = 0; j < next.Length; j++)
            {
                double z = theta[shape.BiasOffset(l) + j];
                for (int i = 0; i < inputs; i++) z += theta[shape.WeightOffset(l) + j * inputs + i] * activations[i];
                next[j] = l == shape.Depth ? 1 / (1 + Math.Exp(-z)) : shape.Activation == Activation.Relu ? Math.Max(0, z) : Math.Tanh(z);
            }
            activations = next;
        }
        return activations[0];
    }
}
