namespace Sim.Core.Landscapes;

/// <summary>
/// f = x³ − 3xy²: the monkey saddle, three valleys and three ridges meeting at the origin, where the
/// gradient and the whole Hessian vanish. A second-order method learns nothing there, and
/// first-order steps shrink quadratically as a ball approaches; no minimum exists.
/// </summary>
public sealed class MonkeySaddle : Landscape
{
    public override string Name => "monkey_saddle";
    public override string Formula => "x^3 - 3*x*y^2";
    public override Domain Domain => new(-2, 2, -2, 2);
    public override IReadOnlyList<Point2> Minima { get; } = [];

    // Near the ridge along +x: the ball creeps toward the flat centre before picking a valley.
    public override Point2 DefaultStart => new(1.5, 0.05);

    public override double Value(double x, double y) => x * x * x - 3 * x * y * y;

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = 3 * (x * x - y * y);
        gy = -6 * x * y;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 6 * x;
        hxy = -6 * y;
        hyy = -6 * x;
    }
}
