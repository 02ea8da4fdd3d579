namespace Sim.Core.Landscapes;

/// <summary>
/// f = (4 − 2.1x² + x⁴/3)·x² + xy + (4y² − 4)·y²: six local minima, two of them global
/// (≈ −1.0316 at ±(0.0898, −0.7126)), the rest shallower traps, plus saddles. A small landscape
/// with unequal basins, for comparing where optimizers end up from the same start.
/// </summary>
public sealed class SixHumpCamel : Landscape
{
    public override string Name => "six_hump_camel";
    public override string Formula => "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (4*y^2 - 4)*y^2";

    // All six minima lie in [-1.8, 1.8] × [-1, 1]; the function explodes (x⁶) beyond.
    public override Domain Domain => new(-2.2, 2.2, -1.2, 1.2);

    // Newton-refined to full double precision; the pair is symmetric under (x, y) → (−x, −y).
    public override IReadOnlyList<Point2> Minima { get; } =
    [
        new(0.089842013100318062, -0.71265640302073963),
        new(-0.089842013100318062, 0.71265640302073963),
    ];

    // In the basin of the local minimum near (−1.70, 0.80): plain descent stays there.
    public override Point2 DefaultStart => new(-1.8, 1.0);

    public override double Value(double x, double y)
    {
        double x2 = x * x, y2 = y * y;
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (4 * y2 - 4) * y2;
    }

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        double x2 = x * x;
        gx = x * (8 - 8.4 * x2 + 2 * x2 * x2) + y;
        gy = x + y * (16 * y * y - 8);
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        double x2 = x * x;
        hxx = 8 - 25.2 * x2 + 10 * x2 * x2;
        hxy = 1;
        hyy = 48 * y * y - 8;
    }
}
