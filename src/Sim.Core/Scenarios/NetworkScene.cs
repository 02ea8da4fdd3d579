using Sim.Core.Data;
using Sim.Core.Networks;

namespace Sim.Core.Scenarios;

/// <summary>
/// The network form of a scenario (its <c>"network"</c> object): the data set, the layers and
/// activation, and the initial weights every ball starts from: inline in the format of
/// <c>sim train --save</c> (<see cref="WeightsJson"/>), or He-initialised from <see cref="InitSeed"/>.
/// </summary>
public sealed record NetworkScene(DataSource Data, IReadOnlyList<int> Layers, Activation Activation = Activation.Relu, ulong InitSeed = 1, string? WeightsJson = null)
{
    /// <summary>The network's objective and initial weights; a problem is an <see cref="InputError"/> naming its JSON path under "network".</summary>
    internal (NetworkObjective Objective, double[] Initial) Build(string? directory)
    {
        var shape = Scenario.Named("network.layers", () => new NetworkArchitecture(Layers, Activation));
        var data = Scenario.Named("network.data", () => Data.Load(directory, "network.examples", "network.noise"));
        var initial = WeightsJson is null
            ? NetworkWeights.HeInitialized(shape, InitSeed)
            : Scenario.Named("network.weights", () => NetworkWeights.Parse(WeightsJson, shape));
        return (new NetworkObjective(shape, data), initial);
    }
}
