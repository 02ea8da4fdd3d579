using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sim.Core.Networks;

/// <summary>
/// A network's initial weights: He initialisation from a seed, or the JSON file <c>sim train
/// --save</c> writes and <c>--init</c> reads (docs/weights.md):
/// <c>{"layers": [{"weights": [[...], ...], "biases": [...]}, ...]}</c>, one entry per weight layer
/// from the input, <c>weights[j][i]</c> connecting input i to unit j (the lab's W, shape (units, inputs)).
/// </summary>
public static class NetworkWeights
{
    /// <summary>
    /// He initialisation: every Wˡ[j, i] = N(0, 1)·√(2/inputs of layer l), drawn layer by layer in
    /// row-major order from <see cref="SplitMix64.NextGaussian"/> seeded with <paramref name="seed"/>; biases 0.
    /// </summary>
    public static double[] HeInitialized(NetworkArchitecture shape, ulong seed)
    {
        var random = new SplitMix64(seed);
        var theta = new double[shape.ParameterCount];
        for (int l = 1; l <= shape.Depth; l++)
        {
            int inputs = shape.Units(l - 1), offset = shape.WeightOffset(l);
            double scale = Math.Sqrt(2.0 / inputs);
            for (int k = 0; k < shape.Units(l) * inputs; k++) theta[offset + k] = random.NextGaussian() * scale;
        }
        return theta;
    }

    /// <summary>Reads a weights file; a problem is an <see cref="InputError"/> naming the file and the JSON path.</summary>
    public static double[] Load(string path, NetworkArchitecture shape)
    {
        string text = InputFile.ReadText(path, Limits.DataFileBytes, "weights");
        try
        {
            return Parse(text, shape);
        }
        catch (InputError e)
        {
            throw new InputError($"{path}: {e.Message}");
        }
    }

    public static double[] Parse(string json, NetworkArchitecture shape)
    {
        var document = JsonInput.Parse(json);
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("layers", out var layers))
                throw new InputError("$: expected an object with \"layers\": [{\"weights\": [[...]], \"biases\": [...]}, ...]");
            foreach (var property in root.EnumerateObject())
                if (property.Name != "layers") throw new InputError($"{property.Name}: unknown key; expected layers");
            if (layers.ValueKind != JsonValueKind.Array || layers.GetArrayLength() != shape.Depth)
                throw new InputError($"layers: expected a list of {shape.Depth} layers for --layers {string.Join(",", shape.Layers)}");
            var theta = new double[shape.ParameterCount];
            for (int l = 1; l <= shape.Depth; l++) ReadLayer(layers[l - 1], $"layers[{l - 1}]", shape, l, theta);
            return theta;
        }
    }

    private static void ReadLayer(JsonElement layer, string path, NetworkArchitecture shape, int l, double[] theta)
    {
        int inputs = shape.Units(l - 1), units = shape.Units(l);
        if (layer.ValueKind != JsonValueKind.Object) throw new InputError($"{path}: expected an object with weights and biases");
        foreach (var property in layer.EnumerateObject())
            if (property.Name is not ("weights" or "biases")) throw new InputError($"{path}.{property.Name}: unknown key; expected weights, biases");
        if (!layer.TryGetProperty("weights", out var weights)) throw new InputError($"{path}.weights: missing");
        if (!layer.TryGetProperty("biases", out var biases)) throw new InputError($"{path}.biases: missing");
        ExpectList(weights, units, $"{path}.weights", $"{units} rows (one per unit)");
        for (int j = 0; j < units; j++)
            ReadNumbers(weights[j], $"{path}.weights[{j}]", inputs, $"{inputs} numbers (one per input)", theta.AsSpan(shape.WeightOffset(l) + j * inputs, inputs));
        ReadNumbers(biases, $"{path}.biases", units, $"{units} numbers (one per unit)", theta.AsSpan(shape.BiasOffset(l), units));
    }

    private static void ReadNumbers(JsonElement list, string path, int length, string what, Span<double> into)
    {
        ExpectList(list, length, path, what);
        for (int k = 0; k < length; k++)
        {
            var e = list[k];
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var value) || !double.IsFinite(value))
                throw new InputError($"{path}[{k}]: expected a finite number");
            into[k] = value;
        }
    }

    private static void ExpectList(JsonElement e, int length, string path, string what)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != length)
            throw new InputError($"{path}: expected a list of {what}{(e.ValueKind == JsonValueKind.Array ? $", got {e.GetArrayLength()}" : "")}");
    }

    /// <summary>The weights as JSON, numbers in the round-trip format.</summary>
    public static string ToJson(NetworkArchitecture shape, ReadOnlySpan<double> theta)
    {
        var text = new StringBuilder("{\"layers\": [");
        for (int l = 1; l <= shape.Depth; l++)
        {
            int inputs = shape.Units(l - 1), units = shape.Units(l);
            text.Append(l > 1 ? ",\n  " : "\n  ").Append("{\"weights\": [");
            for (int j = 0; j < units; j++)
            {
                text.Append(j > 0 ? ", [" : "[");
                Numbers(text, theta.Slice(shape.WeightOffset(l) + j * inputs, inputs));
                text.Append(']');
            }
            text.Append("], \"biases\": [");
            Numbers(text, theta.Slice(shape.BiasOffset(l), units));
            text.Append("]}");
        }
        return text.Append("\n]}\n").ToString();
    }

    private static void Numbers(StringBuilder text, ReadOnlySpan<double> values)
    {
        for (int k = 0; k < values.Length; k++)
        {
            if (k > 0) text.Append(", ");
            text.Append(values[k].ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
