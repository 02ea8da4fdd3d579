namespace Sim.Core.Landscapes;

/// <summary>
/// f = 1 − exp(−(x² + y²) / (2w²)) with width w (default 1): a Gaussian well, minimum 0 at the
/// origin, inside a plateau at height ≈ 1. Beyond about 3w the gradient is nearly zero (≈ 2·10⁻³
/// at the default start), so plain gradient descent crawls while methods that normalise the
/// gradient (Adam, RMSprop, sign-based Rprop) cross the flat region at full speed. It is the
/// picture of vanishing gradients.
/// </summary>
public sealed class Plateau(double width = 1) : Landscape
{
    public double Width { get; } = width;

    public override string Name => "plateau";
    public override string Formula => $"1 - exp(-(x^2 + y^2) / (2*{Width:G4}^2))";

    // ±4w: the well fills the middle third, the rest is the flat region the lesson is about.
    public override Domain Domain => new(-4 * Width, 4 * Width, -4 * Width, 4 * Width);
    public override IReadOnlyList<Point2> Minima { get; } = [new(0, 0)];
    public override Point2 DefaultStart => new(-3 * Width, 2.5 * Width);

    public override double Value(double x, double y) => 1 - Well(x, y);

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        double s = Well(x, y) / (Width * Width);
        gx = x * s;
        gy = y * s;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        double w2 = Width * Width;
        double s = Well(x, y) / w2;
        hxx = s * (1 - x * x / w2);
        hxy = -s * x * y / w2;
        hyy = s * (1 - y * y / w2);
    }

    private double Well(double x, double y) => Math.Exp(-(x * x + y * y) / (2 * Width * Width));
}
