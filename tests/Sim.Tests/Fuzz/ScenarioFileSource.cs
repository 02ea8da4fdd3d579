using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sim.Core;
using static Sim.Tests.Fuzz.Mutations;

namespace Sim.Tests.Fuzz;

/// <summary>
/// Scenario files mutated from a few valid ones: type swaps, extreme numbers, deep nesting, huge
/// strings, control characters, lone surrogates, duplicate and unknown keys, inverted bounds,
/// thousands of balls, then sometimes byte flips or a truncation; each run by trace, export or render.
/// </summary>
public sealed partial class ScenarioFileSource : IFuzzSource
{
    private static readonly string[] Seeds =
    [
        """{"title": "race", "landscape": "rosenbrock", "start": [-1.5, 2], "balls": [{"optimizer": "sgd", "params": {"lr": 0.001}, "label": "SGD"}, {"optimizer": "adam", "params": {"lr": 0.05}, "colour": "#d55e00"}]}""",
        """{"landscape": {"name": "linreg", "params": {"examples": 64, "center": true}}, "schedule": {"name": "staircase", "params": {"decay_rate": 0.5, "interval": 10}}, "batch_size": 8, "seed": 3, "balls": [{"optimizer": "gains", "params": {"gain_min": 0.1, "gain_max": 10}}, {"optimizer": "rmsprop", "batch_size": 4, "start": [1, 1]}]}""",
        """{"landscape": "quadratic", "schedule": "exponential", "balls": [{"optimizer": "rprop", "params": {"step_min": 1e-6, "step_max": 50}}, {"optimizer": "sgd", "params": {"momentum": 0.9, "nesterov": true}, "label": "nesterov"}]}""",
        """{"landscape": {"name": "logreg", "params": {"separation": 2}}, "balls": [{"optimizer": "momentum", "params": {"beta": 0.9, "bias_correction": true}}, {"optimizer": "adamw", "params": {"weight_decay": 0.1, "amsgrad": true}}]}""",
        """{"landscape": "himmelblau", "swarm": "disc:0,0,1.5,500", "balls": [{"optimizer": "sgd", "params": {"lr": 0.01, "momentum": 0.9}}]}""",
    ];

    private const string Placeholder = "zzFUZZzz";

    private static readonly (string Name, Func<SplitMix64, JsonNode, string?> Apply)[] Structural =
    [
        ("type swap", TypeSwap), ("extreme number", (r, n) => ExtremeNumber(r, n.ToJsonString())), ("deep nesting", DeepNesting),
        ("huge string", HugeString), ("control characters", ControlCharacters), ("lone surrogate", LoneSurrogate),
        ("duplicate key", DuplicateKey), ("unknown key", UnknownKey), ("inverted bounds", InvertedBounds), ("many balls", ManyBalls),
    ];

    public string Name => "scenario files";

    public IEnumerable<FuzzCase> Cases(ulong seed, int count)
    {
        var random = new SplitMix64(seed);
        for (int k = 0; k < count; k++)
        {
            string json = Pick(random, Seeds);
            var applied = new List<string>();
            for (int m = 1 + random.NextInt(3); m > 0; m--)
            {
                var (name, apply) = Pick(random, Structural);
                if (JsonNode.Parse(json) is not JsonObject node) break; // a swapped root takes no further changes
                if (apply(random, node) is not { } mutated) continue;
                json = mutated;
                applied.Add(name);
                if (json.Length > 100_000 || !IsJson(json)) break; // further changes need a document, and a small one (no 1,000 copies of a huge label)
            }
            var bytes = Encoding.UTF8.GetBytes(json);
            if (Chance(random, 0.25)) bytes = ByteLevel(random, bytes, applied);
            yield return new FuzzCase($"scenario #{k} ({string.Join(", ", applied)})", Command(random), new Dictionary<string, byte[]> { ["s.json"] = bytes });
        }
    }

    private static string[] Command(SplitMix64 random) => random.NextInt(100) switch
    {
        < 70 => ["trace", "--scenario", "{dir}/s.json", "--steps", "20"],
        < 99 => ["export", "--scenario", "{dir}/s.json", "--steps", "20", "--out", "{dir}/o.csv"],
        _ => ["render", "--scenario", "{dir}/s.json", "--steps", "5", "--size", "64x64", "--out", "{dir}/o.png"],
    };

    private static bool IsJson(string text)
    {
        try
        {
            // Walking finds duplicate keys, writing lone surrogates: either makes the text a dead end for structural changes.
            return JsonNode.Parse(text) is { } node && Nodes(node).Count > 0 && node.ToJsonString().Length > 0;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static byte[] ByteLevel(SplitMix64 random, byte[] bytes, List<string> applied)
    {
        if (bytes.Length == 0) return bytes;
        if (Chance(random, 0.5))
        {
            applied.Add("truncation");
            return bytes[..random.NextInt(bytes.Length)];
        }
        applied.Add("byte flips");
        var flipped = (byte[])bytes.Clone();
        byte[] hostile = [0x00, 0xFF, 0x80, 0xC0, 0xED, (byte)'"', (byte)'\\', (byte)'{', (byte)']', (byte)'\n'];
        for (int i = 1 + random.NextInt(5); i > 0; i--)
            flipped[random.NextInt(flipped.Length)] = Chance(random, 0.5) ? Pick(random, hostile) : (byte)random.NextInt(256);
        return flipped;
    }

    private static List<JsonNode> Nodes(JsonNode root)
    {
        var all = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            if (n is null) return;
            all.Add(n);
            if (n is JsonObject o) foreach (var (_, v) in o) Walk(v);
            else if (n is JsonArray a) foreach (var v in a) Walk(v);
        }
        Walk(root);
        return all;
    }

    private static List<JsonObject> Objects(JsonNode root) => Nodes(root).OfType<JsonObject>().ToList();

    /// <summary>Sets a random object's <paramref name="key"/> to raw JSON text <paramref name="raw"/> (which may be no JSON at all).</summary>
    private static string WithRaw(SplitMix64 random, JsonNode root, string key, string raw)
    {
        Pick(random, Objects(root))[Placeholder] = Placeholder;
        return root.ToJsonString().Replace($"\"{Placeholder}\":\"{Placeholder}\"", $"{key}:{raw}", StringComparison.Ordinal);
    }

    private static string RandomKey(SplitMix64 random) => Pick(random,
        (string[])["\"title\"", "\"landscape\"", "\"balls\"", "\"params\"", "\"lr\"", "\"start\"", "\"label\"", "\"optimizer\"", "\"batch_size\"", "\"name\"", "\"colour\"", "\"speed\""]);

    private static string? TypeSwap(SplitMix64 random, JsonNode root)
    {
        var target = Pick(random, Nodes(root));
        JsonNode? replacement = random.NextInt(6) switch
        {
            0 => JsonValue.Create("text"),
            1 => JsonValue.Create(42),
            2 => JsonValue.Create(true),
            3 => null,
            4 => new JsonArray(1, "two", false),
            _ => new JsonObject { ["name"] = "adam" },
        };
        if (target.Parent is null) return replacement?.ToJsonString() ?? "null";
        target.ReplaceWith(replacement);
        return root.ToJsonString();
    }

    private static string? ExtremeNumber(SplitMix64 random, string json)
    {
        var numbers = NumberPattern().Matches(json);
        if (numbers.Count == 0) return null;
        var m = numbers[random.NextInt(numbers.Count)];
        return json[..m.Index] + Mutations.Number(random) + json[(m.Index + m.Length)..];
    }

    private static string DeepNesting(SplitMix64 random, JsonNode root)
    {
        int depth = Pick(random, (int[])[10, 63, 64, 65, 200, 5000]);
        var (open, close) = Chance(random, 0.5) ? ("[", "]") : ("{\"a\":", "}");
        string raw = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return WithRaw(random, root, RandomKey(random), raw);
    }

    private static string HugeString(SplitMix64 random, JsonNode root)
    {
        int length = Pick(random, (int[])[101, 1000, 100_000, 2_000_000]);
        var text = System.Text.Json.JsonSerializer.Serialize(Huge(random, length));
        return Chance(random, 0.3) ? WithRaw(random, root, text, "1") : WithRaw(random, root, RandomKey(random), text);
    }

    private static string ControlCharacters(SplitMix64 random, JsonNode root)
    {
        string nasty = Pick(random, NastyText.Where(t => !t.Any(char.IsSurrogate)).ToArray());
        if (Chance(random, 0.3))
        {
            // Raw, unescaped: not JSON any more.
            string json = root.ToJsonString();
            int at = random.NextInt(json.Length);
            return json[..at] + nasty + json[at..];
        }
        string quoted = System.Text.Json.JsonSerializer.Serialize(nasty);
        return Chance(random, 0.3) ? WithRaw(random, root, quoted, "1") : WithRaw(random, root, RandomKey(random), quoted);
    }

    private static string LoneSurrogate(SplitMix64 random, JsonNode root)
    {
        string escape = Pick(random, (string[])["\"\\udc00\"", "\"adam\\ud800\"", "\"\\ud800\\u0041\"", "\"\\udfff\\ud800\""]);
        return Chance(random, 0.3) ? WithRaw(random, root, escape, "1") : WithRaw(random, root, RandomKey(random), escape);
    }

    private static string? DuplicateKey(SplitMix64 random, JsonNode root)
    {
        var objects = Objects(root).Where(o => o.Count > 0).ToList();
        if (objects.Count == 0) return null;
        var target = Pick(random, objects);
        var (key, value) = target.ElementAt(random.NextInt(target.Count));
        target[Placeholder] = value?.DeepClone();
        return root.ToJsonString().Replace($"\"{Placeholder}\"", System.Text.Json.JsonSerializer.Serialize(key), StringComparison.Ordinal);
    }

    private static string UnknownKey(SplitMix64 random, JsonNode root) => WithRaw(random, root, RandomKey(random), Pick(random, (string[])["1", "\"x\"", "[]", "{}", "null", "true"]));

    private static string? InvertedBounds(SplitMix64 random, JsonNode root)
    {
        if (root["balls"] is not JsonArray { Count: > 0 } balls || balls[random.NextInt(balls.Count)] is not JsonObject ball) return null;
        (string Optimizer, JsonObject Params) inverted = random.NextInt(5) switch
        {
            0 => ("gains", new JsonObject { ["gain_min"] = 5, ["gain_max"] = 1 }),
            1 => ("rprop", new JsonObject { ["step_min"] = 10, ["step_max"] = 1 }),
            2 => ("sgd", new JsonObject { ["nesterov"] = true, ["momentum"] = 0 }),
            3 => ("sgd", new JsonObject { ["nesterov"] = true, ["momentum"] = 0.9, ["dampening"] = 0.5 }),
            _ => ("gains", new JsonObject { ["gain_min"] = 10, ["gain_max"] = 10 }), // equal: valid
        };
        ball["optimizer"] = inverted.Optimizer;
        ball["params"] = inverted.Params;
        if (Chance(random, 0.3)) ball["batch_size"] = 100_000;
        return root.ToJsonString();
    }

    private static string? ManyBalls(SplitMix64 random, JsonNode root)
    {
        if (root["balls"] is not JsonArray { Count: > 0 } balls) return null;
        int n = Pick(random, (int[])[100, 999, 1000, 1001, 3000]);
        var copies = new JsonArray();
        for (int i = 0; i < n; i++) copies.Add(balls[i % balls.Count]?.DeepClone());
        root["balls"] = copies;
        return root.ToJsonString();
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberPattern();
}
