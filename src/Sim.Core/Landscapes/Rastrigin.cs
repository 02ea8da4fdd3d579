namespace Sim.Core.Landscapes;

/// <summary>
/// f = 20 + x² − 10·cos(2πx) + y² − 10·cos(2πy): a bowl covered in a regular grid of local minima,
/// global minimum 0 at the origin. Gradient methods stop in the nearest dimple; it shows what
/// "non-convex" means and why momentum, noise or restarts help.
/// </summary>
public sealed class Rastrigin : Landscape
{
    private const double TwoPi = 2 * Math.PI;

    public override string Name => "rastrigin";
    public override string Formula => "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)";
    public override Domain Domain => new(-5.12, 5.12, -5.12, 5.12);
    public override IReadOnlyList<Point2> Minima { get; } = [new(0, 0)];
    public override Point2 DefaultStart => new(4.2, 3.3);

    public override double Value(double x, double y) =>
        20 + x * x - 10 * Math.Cos(TwoPi * x) + y * y - 10 * Math.Cos(TwoPi * y);

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = 2 * x + 10 * TwoPi * Math.Sin(TwoPi * x);
        gy = 2 * y + 10 * TwoPi * Math.Sin(TwoPi * y);
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        const double c = 10 * TwoPi * TwoPi;
        hxx = 2 + c * Math.Cos(TwoPi * x);
        hxy = 0;
        hyy = 2 + c * Math.Cos(TwoPi * y);
    }
}
