using System.Globalization;
using System.Text.Json;
using Sim.Core.Data;
using Sim.Core.Formulas;
using Sim.Core.Landscapes;
using Sim.Core.Networks;

namespace Sim.Core.Scenarios;

/// <summary>
/// Reads a scenario from JSON. A problem is an <see cref="InputError"/> that names the JSON path and
/// what is accepted, e.g. <c>balls[2].optimizer: unknown optimizer 'adamm'; expected one of sgd, ...</c>;
/// loading stops at the first. The scenario is built once while loading, so a file that loads also runs.
/// Input echoed in a message is quoted by <see cref="InputError.Quote"/>, and every bound is <see cref="Limits"/>'.
/// </summary>
public static class ScenarioFile
{
    private static readonly string[] TopKeys = ["title", "landscape", "formula", "domain", "network", "schedule", "batch_size", "steps_per_epoch", "seed", "start", "balls", "swarm"];
    private static readonly string[] NetworkKeys = ["data", "examples", "noise", "data_seed", "layers", "activation", "init_seed", "weights"];
    private static readonly string[] BallKeys = ["optimizer", "params", "start", "colour", "label", "batch_size"];
    private static readonly string[] NamedKeys = ["name", "params"];

    public static Scenario Load(string path)
    {
        if (path.Length == 0) throw new InputError("scenario path is empty; expected a file name such as race.json");
        string text = InputFile.ReadText(path, Limits.ScenarioBytes, "scenario");
        try
        {
            return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)));
        }
        catch (InputError e)
        {
            throw new InputError($"{InputError.Escape(path, InputError.QuotedLength)}: {e.Message}");
        }
    }

    /// <param name="directory">where a network's relative CSV path is read from (the scenario file's folder).</param>
    public static Scenario Parse(string json, string? directory = null)
    {
        var document = JsonInput.Parse(json);
        using (document)
        {
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, "$", "an object");
            CheckKeys(root, "", TopKeys);
            var network = root.TryGetProperty("network", out var n) ? ReadNetwork(root, n) : null;
            var formula = OptionalString(root, "formula", "formula");
            if (formula is not null && root.TryGetProperty("landscape", out _))
                throw new InputError("formula: cannot be combined with landscape; give one: a named landscape or your own formula");
            var (landscape, landscapeParams) = NameAndParams(root, "landscape", required: formula is null && network is null, fallback: "");
            var (schedule, scheduleParams) = NameAndParams(root, "schedule", required: false, fallback: "constant");
            var scenario = new Scenario
            {
                Title = OptionalString(root, "title", "title") is { } title ? Limits.Text(title, "title") : null,
                Landscape = landscape,
                LandscapeParams = landscapeParams,
                Formula = formula,
                Domain = root.TryGetProperty("domain", out var d) ? DomainOf(d) : null,
                Schedule = schedule,
                ScheduleParams = scheduleParams,
                BatchSize = root.TryGetProperty("batch_size", out var b) ? Integer(b, "batch_size", 1) : 0,
                StepsPerEpoch = root.TryGetProperty("steps_per_epoch", out var e) ? Integer(e, "steps_per_epoch", 1) : 0,
                Seed = root.TryGetProperty("seed", out var s) ? (ulong)Integer(s, "seed", 0) : 1,
                Start = root.TryGetProperty("start", out var st) ? Point(st, "start") : null,
                Swarm = OptionalString(root, "swarm", "swarm"),
                Balls = ReadBalls(root, network is not null),
                Network = network,
                Directory = directory,
            };
            scenario.CreateWorld();
            return scenario;
        }
    }

    /// <summary>"network": {"data": ..., "layers": [...], ...}, in place of a landscape and its start.</summary>
    private static NetworkScene ReadNetwork(JsonElement root, JsonElement e)
    {
        foreach (var key in new[] { "landscape", "formula", "domain", "start", "swarm" })
            if (root.TryGetProperty(key, out _))
                throw new InputError($"{key}: a network scenario has no {key}; its balls train the network from its initial weights");
        Expect(e, JsonValueKind.Object, "network", "an object with data and layers");
        CheckKeys(e, "network.", NetworkKeys);
        var data = OptionalString(e, "data", "network.data") ?? throw new InputError("network.data: missing; expected a data set name or a FILE.csv");
        if (!e.TryGetProperty("layers", out var layers)) throw new InputError("network.layers: missing; expected sizes such as [2, 5, 2, 1]");
        if (layers.ValueKind != JsonValueKind.Array || layers.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.Number || !l.TryGetInt32(out _)))
            throw new InputError("network.layers: expected a list of whole numbers such as [2, 5, 2, 1]");
        if (e.TryGetProperty("weights", out var weights) && e.TryGetProperty("init_seed", out _))
            throw new InputError("network.init_seed: cannot be combined with network.weights, which gives every weight");
        string? activation = OptionalString(e, "activation", "network.activation");
        return new NetworkScene(
            new DataSource(data,
                e.TryGetProperty("examples", out var m) ? Integer(m, "network.examples", 2) : null,
                e.TryGetProperty("noise", out var noise) ? Number(noise, "network.noise") : null,
                e.TryGetProperty("data_seed", out var ds) ? (ulong)Integer(ds, "network.data_seed", 0) : 1),
            [.. layers.EnumerateArray().Select(l => l.GetInt32())],
            activation is null ? Activation.Relu : Scenario.Named("network.activation", () => Activations.Parse(activation)),
            e.TryGetProperty("init_seed", out var seed) ? (ulong)Integer(seed, "network.init_seed", 0) : 1,
            weights.ValueKind == JsonValueKind.Undefined ? null : weights.GetRawText());
    }

    private static double Number(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var v) || !double.IsFinite(v))
            throw new InputError($"{path}: expected a finite number");
        return v;
    }

    private static List<BallSpec> ReadBalls(JsonElement root, bool network)
    {
        if (!root.TryGetProperty("balls", out var balls)) throw new InputError("balls: missing; expected a list of balls, each with an optimizer");
        Expect(balls, JsonValueKind.Array, "balls", "a list of balls");
        if (balls.GetArrayLength() == 0) throw new InputError("balls: empty; expected at least one ball");
        Scenario.CheckBallCount(balls.GetArrayLength(), "balls");
        var specs = new List<BallSpec>();
        int i = 0;
        foreach (var ball in balls.EnumerateArray())
        {
            string path = $"balls[{i}]";
            Expect(ball, JsonValueKind.Object, path, "an object with an optimizer");
            CheckKeys(ball, path + ".", BallKeys);
            if (network && ball.TryGetProperty("start", out _))
                throw new InputError($"{path}.start: a network's balls all start from its initial weights (network.weights or network.init_seed)");
            var optimizer = OptionalString(ball, "optimizer", path + ".optimizer")
                ?? throw new InputError($"{path}.optimizer: missing; expected an optimizer name");
            Colour? colour = null;
            if (OptionalString(ball, "colour", path + ".colour") is { } c)
                colour = Colour.TryParse(c, out var parsed) ? parsed : throw new InputError($"{path}.colour: {InputError.Quote(c)} is not a colour; expected #rrggbb");
            specs.Add(new BallSpec(
                optimizer,
                ball.TryGetProperty("params", out var p) ? ParamsOf(p, path + ".params") : new Dictionary<string, string>(),
                ball.TryGetProperty("start", out var st) ? Point(st, path + ".start") : null,
                colour,
                OptionalString(ball, "label", path + ".label") is { } label ? Limits.Text(label, path + ".label") : null,
                ball.TryGetProperty("batch_size", out var bs) ? Integer(bs, path + ".batch_size", 1) : null));
            i++;
        }
        return specs;
    }

    /// <summary>"landscape": "name" or "landscape": {"name": ..., "params": {...}}.</summary>
    private static (string Name, Dictionary<string, string> Params) NameAndParams(JsonElement root, string key, bool required, string fallback)
    {
        if (!root.TryGetProperty(key, out var e))
        {
            if (required) throw new InputError($"{key}: missing; expected a name or {{\"name\": ..., \"params\": {{...}}}}{(key == "landscape" ? ", or a \"formula\"" : "")}");
            return (fallback, []);
        }
        if (e.ValueKind == JsonValueKind.String) return (Text(e, key), []);
        Expect(e, JsonValueKind.Object, key, "a name or an object with name and params");
        CheckKeys(e, key + ".", NamedKeys);
        var name = OptionalString(e, "name", key + ".name") ?? throw new InputError($"{key}.name: missing");
        return (name, e.TryGetProperty("params", out var p) ? ParamsOf(p, key + ".params") : []);
    }

    private static Dictionary<string, string> ParamsOf(JsonElement e, string path)
    {
        Expect(e, JsonValueKind.Object, path, "an object of names to numbers or booleans");
        CheckKeys(e, path + ".", accepted: null);
        var result = new Dictionary<string, string>();
        foreach (var property in e.EnumerateObject())
        {
            string name = property.Name; // checked by CheckKeys
            result[name] = property.Value.ValueKind switch
            {
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new InputError($"{path}.{InputError.Escape(name, InputError.QuotedLength)}: expected a number or a boolean"),
            };
        }
        return result;
    }

    private static Point2 Point(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2
            || e[0].ValueKind != JsonValueKind.Number || e[1].ValueKind != JsonValueKind.Number
            || !e[0].TryGetDouble(out double x) || !e[1].TryGetDouble(out double y)
            || !double.IsFinite(x) || !double.IsFinite(y))
            throw new InputError($"{path}: expected [x, y] of two finite numbers");
        return new Point2(x, y);
    }

    private static Domain DomainOf(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out _)))
            throw new InputError("domain: expected [xmin, xmax, ymin, ymax], four numbers");
        return DomainText.Check([.. e.EnumerateArray().Select(v => v.GetDouble())], "domain");
    }

    private static int Integer(JsonElement e, string path, int min)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v) || v < min)
            throw new InputError(string.Create(CultureInfo.InvariantCulture, $"{path}: expected a whole number >= {min} (at most {int.MaxValue})"));
        return v;
    }

    private static string? OptionalString(JsonElement obj, string key, string path)
    {
        if (!obj.TryGetProperty(key, out var e)) return null;
        Expect(e, JsonValueKind.String, path, "a string");
        return Text(e, path);
    }

    /// <summary>A JSON string's text; one with a lone surrogate escape ("\udc00") is no text.</summary>
    private static string Text(JsonElement e, string path)
    {
        try
        {
            return e.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InputError($"{path}: a string with a lone surrogate escape such as \\udc00; expected text");
        }
    }

    private static void Expect(JsonElement e, JsonValueKind kind, string path, string what)
    {
        if (e.ValueKind != kind) throw new InputError($"{path}: expected {what}");
    }

    /// <summary>Every key of <paramref name="obj"/> is text, given once, and (unless <paramref name="accepted"/> is null) one of <paramref name="accepted"/>.</summary>
    private static void CheckKeys(JsonElement obj, string prefix, string[]? accepted)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                throw new InputError($"{(prefix.Length == 0 ? "$" : prefix.TrimEnd('.'))}: a key with a lone surrogate escape such as \\udc00; expected text");
            }
            string shown = prefix + InputError.Escape(name, InputError.QuotedLength);
            if (!seen.Add(name)) throw new InputError($"{shown}: given twice; expected each key once");
            if (accepted is not null && Array.IndexOf(accepted, name) < 0)
                throw new InputError($"{shown}: unknown key; expected one of {string.Join(", ", accepted)}");
        }
    }

    // The parser quotes the offending text, which may span lines: the error stays one line.
}
