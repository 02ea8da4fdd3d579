using System.Globalization;

namespace Sim.Core.Networks;

/// <summary>
/// The shape of a fully connected network: layer sizes from the input (2) to the output (1) and
/// the hidden activation. Every weight and bias lives in one flat parameter vector, layer by layer
/// as the lab's W1, b1, W2, b2, ...: W_l row-major with shape (units, inputs), so W_l[j, i]
/// (input i to unit j) is at <see cref="WeightOffset"/>(l) + j·inputs + i, then b_l's units.
/// </summary>
public sealed class NetworkArchitecture
{
    /// <summary>Units in one layer at most, and parameters in all: beyond these a network is not a lecture demo.</summary>
    public const int MaxUnits = 4096, MaxParameters = 1_000_000;

    private readonly int[] layers;
    private readonly int[] offsets; // offsets[l - 1]: where W_l starts

    public NetworkArchitecture(IReadOnlyList<int> layers, Activation activation = Activation.Relu)
    {
        Check(layers);
        this.layers = [.. layers];
        Activation = activation;
        offsets = new int[layers.Count - 1];
        int at = 0;
        for (int l = 1; l < layers.Count; l++)
        {
            offsets[l - 1] = at;
            at += layers[l] * (layers[l - 1] + 1);
        }
        ParameterCount = at;
    }

    /// <summary>Parses <c>2,H1,...,1</c> as <c>--layers</c> gives it.</summary>
    public static NetworkArchitecture Parse(string text, Activation activation)
    {
        var parts = text.Split(',');
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]))
                throw new InputError($"layers {InputError.Quote(text)}: {InputError.Quote(parts[i])} is not a whole number; expected sizes such as 2,5,2,1");
        return new NetworkArchitecture(sizes, activation);
    }

    /// <summary>Sizes from the input to the output, e.g. [2, 5, 2, 1].</summary>
    public IReadOnlyList<int> Layers => layers;

    public Activation Activation { get; }

    /// <summary>Number of weight layers L (layers with parameters): 3 for [2, 5, 2, 1].</summary>
    public int Depth => layers.Length - 1;

    public int ParameterCount { get; }

    /// <summary>Units of layer l (0 the input, <see cref="Depth"/> the output).</summary>
    public int Units(int l) => layers[l];

    /// <summary>Where W_l (l = 1 … L) starts in the flat parameter vector.</summary>
    public int WeightOffset(int l) => offsets[l - 1];

    /// <summary>Where b_l starts in the flat parameter vector, right after W_l.</summary>
    public int BiasOffset(int l) => offsets[l - 1] + layers[l] * layers[l - 1];

    /// <summary>"2,5,2,1 relu".</summary>
    public override string ToString() => $"{string.Join(",", layers)} {Activation.Name()}";

    private static void Check(IReadOnlyList<int> layers)
    {
        string text = string.Join(",", layers);
        if (layers.Count < 2 || layers[0] != 2 || layers[^1] != 1)
            throw new InputError($"layers {text}: expected 2 inputs first and 1 output last, such as 2,5,2,1");
        long parameters = 0;
        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l] < 1 || layers[l] > MaxUnits)
                throw new InputError($"layers {text}: {layers[l]} units is out of range; expected 1 to {MaxUnits}");
            if (l > 0) parameters += (long)layers[l] * (layers[l - 1] + 1);
        }
        if (parameters > MaxParameters)
            throw new InputError($"layers {text}: {parameters} parameters is too many; expected at most {MaxParameters}");
    }
}
