using Sim.Core.Networks;

namespace Sim.Core.Planes;

/// <summary>
/// Filter-normalised random directions (Li, Xu, Taylor, Studer and Goldstein 2018, "Visualizing the
/// loss landscape of neural nets", §4): d is drawn N(0, 1) with θ's shape, then for each unit j of each
/// layer l (a "filter" of a fully connected layer is one unit's incoming weights, row j of Wˡ)
/// <code>dˡⱼ ← dˡⱼ / |dˡⱼ| · |θˡⱼ|</code>
/// so a step along d changes every unit by the same fraction of its own weights, whatever their scale.
/// Biases get 0 in d, as Li et al.'s code does by default (<c>--xignore biasbn</c>): a plane through the
/// start then keeps every bias at its starting value. A unit whose weights are all 0 gets 0 in d.
/// </summary>
public static class FilterNormalised
{
    /// <summary>One direction for <paramref name="weights"/>, drawn from <paramref name="random"/>.</summary>
    public static double[] Direction(NetworkArchitecture shape, ReadOnlySpan<double> weights, SplitMix64 random)
    {
        var d = new double[shape.ParameterCount];
        for (int l = 1; l <= shape.Depth; l++)
        {
            int inputs = shape.Units(l - 1), offset = shape.WeightOffset(l);
            for (int j = 0; j < shape.Units(l); j++)
            {
                var row = d.AsSpan(offset + j * inputs, inputs);
                for (int i = 0; i < inputs; i++) row[i] = random.NextGaussian();
                double unit = Norm(weights.Slice(offset + j * inputs, inputs)), drawn = Norm(row);
                double scale = drawn > 0 ? unit / drawn : 0;
                for (int i = 0; i < inputs; i++) row[i] *= scale;
            }
        }
        return d;
    }

    internal static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(WeightPlane.Dot(x, x));
}
