using System.Globalization;

namespace Sim.Core.Optimizers;

/// <summary>One hyperparameter of an optimizer as its catalogue names it, for read-outs and editing.</summary>
public readonly record struct Hyperparameter(string Key, double Value, bool IsSwitch = false)
{
    public static Hyperparameter Switch(string key, bool on) => new(key, on ? 1 : 0, IsSwitch: true);

    public static implicit operator Hyperparameter((string Key, double Value) pair) => new(pair.Key, pair.Value);

    /// <summary>The value as <c>--param</c> and scenario files write it: true/false, or a round-trip number.</summary>
    public string Text => IsSwitch ? (Value != 0 ? "true" : "false") : Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Short form for a display: "lr=0.001", "nesterov=true".</summary>
    public override string ToString() => $"{Key}={(IsSwitch ? Text : Value.ToString("G4", CultureInfo.InvariantCulture))}";
}
