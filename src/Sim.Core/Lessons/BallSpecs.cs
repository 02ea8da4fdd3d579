using Sim.Core.Landscapes;
using Sim.Core.Scenarios;

namespace Sim.Core.Lessons;

/// <summary>Short spellings for the lessons' scenarios: <c>Of("sgd", "lr=0.02, momentum=0.9")</c>.</summary>
internal static class BallSpecs
{
    public static BallSpec Of(string optimizer, string parameters = "", string? label = null, Point2? start = null, int? batchSize = null) =>
        new(optimizer, Values(parameters), start, Label: label, BatchSize: batchSize);

    /// <summary>"key=value, key=value" as a scenario's params.</summary>
    public static IReadOnlyDictionary<string, string> Values(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=');
            values[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return values;
    }
}
