namespace Sim.Core.Landscapes;

/// <summary>
/// f = x² − y²: the plain saddle, unbounded below and with no minimum. A ball started just off the
/// ridge y = 0 slides into the flat centre and leaves it only slowly along y, the textbook picture
/// of why saddle points (not local minima) slow down training in high dimensions.
/// </summary>
public sealed class Saddle : Landscape
{
    public override string Name => "saddle";
    public override string Formula => "x^2 - y^2";
    public override Domain Domain => new(-2, 2, -2, 2);
    public override IReadOnlyList<Point2> Minima { get; } = [];

    // Slightly off the ridge: exactly on it, descent would stop at the saddle forever.
    public override Point2 DefaultStart => new(-1.8, 0.01);

    public override double Value(double x, double y) => x * x - y * y;

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = 2 * x;
        gy = -2 * y;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 2;
        hxy = 0;
        hyy = -2;
    }
}
