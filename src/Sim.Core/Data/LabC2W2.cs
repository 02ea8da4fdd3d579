using System.Reflection;
using Sim.Core.Networks;

namespace Sim.Core.Data;

/// <summary>
/// The Ng C2W2 "Optimization methods" lab's own data and initial weights, exactly as its code makes
/// them (tools/lab_c2w2.py: sklearn's make_moons(300, noise 0.2) after numpy's seed 3, and He
/// initialisation of a [2, 5, 2, 1] relu network after seed 3), so a lesson can set the lab's printed
/// table beside Sim's: on them Sim's runs end at the lab's accuracies (tests/Sim.Core.Tests/Networks/LabTableTests).
/// </summary>
public static class LabC2W2
{
    /// <summary>The data's name where a data set is named (<c>--data</c>, a scenario's <c>network.data</c>).</summary>
    public const string DataName = "lab_moons";

    /// <summary>The lab's network: 2 inputs, relu layers of 5 and 2, one sigmoid output.</summary>
    public static IReadOnlyList<int> Layers { get; } = [2, 5, 2, 1];

    /// <summary>The lab's 300 points, read afresh (a data set is handed over, not shared).</summary>
    public static DataSet Moons() => DataSetCsv.Parse(Resource("data/lab_moons.csv").ReplaceLineEndings("\n").Split('\n'), DataName);

    /// <summary>The lab's initial weights in the format of <c>sim train --save</c>.</summary>
    public static string InitialWeightsJson => Resource("data/lab_init.json");

    /// <summary>The lab's network's shape.</summary>
    public static NetworkArchitecture Shape => new(Layers, Activation.Relu);

    private static string Resource(string name)
    {
        using var stream = typeof(LabC2W2).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from {typeof(LabC2W2).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
