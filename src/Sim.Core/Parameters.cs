using System.Globalization;

namespace Sim.Core;

/// <summary>
/// Named values given as text (<c>--param lr=0.1</c>, a scenario's <c>"params"</c>), read by
/// whoever knows the names. Each read marks its key as used, so that the keys nobody read
/// can be reported as unknown with the list of accepted ones.
/// </summary>
public sealed class Parameters
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly SortedSet<string> accepted = new(StringComparer.Ordinal);

    /// <summary>Where these values came from, for messages: "--param" or "balls[2].params".</summary>
    public string Context { get; }

    public Parameters(string context = "--param") => Context = context;

    public static Parameters From(IEnumerable<KeyValuePair<string, string>> pairs, string context = "--param")
    {
        var p = new Parameters(context);
        foreach (var (k, v) in pairs) p.Set(k, v);
        return p;
    }

    public IEnumerable<string> Keys => values.Keys;

    public bool Contains(string key) => values.ContainsKey(key);

    public void Set(string key, string value) => values[key] = value;

    /// <summary>Parses <c>KEY=VALUE</c>.</summary>
    public void Add(string pair)
    {
        int eq = pair.IndexOf('=');
        if (eq <= 0) throw new InputError($"{Context}: {InputError.Quote(pair)} is not KEY=VALUE");
        Set(pair[..eq].Trim(), pair[(eq + 1)..].Trim());
    }

    public double Double(string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        Accept(key);
        if (!values.TryGetValue(key, out var text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new InputError($"{Context}: {key}={InputError.Quote(text)} is not a number");
        if (v < min || v > max)
            throw new InputError($"{Context}: {key}={InputError.Escape(text, InputError.QuotedLength)} is out of range; expected {Range(min, max)}");
        return v;
    }

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        Accept(key);
        if (!values.TryGetValue(key, out var text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new InputError($"{Context}: {key}={InputError.Quote(text)} is not a whole number");
        if (v < min || v > max)
            throw new InputError($"{Context}: {key}={InputError.Escape(text, InputError.QuotedLength)} is out of range; expected {Range(min, max)}");
        return v;
    }

    public bool Bool(string key, bool fallback)
    {
        Accept(key);
        if (!values.TryGetValue(key, out var text)) return fallback;
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw new InputError($"{Context}: {key}={InputError.Quote(text)} is not a boolean; expected true or false"),
        };
    }

    /// <summary>
    /// Refuses a whole set these values built when its <paramref name="problem"/> (an optimizer's,
    /// schedule's or landscape's <c>Problem</c>: values that do not fit together) is not null.
    /// </summary>
    public T Validated<T>(T built, string? problem)
    {
        if (problem is not null) throw new InputError($"{Context}: {problem}");
        return built;
    }

    /// <summary>Throws for the first key that no reader asked for.</summary>
    public void RejectUnused(string owner)
    {
        foreach (var key in values.Keys)
            if (!accepted.Contains(key))
                throw new InputError($"{Context}: unknown parameter {InputError.Quote(key)} for {owner}; expected one of {string.Join(", ", accepted)}");
    }

    private void Accept(string key) => accepted.Add(key);

    private static string Range(double min, double max) =>
        (double.IsNegativeInfinity(min), double.IsPositiveInfinity(max)) switch
        {
            (true, true) => "a number",
            (false, true) => $">= {min.ToString(CultureInfo.InvariantCulture)}",
            (true, false) => $"<= {max.ToString(CultureInfo.InvariantCulture)}",
            _ => $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}",
        };
}
