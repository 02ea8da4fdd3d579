using System.Globalization;
using Sim.Core;
using Sim.Core.Landscapes;

namespace Sim;

/// <summary>
/// The options of one command: <c>--name value</c> pairs, repeatable ones (<c>--param</c>) and
/// switches (<c>--float32</c>). Anything else is an <see cref="InputError"/> that lists what the
/// command accepts.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> values = [];
    private readonly HashSet<string> switches = [];

    public Arguments(string command, IReadOnlyList<string> args, string[] options, string[] switchOptions)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (Array.IndexOf(switchOptions, a) >= 0)
            {
                switches.Add(a);
            }
            else if (Array.IndexOf(options, a) >= 0)
            {
                if (i + 1 >= args.Count) throw new InputError($"{a} needs a value");
                if (!values.TryGetValue(a, out var list)) values[a] = list = [];
                list.Add(args[++i]);
            }
            else
            {
                var accepted = string.Join(", ", options.Concat(switchOptions));
                throw new InputError(a.StartsWith('-')
                    ? $"unknown option {InputError.Quote(a)} for {command}; expected one of {accepted}"
                    : $"unexpected argument {InputError.Quote(a)} for {command}; expected options {accepted}");
            }
        }
    }

    public bool Has(string option) => switches.Contains(option) || values.ContainsKey(option);

    /// <summary>The value of a single-valued option, or null; given twice is an error.</summary>
    public string? Value(string option)
    {
        if (!values.TryGetValue(option, out var list)) return null;
        if (list.Count > 1) throw new InputError($"{option} given {list.Count} times; expected once");
        return list[0];
    }

    public string Required(string option) => Value(option) ?? throw new InputError($"{option} is required");

    public IReadOnlyList<string> All(string option) => values.TryGetValue(option, out var list) ? list : [];

    public int Int(string option, int fallback, int min, int max = int.MaxValue)
    {
        var text = Value(option);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new InputError($"{option} {InputError.Quote(text)} is not a whole number");
        if (v < min || v > max)
            throw new InputError($"{option} {text} is out of range; expected {min} to {max}");
        return v;
    }

    public ulong Seed(string option, ulong fallback)
    {
        var text = Value(option);
        if (text is null) return fallback;
        return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new InputError($"{option} {InputError.Quote(text)} is not a whole number >= 0");
    }

    /// <summary>Parses <c>X,Y</c>.</summary>
    public Point2? Point(string option)
    {
        var text = Value(option);
        if (text is null) return null;
        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && double.IsFinite(x) && double.IsFinite(y))
            return new Point2(x, y);
        throw new InputError($"{option} {InputError.Quote(text)} is not a point; expected X,Y such as -1.5,2");
    }

    /// <summary>Every <c>--param KEY=VALUE</c> in one pool; each consumer reads its own keys.</summary>
    public Parameters Parameters()
    {
        var p = new Parameters();
        foreach (var pair in All("--param")) p.Add(pair);
        return p;
    }
}
