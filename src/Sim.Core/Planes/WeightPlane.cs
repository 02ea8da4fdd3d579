using Sim.Core.Landscapes;

namespace Sim.Core.Planes;

/// <summary>
/// A plane through weight space, θ(a, b) = c + a·d₁ + b·d₂, and the projection onto it. The directions
/// need not be orthogonal or of unit length (filter-normalised random ones are neither), so a point w
/// projects by least squares: (a, b) solves G·(a, b)ᵀ = (d₁·(w − c), d₂·(w − c))ᵀ with the Gram matrix
/// G = [[d₁·d₁, d₁·d₂], [d₁·d₂, d₂·d₂]], and its distance from the plane is |w − θ(a, b)|. A vector v
/// (a gradient, a step) projects the same way without the centre. Immutable once built.
/// </summary>
public sealed class WeightPlane
{
    private readonly double[] centre, first, second;
    private readonly double g11, g12, g22, det;

    /// <param name="explained">for a PCA plane, the fractions of the trajectories' variance along d₁ and d₂.</param>
    public WeightPlane(double[] centre, double[] first, double[] second, PlaneChoice choice, string description,
        (double First, double Second)? explained = null)
    {
        if (first.Length != centre.Length || second.Length != centre.Length)
            throw new ArgumentException("the centre and both directions need the same length");
        this.centre = centre;
        this.first = first;
        this.second = second;
        Choice = choice;
        Description = description;
        ExplainedVariance = explained;
        g11 = Dot(first, first);
        g12 = Dot(first, second);
        g22 = Dot(second, second);
        det = g11 * g22 - g12 * g12;
        if (!(det > 1e-300 * Math.Max(g11 * g22, 1e-300)) || !double.IsFinite(det))
            throw new ArgumentException("the directions must be finite and linearly independent");
    }

    /// <summary>The choice this plane was built for.</summary>
    public PlaneChoice Choice { get; }

    /// <summary>What the plane is, for the display: "random (seed 1)", "PCA: 81% + 12% of the variance".</summary>
    public string Description { get; }

    /// <summary>For a PCA plane, the fractions of the variance of the trajectories along d₁ and d₂; null otherwise.</summary>
    public (double First, double Second)? ExplainedVariance { get; }

    public int ParameterCount => centre.Length;
    public ReadOnlySpan<double> Centre => centre;
    public ReadOnlySpan<double> First => first;
    public ReadOnlySpan<double> Second => second;

    /// <summary>(a, b) of the point of the plane nearest to <paramref name="w"/>.</summary>
    public Point2 Project(ReadOnlySpan<double> w)
    {
        double u1 = 0, u2 = 0;
        for (int i = 0; i < centre.Length; i++)
        {
            double r = w[i] - centre[i];
            u1 += first[i] * r;
            u2 += second[i] * r;
        }
        return Solve(u1, u2);
    }

    /// <summary>The (a, b) components of vector <paramref name="v"/>'s projection onto the plane's directions.</summary>
    public Point2 ProjectVector(ReadOnlySpan<double> v) => Solve(Dot(first, v), Dot(second, v));

    /// <summary>The distance from <paramref name="w"/> to the plane (to its nearest point), in weight space.</summary>
    public double Distance(ReadOnlySpan<double> w)
    {
        var p = Project(w);
        double sum = 0;
        for (int i = 0; i < centre.Length; i++)
        {
            double r = w[i] - (centre[i] + p.X * first[i] + p.Y * second[i]);
            sum += r * r;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>θ(a, b) = c + a·d₁ + b·d₂ into <paramref name="into"/>.</summary>
    public void PointAt(double a, double b, Span<double> into)
    {
        for (int i = 0; i < centre.Length; i++) into[i] = centre[i] + a * first[i] + b * second[i];
    }

    /// <summary>The length in weight space of one unit of a and of b: |d₁| and |d₂|.</summary>
    public (double First, double Second) UnitLengths => (Math.Sqrt(g11), Math.Sqrt(g22));

    private Point2 Solve(double u1, double u2) => new((g22 * u1 - g12 * u2) / det, (g11 * u2 - g12 * u1) / det);

    /// <summary>x·y.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
