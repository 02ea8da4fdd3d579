namespace Sim.Core.Landscapes;

/// <summary>
/// Ackley's function (a = 20, b = 0.2, c = 2π):
/// f = −a·exp(−b·√((x² + y²)/2)) − exp((cos cx + cos cy)/2) + a + e, minimum 0 at the origin.
/// A nearly flat outer region pitted with ripples around one deep, sharp funnel: local minima
/// everywhere, yet the large-scale trend points home, so smoothing (big steps, momentum, noise)
/// helps. The funnel tip is a cone, so the gradient is undefined exactly at the origin.
/// </summary>
public sealed class Ackley : Landscape
{
    private const double A = 20, B = 0.2, C = 2 * Math.PI;

    public override string Name => "ackley";
    public override string Formula => "-20*exp(-0.2*sqrt((x^2 + y^2)/2)) - exp((cos(2*pi*x) + cos(2*pi*y))/2) + 20 + e";

    // The usual search box (±32.768) hides the ripples at display size; ±5 shows both them and the funnel.
    public override Domain Domain => new(-5, 5, -5, 5);
    public override IReadOnlyList<Point2> Minima { get; } = [new(0, 0)];
    public override Point2 DefaultStart => new(3.3, -2.7);

    public override double Value(double x, double y)
    {
        double r = Radius(x, y);
        return -A * Math.Exp(-B * r) - Ripple(x, y) + A + Math.E;
    }

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        double r = Radius(x, y);
        if (r == 0)
        {
            // The cone's tip has no gradient; 0 is the subgradient that keeps a ball at the minimum.
            gx = 0;
            gy = 0;
            return;
        }
        double cone = A * B * Math.Exp(-B * r) / (2 * r);
        double ripple = 0.5 * C * Ripple(x, y);
        gx = cone * x + ripple * Math.Sin(C * x);
        gy = cone * y + ripple * Math.Sin(C * y);
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        double e2 = Ripple(x, y);
        double sx = Math.Sin(C * x), sy = Math.Sin(C * y);
        hxx = 0.5 * C * C * e2 * (Math.Cos(C * x) - 0.5 * sx * sx);
        hxy = -0.25 * C * C * e2 * sx * sy;
        hyy = 0.5 * C * C * e2 * (Math.Cos(C * y) - 0.5 * sy * sy);

        double r = Radius(x, y);
        // At the tip the cone's curvature is infinite; only the smooth ripple part is finite and
        // it is positive definite there, which is what a Newton step at the minimum should see.
        if (r == 0) return;
        double e1 = Math.Exp(-B * r);
        double cone = A * B * e1 / (2 * r);
        double bend = A * B * e1 * (B * r + 1) / (4 * r * r * r);
        hxx += cone - bend * x * x;
        hxy -= bend * x * y;
        hyy += cone - bend * y * y;
    }

    private static double Radius(double x, double y) => Math.Sqrt(0.5 * (x * x + y * y));

    private static double Ripple(double x, double y) => Math.Exp(0.5 * (Math.Cos(C * x) + Math.Cos(C * y)));
}
