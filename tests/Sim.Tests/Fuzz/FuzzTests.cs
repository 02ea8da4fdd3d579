namespace Sim.Tests.Fuzz;

/// <summary>Console is redirected per case, so the in-process cases run alone.</summary>
[CollectionDefinition(nameof(InProcessCli), DisableParallelization = true)]
public sealed class InProcessCli;

/// <summary>
/// Seeded fuzz of every input through the program's own entry, in-process: each case must keep
/// CLI.md's contract (<see cref="CliContract"/>). A failure names the case, which its seed replays.
/// </summary>
[Collection(nameof(InProcessCli))]
public sealed class FuzzTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sim-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Every source and how many cases it runs: a new kind of input is one more row.</summary>
    public static TheoryData<string, ulong, int> Sources => new()
    {
        { nameof(ScenarioFileSource), 20261129, 1100 },
        { nameof(CommandLineSource), 7, 700 },
    };

    private static IFuzzSource Create(string name) => name switch
    {
        nameof(ScenarioFileSource) => new ScenarioFileSource(),
        nameof(CommandLineSource) => new CommandLineSource(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_case_keeps_the_error_contract(string source, ulong seed, int count)
    {
        var violations = new List<string>();
        int k = 0;
        foreach (var c in Create(source).Cases(seed, count))
        {
            string folder = Directory.CreateDirectory(Path.Combine(_root, (k++).ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
            if (CliContract.Violation(c, folder) is { } v) violations.Add($"{c.Name}: {v}");
            Directory.Delete(folder, recursive: true);
        }
        Assert.Equal(count, k);
        Assert.True(violations.Count == 0, $"{violations.Count} of {count} cases broke the contract:\n{string.Join("\n", violations.Take(30))}");
    }
}
