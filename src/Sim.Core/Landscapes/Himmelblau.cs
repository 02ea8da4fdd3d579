namespace Sim.Core.Landscapes;

/// <summary>
/// f = (x² + y − 11)² + (x + y² − 7)²: four equal global minima (value 0), a local maximum near
/// (−0.27, −0.92) and saddles between. Which minimum a ball reaches depends on where it starts and
/// on the optimizer, the simplest picture of a loss with many equally good solutions.
/// </summary>
public sealed class Himmelblau : Landscape
{
    public override string Name => "himmelblau";
    public override string Formula => "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    public override Domain Domain => new(-5, 5, -5, 5);

    // Newton-refined to full double precision (the three irrational ones solve a quartic).
    public override IReadOnlyList<Point2> Minima { get; } =
    [
        new(3, 2),
        new(-2.8051180869527448, 3.1313125182505730),
        new(-3.7793102533777469, -3.2831859912861694),
        new(3.5844283403304917, -1.8481265269644036),
    ];

    public override Point2 DefaultStart => new(0, 0);

    public override double Value(double x, double y)
    {
        double a = x * x + y - 11, b = x + y * y - 7;
        return a * a + b * b;
    }

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        double a = x * x + y - 11, b = x + y * y - 7;
        gx = 4 * x * a + 2 * b;
        gy = 2 * a + 4 * y * b;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 12 * x * x + 4 * y - 42;
        hxy = 4 * (x + y);
        hyy = 12 * y * y + 4 * x - 26;
    }
}
