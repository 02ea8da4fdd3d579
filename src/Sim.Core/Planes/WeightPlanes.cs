using Sim.Core.Networks;

namespace Sim.Core.Planes;

/// <summary>The planes a network scene can show, built from the start, the balls' weights or their trajectories.</summary>
public static class WeightPlanes
{
    /// <summary>
    /// Two filter-normalised random directions (<see cref="FilterNormalised"/>) through <paramref name="centre"/>,
    /// d₁ then d₂ drawn from one generator seeded with the choice's seed.
    /// </summary>
    public static WeightPlane Random(NetworkArchitecture shape, ReadOnlySpan<double> centre, PlaneChoice choice)
    {
        var random = new SplitMix64(choice.Seed);
        var first = FilterNormalised.Direction(shape, centre, random);
        var second = FilterNormalised.Direction(shape, centre, random);
        if (IsDegenerate(first, second)) (first, second) = UnitDirections(shape, random); // all-zero weights: nothing to scale by
        return new WeightPlane(centre.ToArray(), first, second, choice, $"random, filter-normalised (seed {choice.Seed})");
    }

    /// <summary>
    /// The plane through <paramref name="start"/> and the weights <paramref name="w1"/> and <paramref name="w2"/>
    /// of two balls, by Gram-Schmidt: d₁ = (w₁ − c)/|w₁ − c|, d₂ the unit part of w₂ − c orthogonal to d₁
    /// (orthogonalised twice, against rounding). Both balls then lie on the plane to rounding, at
    /// (|w₁ − c|, 0) and (d₁·(w₂ − c), |…|). Where a ball still sits at the start, or the two and the start
    /// are on one line, the missing direction is a random one (orthogonalised), and the description says so.
    /// </summary>
    public static WeightPlane ThroughBalls(NetworkArchitecture shape, ReadOnlySpan<double> start, ReadOnlySpan<double> w1, ReadOnlySpan<double> w2, PlaneChoice choice)
    {
        int n = start.Length;
        var first = new double[n];
        var second = new double[n];
        for (int i = 0; i < n; i++)
        {
            first[i] = w1[i] - start[i];
            second[i] = w2[i] - start[i];
        }
        double scale = Math.Max(FilterNormalised.Norm(start), 1e-300);
        var random = new SplitMix64(choice.Seed);
        string note = "";
        if (!(FilterNormalised.Norm(first) > 1e-12 * scale) || !IsFinite(first))
        {
            first = FilterNormalised.Direction(shape, start, random);
            note = $"; ball {choice.FirstBall + 1} is still at the start: one direction is random";
        }
        Normalise(first);
        if (!Orthogonalise(second, first, 1e-9 * scale) || !IsFinite(second))
        {
            second = FilterNormalised.Direction(shape, start, random);
            Orthogonalise(second, first, 0);
            note = note.Length > 0
                ? $"; balls {choice.FirstBall + 1} and {choice.SecondBall + 1} are still at the start: both directions are random"
                : $"; ball {choice.SecondBall + 1} is on the line through the start and ball {choice.FirstBall + 1}: one direction is random";
        }
        Normalise(second);
        return new WeightPlane(start.ToArray(), first, second, choice,
            $"through the start and balls {choice.FirstBall + 1} and {choice.SecondBall + 1}{note}");
    }

    /// <summary>The same directions through <paramref name="centre"/> (a ball's weights): that ball then lies on the plane at (0, 0).</summary>
    public static WeightPlane RecentredOn(WeightPlane plane, ReadOnlySpan<double> centre, PlaneChoice choice) =>
        new(centre.ToArray(), plane.First.ToArray(), plane.Second.ToArray(), choice, plane.Description + $", centred on ball {choice.CentreBall + 1}",
            plane.ExplainedVariance);

    /// <summary>Subtracts from <paramref name="v"/> twice its component along unit <paramref name="d"/>; false if what is left is shorter than <paramref name="tiny"/>.</summary>
    private static bool Orthogonalise(double[] v, double[] d, double tiny)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            double along = WeightPlane.Dot(v, d);
            for (int i = 0; i < v.Length; i++) v[i] -= along * d[i];
        }
        return FilterNormalised.Norm(v) > tiny;
    }

    private static void Normalise(double[] v)
    {
        double norm = FilterNormalised.Norm(v);
        for (int i = 0; i < v.Length; i++) v[i] /= norm;
    }

    private static bool IsFinite(double[] v)
    {
        foreach (var x in v)
            if (!double.IsFinite(x)) return false;
        return true;
    }

    private static bool IsDegenerate(double[] first, double[] second)
    {
        double a = WeightPlane.Dot(first, first), b = WeightPlane.Dot(second, second), c = WeightPlane.Dot(first, second);
        return !(a * b - c * c > 1e-12 * a * b) || !double.IsFinite(a * b);
    }

    /// <summary>Two orthonormal Gaussian directions, for weights with no scale to normalise by (all 0).</summary>
    private static (double[], double[]) UnitDirections(NetworkArchitecture shape, SplitMix64 random)
    {
        var first = new double[shape.ParameterCount];
        var second = new double[shape.ParameterCount];
        for (int i = 0; i < first.Length; i++) (first[i], second[i]) = (random.NextGaussian(), random.NextGaussian());
        Normalise(first);
        Orthogonalise(second, first, 0);
        Normalise(second);
        return (first, second);
    }
}
