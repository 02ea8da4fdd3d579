namespace Sim.Core.Landscapes;

/// <summary>
/// Goldstein–Price: f = [1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²)]
///                    · [30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²)],
/// global minimum 3 at (0, −1), local minima of 30, 84 and 840 nearby, and values up to ~10⁶ in the
/// corners. Its huge range of gradient scales makes a fixed learning rate either diverge or crawl.
/// </summary>
public sealed class GoldsteinPrice : Landscape
{
    public override string Name => "goldstein_price";
    public override string Formula =>
        "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))";
    public override Domain Domain => new(-2, 2, -2, 2);
    public override IReadOnlyList<Point2> Minima { get; } = [new(0, -1)];

    // Uphill of the local minimum 30 at (−0.6, −0.4), which sits between the start and the global one.
    public override Point2 DefaultStart => new(-1.5, -0.5);

    // f = A·B with A = 1 + s²P, B = 30 + t²Q; each factor is expanded with its own derivatives.
    private readonly record struct Factor(double V, double Dx, double Dy, double Dxx, double Dxy, double Dyy);

    public override double Value(double x, double y) => First(x, y).V * Second(x, y).V;

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        var a = First(x, y);
        var b = Second(x, y);
        gx = a.Dx * b.V + a.V * b.Dx;
        gy = a.Dy * b.V + a.V * b.Dy;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        var a = First(x, y);
        var b = Second(x, y);
        hxx = a.Dxx * b.V + 2 * a.Dx * b.Dx + a.V * b.Dxx;
        hxy = a.Dxy * b.V + a.Dx * b.Dy + a.Dy * b.Dx + a.V * b.Dxy;
        hyy = a.Dyy * b.V + 2 * a.Dy * b.Dy + a.V * b.Dyy;
    }

    // A = 1 + s²·P, s = x + y + 1 (∂s/∂x = ∂s/∂y = 1), P's second derivatives are all 6.
    private static Factor First(double x, double y)
    {
        double s = x + y + 1;
        double p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        double pd = -14 + 6 * x + 6 * y; // ∂P/∂x = ∂P/∂y
        double s2 = s * s;
        double d = 2 * s * p + s2 * pd;
        double dd = 2 * p + 4 * s * pd + 6 * s2;
        return new(1 + s2 * p, d, d, dd, dd, dd);
    }

    // B = 30 + t²·Q, t = 2x − 3y.
    private static Factor Second(double x, double y)
    {
        double t = 2 * x - 3 * y;
        double q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        double qx = -32 + 24 * x - 36 * y;
        double qy = 48 - 36 * x + 54 * y;
        double t2 = t * t;
        return new(
            30 + t2 * q,
            4 * t * q + t2 * qx,
            -6 * t * q + t2 * qy,
            8 * q + 8 * t * qx + 24 * t2,
            -12 * q + 4 * t * qy - 6 * t * qx - 36 * t2,
            18 * q - 12 * t * qy + 54 * t2);
    }
}
