using System.Globalization;
using System.Text;
using System.Text.Json;
using Sim.Core.Landscapes;

namespace Sim.Core.Scenarios;

/// <summary>
/// Reads a scenario from JSON. A problem is an <see cref="InputError"/> that names the JSON path and
/// what is accepted, e.g. <c>balls[2].optimizer: unknown optimizer 'adamm'; expected one of sgd, ...</c>;
/// loading stops at the first. The scenario is built once while loading, so a file that loads also runs.
/// Input echoed in a message is quoted by <see cref="InputError.Quote"/>, and every bound is <see cref="Limits"/>'.
/// </summary>
public static class ScenarioFile
{
    private static readonly string[] TopKeys = ["title", "landscape", "schedule", "batch_size", "seed", "start", "balls"];
    private static readonly string[] BallKeys = ["optimizer", "params", "start", "colour", "label", "batch_size"];
    private static readonly string[] NamedKeys = ["name", "params"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Scenario Load(string path)
    {
        if (path.Length == 0) throw new InputError("scenario path is empty; expected a file name such as race.json");
        var bytes = Read(path);
        try
        {
            return Parse(Decode(bytes));
        }
        catch (InputError e)
        {
            throw new InputError($"{InputError.Escape(path, InputError.QuotedLength)}: {e.Message}");
        }
    }

    /// <summary>The file's bytes, read with a cap of <see cref="Limits.ScenarioBytes"/> so an endless file (/dev/zero) stops at once.</summary>
    private static byte[] Read(string path)
    {
        string Cannot(string why) => $"cannot read scenario {InputError.Quote(path)}: {why}";
        if (path.Contains('\0')) throw new InputError(Cannot("the path holds a NUL character"));
        if (Directory.Exists(path)) throw new InputError(Cannot("it is a folder; expected a JSON file"));
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var buffer = new byte[Limits.ScenarioBytes + 1];
            int total = 0, read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > Limits.ScenarioBytes)
                throw new InputError(Cannot(string.Create(CultureInfo.InvariantCulture, $"larger than the limit of {Limits.ScenarioBytes:N0} bytes")));
            return buffer[..total];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputError(Cannot("no such file"));
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputError(Cannot("permission denied"));
        }
        catch (IOException e)
        {
            throw new InputError(Cannot(e.Message));
        }
    }

    /// <summary>The text of UTF-8 bytes (a byte-order mark skipped); other bytes are an error naming where.</summary>
    private static string Decode(byte[] bytes)
    {
        int skip = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputError(string.Create(CultureInfo.InvariantCulture, $"not UTF-8 text (byte {skip + Math.Max(e.Index, 0) + 1}); expected a JSON file"));
        }
    }

    public static Scenario Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputError($"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, "$", "an object");
            CheckKeys(root, "", TopKeys);
            var (landscape, landscapeParams) = NameAndParams(root, "landscape", required: true, fallback: "");
            var (schedule, scheduleParams) = NameAndParams(root, "schedule", required: false, fallback: "constant");
            var scenario = new Scenario
            {
                Title = OptionalString(root, "title", "title") is { } title ? Limits.Text(title, "title") : null,
                Landscape = landscape,
                LandscapeParams = landscapeParams,
                Schedule = schedule,
                ScheduleParams = scheduleParams,
                BatchSize = root.TryGetProperty("batch_size", out var b) ? Integer(b, "batch_size", 1) : 0,
                Seed = root.TryGetProperty("seed", out var s) ? (ulong)Integer(s, "seed", 0) : 1,
                Start = root.TryGetProperty("start", out var st) ? Point(st, "start") : null,
                Balls = ReadBalls(root),
            };
            scenario.CreateWorld();
            return scenario;
        }
    }

    private static List<BallSpec> ReadBalls(JsonElement root)
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
            if (required) throw new InputError($"{key}: missing; expected a name or {{\"name\": ..., \"params\": {{...}}}}");
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

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return InputError.Escape((end > 0 ? message[..end] : message).TrimEnd('.'), 200);
    }
}
