using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests.Networks;

/// <summary>The network form of scenario files: a data set, layers, activation and initial weights in place of a landscape.</summary>
public class NetworkScenarioTests
{
    private const string Race = """
        {
          "title": "Adam against GD on the moons",
          "network": {"data": "moons", "examples": 200, "noise": 0.25, "data_seed": 4, "layers": [2, 5, 2, 1], "activation": "relu", "init_seed": 3},
          "schedule": {"name": "fixed_interval", "params": {"interval": 10}},
          "batch_size": 64,
          "seed": 2,
          "balls": [
            {"optimizer": "adam", "params": {"lr": 0.01}},
            {"optimizer": "sgd", "params": {"lr": 0.1}, "label": "GD", "batch_size": 200}
          ]
        }
        """;

    [Fact]
    public void ANetworkScenarioBuildsAWorldOfNetworkBalls()
    {
        var scenario = ScenarioFile.Parse(Race);
        var world = scenario.CreateWorld();
        var objective = Assert.IsType<NetworkObjective>(world.Objective);
        Assert.Equal(30, objective.ParameterCount); // 5·(2 + 1) + 2·(5 + 1) + 1·(2 + 1)
        Assert.Equal(200, objective.ExampleCount);
        Assert.Equal(DataSetCatalog.Create("moons", 200, 0.25, 4).X1.ToArray(), objective.Data.X1.ToArray());
        var initial = NetworkWeights.HeInitialized(objective.Shape, 3);
        Assert.All(world.Balls, b => Assert.Equal(initial, b.StartVector.ToArray()));
        Assert.Equal(64, world.BatchSize);
        Assert.Equal(200, world.Balls[1].BatchSize);
        Assert.Equal("GD", world.Balls[1].Label);
        for (int s = 0; s < 40; s++) world.Advance();
        Assert.Equal(0.01, world.Balls[0].LearningRate); // 4 batches an epoch: step 40 ends epoch 9
        world.Advance();
        Assert.Equal(0.01 / (1 + 1), world.Balls[0].LearningRate); // and step 41 begins epoch 10
        Assert.True(world.Balls[0].Loss < objective.Value(initial));
        Assert.All(world.Balls, b => Assert.Equal(BallStatus.Running, b.Status));
    }

    [Fact]
    public void InlineWeightsAndACsvBesideTheFileAreRead()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sim-network-scenario-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "points.csv"), "x1,x2,label\n0,0,0\n1,1,1\n1,0,1\n0,1,0\n");
        var shape = new NetworkArchitecture([2, 3, 1], Activation.Tanh);
        var weights = NetworkGradientTests.RandomParameters(shape, 5);
        string json = $$"""
            {"network": {"data": "points.csv", "layers": [2, 3, 1], "activation": "tanh", "weights": {{NetworkWeights.ToJson(shape, weights)}}},
             "balls": [{"optimizer": "momentum"}]}
            """;
        string path = Path.Combine(folder, "net.json");
        File.WriteAllText(path, json);
        var world = ScenarioFile.Load(path).CreateWorld();
        Assert.Equal(weights, world.Balls[0].StartVector.ToArray());
        Assert.Equal(4, world.Objective.ExampleCount);
        Assert.Equal(4, world.BatchSize);
    }

    [Theory]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1]}, "landscape": "quadratic", "balls": [{"optimizer": "sgd"}]}""", "landscape: a network scenario has no landscape; its balls train the network from its initial weights")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1]}, "start": [1, 2], "balls": [{"optimizer": "sgd"}]}""", "start: a network scenario has no start; its balls train the network from its initial weights")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1]}, "balls": [{"optimizer": "sgd", "start": [1, 2]}]}""", "balls[0].start: a network's balls all start from its initial weights (network.weights or network.init_seed)")]
    [InlineData("""{"network": {"data": "moon", "layers": [2, 5, 1]}, "balls": [{"optimizer": "sgd"}]}""", "network.data: unknown data set 'moon'; expected one of moons, circles, xor, gaussians, spiral or a FILE.csv")]
    [InlineData("""{"network": {"layers": [2, 5, 1]}, "balls": [{"optimizer": "sgd"}]}""", "network.data: missing; expected a data set name or a FILE.csv")]
    [InlineData("""{"network": {"data": "moons"}, "balls": [{"optimizer": "sgd"}]}""", "network.layers: missing; expected sizes such as [2, 5, 2, 1]")]
    [InlineData("""{"network": {"data": "moons", "layers": "2,5,1"}, "balls": [{"optimizer": "sgd"}]}""", "network.layers: expected a list of whole numbers such as [2, 5, 2, 1]")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5.5, 1]}, "balls": [{"optimizer": "sgd"}]}""", "network.layers: expected a list of whole numbers such as [2, 5, 2, 1]")]
    [InlineData("""{"network": {"data": "moons", "layers": [3, 5, 1]}, "balls": [{"optimizer": "sgd"}]}""", "network.layers: layers 3,5,1: expected 2 inputs first and 1 output last, such as 2,5,2,1")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1], "activation": "elu"}, "balls": [{"optimizer": "sgd"}]}""", "network.activation: unknown activation 'elu'; expected one of relu, tanh")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1], "examples": 1}, "balls": [{"optimizer": "sgd"}]}""", "network.examples: expected a whole number >= 2 (at most 2147483647)")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1], "noise": -1}, "balls": [{"optimizer": "sgd"}]}""", "network.data: noise -1 is out of range; expected 0 to 10")]
    [InlineData("""{"network": {"data": "x.csv", "layers": [2, 5, 1], "noise": 0.1}, "balls": [{"optimizer": "sgd"}]}""", "network.noise applies to built-in data sets (moons, circles, xor, gaussians, spiral), not a CSV file")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1], "init_seed": 1, "weights": {}}, "balls": [{"optimizer": "sgd"}]}""", "network.init_seed: cannot be combined with network.weights, which gives every weight")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 2, 1], "weights": {"layers": [{"weights": [[1, 2], [3, 4]], "biases": [0, 0]}, {"weights": [[1]], "biases": [0]}]}}, "balls": [{"optimizer": "sgd"}]}""", "network.weights: layers[1].weights[0]: expected a list of 2 numbers (one per input), got 1")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1], "depth": 3}, "balls": [{"optimizer": "sgd"}]}""", "network.depth: unknown key; expected one of data, examples, noise, data_seed, layers, activation, init_seed, weights")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1], "examples": 50}, "batch_size": 51, "balls": [{"optimizer": "sgd"}]}""", "batch_size: batch size 51 is out of range; expected 1 to 50 (the number of examples)")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1], "examples": 50}, "balls": [{"optimizer": "sgd", "batch_size": 60}]}""", "balls[0].batch_size: 60 is out of range; expected 1 to 50 (the number of examples)")]
    [InlineData("""{"network": {"data": "moons", "layers": [2, 5, 1]}, "balls": [{"optimizer": "sgd", "params": {"beta": 0.9}}]}""", "balls[0].params: unknown parameter 'beta' for optimizer sgd; expected one of dampening, lr, momentum, nesterov, weight_decay")]
    [InlineData("""{"network": [2, 5, 1], "balls": [{"optimizer": "sgd"}]}""", "network: expected an object with data and layers")]
    public void EveryProblemIsOneLineNamingItsPath(string json, string expected) =>
        Assert.Equal(expected, Assert.Throws<InputError>(() => ScenarioFile.Parse(json)).Message);
}
