using System.Text.Json;
using Sim.Core.Tests;

namespace Sim.Tests.Fuzz;

/// <summary>
/// Formulas from <see cref="FormulaFuzz"/> (well-formed and hostile: deep nesting, huge exponents,
/// unknown names, empty input, control characters) through every command that takes one:
/// <c>trace</c>, <c>bench</c>, <c>basins</c> with <c>--formula</c>, and a scenario's <c>"formula"</c>.
/// </summary>
public sealed class FormulaSource : IFuzzSource
{
    public string Name => "formulas";

    public IEnumerable<FuzzCase> Cases(ulong seed, int count)
    {
        var fuzz = new FormulaFuzz((int)(seed % int.MaxValue));
        for (int k = 0; k < count; k++)
        {
            string text = k % 2 == 0 ? fuzz.Hostile() : fuzz.Wellformed(5);
            string name = $"formula {k} ({text.Length} chars)";
            yield return (k % 4) switch
            {
                0 => FuzzCase.Of(name, "trace", "--formula", text, "--optimizer", "sgd", "--param", "lr=0.01", "--steps", "5"),
                1 => FuzzCase.Of(name, "bench", "--formula", text, "--optimizer", "adam", "--points", "64", "--steps", "2", "--threads", "1"),
                2 => FuzzCase.Of(name, "basins", "--formula", text, "--optimizer", "sgd", "--grid", "3", "--steps", "5", "--out", "{dir}/b.csv"),
                _ => new FuzzCase(name, ["trace", "--scenario", "{dir}/s.json", "--steps", "5"], new Dictionary<string, byte[]>
                {
                    ["s.json"] = JsonSerializer.SerializeToUtf8Bytes(new { formula = text, balls = new[] { new { optimizer = "sgd" } } }),
                }),
            };
        }
    }
}
