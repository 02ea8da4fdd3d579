namespace Sim.Core.Landscapes;

/// <summary>
/// f = ½·Σ(xᵢ⁴ − 16xᵢ² + 5xᵢ) over x and y: a separable double well per axis, so four basins of
/// unequal depth. The global minimum ≈ −78.332 at x = y ≈ −2.9035; the mirror-image wells at
/// +2.7468 are shallower. Which basin a ball falls into depends on which side of the ridges at
/// ≈ 0.1567 it starts.
/// </summary>
public sealed class StyblinskiTang : Landscape
{
    // Root of 4x³ − 32x + 5 = 0 (∂f/∂x = 0) near −2.9, by Newton's method in 40-digit arithmetic.
    private const double MinimumCoordinate = -2.9035340277711771;

    public override string Name => "styblinski_tang";
    public override string Formula => "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)";
    public override Domain Domain => new(-5, 5, -5, 5);
    public override IReadOnlyList<Point2> Minima { get; } = [new(MinimumCoordinate, MinimumCoordinate)];

    // Just right of the x ridge and just below the y ridge: descent lands in the −64.2 local minimum
    // at (2.7468, −2.9035), next to the global one.
    public override Point2 DefaultStart => new(0.5, 0.1);

    public override double Value(double x, double y) => 0.5 * (Term(x) + Term(y));

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = Slope(x);
        gy = Slope(y);
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 6 * x * x - 16;
        hxy = 0;
        hyy = 6 * y * y - 16;
    }

    private static double Term(double v)
    {
        double v2 = v * v;
        return v2 * v2 - 16 * v2 + 5 * v;
    }

    private static double Slope(double v) => 2 * v * v * v - 16 * v + 2.5;
}
