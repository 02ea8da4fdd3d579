namespace Sim.Tests.Fuzz;

/// <summary>
/// One generated input: a command line for <c>sim</c> and the files it names. <c>{dir}</c> in an
/// argument stands for the folder the files are written to (a fresh one per case).
/// </summary>
public sealed record FuzzCase(string Name, string[] Args, IReadOnlyDictionary<string, byte[]> Files)
{
    public static FuzzCase Of(string name, params string[] args) => new(name, args, new Dictionary<string, byte[]>());
}

/// <summary>
/// A generator of fuzz cases, seeded so a failure can be replayed. Adding a new kind of input (network
/// scenarios, data CSVs, formulas) is one more class implementing this, listed in <see cref="FuzzTests.Sources"/>:
/// the contract checked (<see cref="CliContract"/>) is the same for every source.
/// </summary>
public interface IFuzzSource
{
    string Name { get; }

    /// <summary><paramref name="count"/> cases from <paramref name="seed"/>; the same seed gives the same cases.</summary>
    IEnumerable<FuzzCase> Cases(ulong seed, int count);
}
