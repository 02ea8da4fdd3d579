namespace Sim.Core.Simulation;

/// <summary>
/// What a ball descends: a loss over a parameter vector of any length, with its exact gradient.
/// A 2-D <see cref="Landscapes.Landscape"/> is the case n = 2; a network on a data set
/// (<see cref="Networks.NetworkObjective"/>) has one coordinate per weight and bias. An objective
/// with examples (<see cref="ExampleCount"/> &gt; 0) is a mean over them, and a mini-batch's value
/// and gradient are those of the mean over the examples it names.
/// </summary>
public interface IObjective
{
    /// <summary>Catalogue name or a short description, for messages.</summary>
    string Name { get; }

    /// <summary>Length n of the parameter vector.</summary>
    int ParameterCount { get; }

    /// <summary>Number of examples the loss averages over; 0 when every gradient is the full one.</summary>
    int ExampleCount { get; }

    /// <summary>The full loss at <paramref name="parameters"/>.</summary>
    double Value(ReadOnlySpan<double> parameters);

    /// <summary>The full gradient at <paramref name="parameters"/>, into <paramref name="gradient"/>.</summary>
    void Gradient(ReadOnlySpan<double> parameters, Span<double> gradient);

    /// <summary>The loss over the given examples only.</summary>
    double BatchValue(ReadOnlySpan<double> parameters, ReadOnlySpan<int> examples);

    /// <summary>The gradient over the given examples into <paramref name="gradient"/>; returns their loss.</summary>
    double BatchValueAndGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> examples, Span<double> gradient);
}
