using Sim.Core.Data;
using Sim.Core.Networks;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>The built-in data sets, CSV files, the held-out split, He initialisation and weights files.</summary>
public class NetworkDataTests
{
    [Fact]
    public void MoonsWithoutNoiseLieOnMakeMoonsHalfCircles()
    {
        var data = DataSetCatalog.Create("moons", 300, 0, 1);
        Assert.Equal(300, data.Count);
        Assert.Equal(150, data.Y.ToArray().Count(y => y == 1));
        for (int i = 0; i < data.Count; i++)
        {
            // class 0: the upper unit half circle; class 1: the lower one centred at (1, 0.5)
            double cx = data.Y[i] == 0 ? 0 : 1, cy = data.Y[i] == 0 ? 0 : 0.5;
            double r = Math.Sqrt((data.X1[i] - cx) * (data.X1[i] - cx) + (data.X2[i] - cy) * (data.X2[i] - cy));
            Assert.Equal(1, r, 1e-12);
            Assert.True(data.Y[i] == 0 ? data.X2[i] >= -1e-12 : data.X2[i] <= 0.5 + 1e-12);
        }
    }

    [Theory]
    [InlineData("moons")]
    [InlineData("circles")]
    [InlineData("xor")]
    [InlineData("gaussians")]
    [InlineData("spiral")]
    public void EveryDataSetIsSeededSizedAndBalancedEnough(string name)
    {
        var a = DataSetCatalog.Create(name, 101, DataSetCatalog.DefaultNoise(name), 5);
        var b = DataSetCatalog.Create(name, 101, DataSetCatalog.DefaultNoise(name), 5);
        var c = DataSetCatalog.Create(name, 101, DataSetCatalog.DefaultNoise(name), 6);
        Assert.Equal(101, a.Count);
        Assert.Equal(a.X1.ToArray(), b.X1.ToArray());
        Assert.NotEqual(a.X1.ToArray(), c.X1.ToArray());
        int ones = a.Y.ToArray().Count(y => y == 1);
        Assert.InRange(ones, 30, 71);
        Assert.All(a.Y.ToArray(), y => Assert.True(y is 0 or 1));
    }

    [Fact]
    public void NoiseIsTheSpreadAroundTheCleanShape()
    {
        var clean = DataSetCatalog.Create("circles", 2000, 0, 9);
        var noisy = DataSetCatalog.Create("circles", 2000, 0.1, 9);
        double sum = 0;
        for (int i = 0; i < clean.Count; i++) sum += (noisy.X1[i] - clean.X1[i]) * (noisy.X1[i] - clean.X1[i]);
        Assert.Equal(0.1, Math.Sqrt(sum / clean.Count), 0.01);
    }

    [Theory]
    [InlineData("x1,x2,label\n0.5,1,2\n", "line 2: label '2' is not 0 or 1")]
    [InlineData("x1,x2,label\n0.5,1,1\n0.5,abc,0\n", "line 3: x2 'abc' is not a finite number")]
    [InlineData("x1,x2,label\n0.5,1\n", "line 2: expected 3 values x1,x2,label, got 2")]
    [InlineData("a,b,c\n0.5,1,1\n", "line 1: expected the header x1,x2,label")]
    [InlineData("x1,x2,label\n1e999,1,1\n", "line 2: x1 '1e999' is not a finite number")]
    [InlineData("x1,x2,label\n0,NaN,1\n0,0,0\n", "line 2: x2 'NaN' is not a finite number")]
    [InlineData("x1,x2,label\n0,0,1\n", "1 examples; expected at least 2")]
    public void ABadCsvNamesTheFileAndLine(string text, string expected)
    {
        var e = Assert.Throws<InputError>(() => DataSetCsv.Parse(text.Split('\n'), "d.csv"));
        Assert.Equal($"d.csv: {expected}", e.Message);
    }

    [Fact]
    public void CsvRoundTripsADataSet()
    {
        var data = DataSetCatalog.Create("spiral", 50, 0.05, 2);
        var text = new StringWriter();
        DataSetCsv.Write(data, text);
        var back = DataSetCsv.Parse(text.ToString().Split('\n'), "s.csv");
        Assert.Equal(data.X1.ToArray(), back.X1.ToArray());
        Assert.Equal(data.X2.ToArray(), back.X2.ToArray());
        Assert.Equal(data.Y.ToArray(), back.Y.ToArray());
    }

    [Fact]
    public void TheHeldOutSplitPartitionsTheExamples()
    {
        var data = DataSetCatalog.Create("moons", 300, 0.2, 1);
        var (train, test) = HeldOut.Split(data, 0.2, 4);
        Assert.Equal(240, train.Count);
        Assert.Equal(60, test.Count);
        var all = Enumerable.Range(0, 300).Select(i => (data.X1[i], data.X2[i])).OrderBy(p => p).ToList();
        var parts = Enumerable.Range(0, 240).Select(i => (train.X1[i], train.X2[i]))
            .Concat(Enumerable.Range(0, 60).Select(i => (test.X1[i], test.X2[i]))).OrderBy(p => p).ToList();
        Assert.Equal(all, parts);
        Assert.Throws<InputError>(() => HeldOut.Split(data, 0.001, 1));
        Assert.Throws<InputError>(() => HeldOut.Split(data, 1, 1));
    }

    [Fact]
    public void HeInitialisationHasTheRightSpreadAndZeroBiases()
    {
        var shape = new NetworkArchitecture([2, 400, 300, 1]);
        var theta = NetworkWeights.HeInitialized(shape, 7);
        var w2 = theta.AsSpan(shape.WeightOffset(2), 300 * 400).ToArray();
        double mean = w2.Average(), sd = Math.Sqrt(w2.Select(w => (w - mean) * (w - mean)).Average());
        Assert.Equal(0, mean, 0.003);
        Assert.Equal(Math.Sqrt(2.0 / 400), sd, 0.001);
        Assert.All(theta.AsSpan(shape.BiasOffset(2), 300).ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(theta, NetworkWeights.HeInitialized(shape, 7));
        Assert.NotEqual(theta, NetworkWeights.HeInitialized(shape, 8));
    }

    [Fact]
    public void WeightsRoundTripThroughJsonInTheLabsLayout()
    {
        var shape = new NetworkArchitecture([2, 3, 1], Activation.Tanh);
        var theta = NetworkGradientTests.RandomParameters(shape, 3);
        var json = NetworkWeights.ToJson(shape, theta);
        Assert.Equal(theta, NetworkWeights.Parse(json, shape));
        // weights[j][i] connects input i to unit j: W1[1][0] is the flat vector's entry 1·2 + 0
        var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(theta[2], doc.RootElement.GetProperty("layers")[0].GetProperty("weights")[1][0].GetDouble());
        Assert.Equal(theta[shape.BiasOffset(2)], doc.RootElement.GetProperty("layers")[1].GetProperty("biases")[0].GetDouble());
    }

    [Theory]
    [InlineData("{\"layers\": []}", "layers: expected a list of 2 layers for --layers 2,3,1")]
    [InlineData("{\"layers\": [{\"weights\": [[1,2],[3,4]], \"biases\": [0,0,0]}, {\"weights\": [[1,2,3]], \"biases\": [0]}]}", "layers[0].weights: expected a list of 3 rows (one per unit), got 2")]
    [InlineData("{\"layers\": [{\"weights\": [[1,2],[3,4],[5,\"x\"]], \"biases\": [0,0,0]}, {\"weights\": [[1,2,3]], \"biases\": [0]}]}", "layers[0].weights[2][1]: expected a finite number")]
    [InlineData("{\"layers\": [{\"weights\": [[1,2],[3,4],[5,6]], \"biases\": [0,0,0]}, {\"weights\": [[1,2,3]]}]}", "layers[1].biases: missing")]
    [InlineData("{\"layers\": [{\"weights\": [[1,2],[3,4],[5,6]], \"biases\": [0,0,0]}, {\"weights\": [[1,2,3]], \"biases\": [0], \"bias\": 1}]}", "layers[1].bias: unknown key; expected weights, biases")]
    [InlineData("{\"layers\": [{\"weights\": [[1,2],[3,4],[5,6]], \"biases\": [0,0,1e999]}, {\"weights\": [[1,2,3]], \"biases\": [0]}]}", "layers[0].biases[2]: expected a finite number")]
    [InlineData("[1, 2]", "$: expected an object with \"layers\": [{\"weights\": [[...]], \"biases\": [...]}, ...]")]
    [InlineData("{\"layers\": [", "not valid JSON (line 1, byte 13): Expected depth to be zero at the end of the JSON payload")]
    public void ABadWeightsFileNamesTheJsonPath(string json, string expected)
    {
        var shape = new NetworkArchitecture([2, 3, 1]);
        Assert.Equal(expected, Assert.Throws<InputError>(() => NetworkWeights.Parse(json, shape)).Message);
    }

    [Theory]
    [InlineData("3,5,1", "layers 3,5,1: expected 2 inputs first and 1 output last, such as 2,5,2,1")]
    [InlineData("2,5,2", "layers 2,5,2: expected 2 inputs first and 1 output last, such as 2,5,2,1")]
    [InlineData("2,0,1", "layers 2,0,1: 0 units is out of range; expected 1 to 4096")]
    [InlineData("2,x,1", "layers '2,x,1': 'x' is not a whole number; expected sizes such as 2,5,2,1")]
    [InlineData("2,-3,1", "layers '2,-3,1': '-3' is not a whole number; expected sizes such as 2,5,2,1")]
    [InlineData("2,4096,4096,1", "layers 2,4096,4096,1: 16797697 parameters is too many; expected at most 1000000")]
    [InlineData("2", "layers 2: expected 2 inputs first and 1 output last, such as 2,5,2,1")]
    public void BadLayersAreInputErrors(string text, string expected) =>
        Assert.Equal(expected, Assert.Throws<InputError>(() => NetworkArchitecture.Parse(text, Activation.Relu)).Message);
}
