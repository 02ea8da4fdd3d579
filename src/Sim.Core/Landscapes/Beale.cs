namespace Sim.Core.Landscapes;

/// <summary>
/// f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: minimum 0 at (3, 0.5) in a
/// narrow, curving floor between walls that rise steeply toward the corners. Gradients differ by
/// orders of magnitude across the plane, which is where per-parameter step sizes (Adam, RMSprop)
/// visibly beat a single learning rate.
/// </summary>
public sealed class Beale : Landscape
{
    public override string Name => "beale";
    public override string Formula => "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2";
    public override Domain Domain => new(-4.5, 4.5, -4.5, 4.5);
    public override IReadOnlyList<Point2> Minima { get; } = [new(3, 0.5)];
    public override Point2 DefaultStart => new(1, 1.5);

    public override double Value(double x, double y)
    {
        Residuals(x, y, out var t1, out var t2, out var t3);
        return t1 * t1 + t2 * t2 + t3 * t3;
    }

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        Residuals(x, y, out var t1, out var t2, out var t3);
        double y2 = y * y, y3 = y2 * y;
        gx = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
        gy = 2 * x * (t1 + 2 * y * t2 + 3 * y2 * t3);
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        Residuals(x, y, out var t1, out var t2, out var t3);
        double y2 = y * y, y3 = y2 * y;
        double a1 = y - 1, a2 = y2 - 1, a3 = y3 - 1;
        // Gauss–Newton part (products of first derivatives of the residuals) plus residual × second derivative.
        hxx = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
        hxy = 2 * (x * a1 + t1 + 2 * x * y * a2 + 2 * y * t2 + 3 * x * y2 * a3 + 3 * y2 * t3);
        hyy = 2 * (x * x + 4 * x * x * y2 + 9 * x * x * y2 * y2 + 2 * x * t2 + 6 * x * y * t3);
    }

    private static void Residuals(double x, double y, out double t1, out double t2, out double t3)
    {
        double xy = x * y;
        t1 = 1.5 - x + xy;
        t2 = 2.25 - x + xy * y;
        t3 = 2.625 - x + xy * y * y;
    }
}
