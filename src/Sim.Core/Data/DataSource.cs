namespace Sim.Core.Data;

/// <summary>
/// Where a network's data comes from: a built-in set of <see cref="DataSetCatalog"/> with its
/// size, noise and seed, or a CSV file (<see cref="DataSetCsv"/>), named by a path ending in .csv.
/// Size and noise apply to built-in sets only. Null values take the set's defaults.
/// </summary>
public sealed record DataSource(string Name, int? Examples = null, double? Noise = null, ulong Seed = 1)
{
    /// <summary>Examples in a built-in set when none is given: the lab's 300.</summary>
    public const int DefaultExamples = 300;

    public bool IsFile => Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The data set. A relative CSV path is taken from <paramref name="directory"/> when given (a
    /// scenario's folder). <paramref name="examplesKey"/> and <paramref name="noiseKey"/> name the
    /// options in messages (<c>--examples</c>, <c>network.examples</c>).
    /// </summary>
    public DataSet Load(string? directory = null, string examplesKey = "--examples", string noiseKey = "--noise")
    {
        if (IsFile)
        {
            if (Examples is not null) throw new InputError($"{examplesKey} applies to built-in data sets ({string.Join(", ", DataSetCatalog.Names)}), not a CSV file");
            if (Noise is not null) throw new InputError($"{noiseKey} applies to built-in data sets ({string.Join(", ", DataSetCatalog.Names)}), not a CSV file");
            return DataSetCsv.Load(directory is null || Path.IsPathRooted(Name) ? Name : Path.Combine(directory, Name));
        }
        if (Name == LabC2W2.DataName)
        {
            if (Examples is not null || Noise is not null) throw new InputError($"{examplesKey} and {noiseKey} apply to generated data sets, not {LabC2W2.DataName}, the lab's own 300 points");
            return LabC2W2.Moons();
        }
        return DataSetCatalog.Create(Name, Examples ?? DefaultExamples, Noise ?? DataSetCatalog.DefaultNoise(Name), Seed);
    }
}
