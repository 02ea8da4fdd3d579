namespace Sim.Core.Networks;

/// <summary>The nonlinearity of a network's hidden layers; the output unit is always a sigmoid.</summary>
public enum Activation
{
    /// <summary>max(0, z), as in the Ng C2W2 lab; its derivative is taken as 0 where z ≤ 0 (the lab's <c>a &gt; 0</c>).</summary>
    Relu,

    /// <summary>tanh z, with derivative 1 − tanh² z.</summary>
    Tanh,
}

/// <summary>Activation names as the command line and scenario files spell them.</summary>
public static class Activations
{
    public static IReadOnlyList<string> Names { get; } = ["relu", "tanh"];

    public static Activation Parse(string name) => name switch
    {
        "relu" => Activation.Relu,
        "tanh" => Activation.Tanh,
        _ => throw new InputError($"unknown activation {InputError.Quote(name)}; expected one of {string.Join(", ", Names)}"),
    };

    public static string Name(this Activation activation) => activation == Activation.Relu ? "relu" : "tanh";
}
