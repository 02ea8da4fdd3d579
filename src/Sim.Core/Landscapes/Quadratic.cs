namespace Sim.Core.Landscapes;

/// <summary>
/// f = ½(x² + κ·y²): a bowl whose condition number κ (default 10) stretches it into a ravine
/// along x, the simplest picture of why plain gradient descent oscillates across a valley.
/// </summary>
public sealed class Quadratic(double condition = 10) : Landscape
{
    public double Condition { get; } = condition;

    public override string Name => "quadratic";
    public override string Formula => $"0.5*(x^2 + {Condition:G4}*y^2)";
    public override Domain Domain => new(-3, 3, -3, 3);
    public override IReadOnlyList<Point2> Minima { get; } = [new(0, 0)];
    public override Point2 DefaultStart => new(-2.5, 1.5);

    public override double Value(double x, double y) => 0.5 * (x * x + Condition * y * y);

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = x;
        gy = Condition * y;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 1;
        hxy = 0;
        hyy = Condition;
    }
}
