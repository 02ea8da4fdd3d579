using Sim.Core.Landscapes;

namespace Sim.Render.Tests;

/// <summary>Rosenbrock's banana valley, local to the tests: a loss spanning orders of magnitude.</summary>
internal sealed class SteepValley : Landscape
{
    public override string Name => "steep-valley";
    public override string Formula => "(1-x)^2 + 100*(y-x^2)^2";
    public override Domain Domain => new(-2, 2, -1, 3);
    public override IReadOnlyList<Point2> Minima { get; } = [new(1, 1)];
    public override Point2 DefaultStart => new(-1.5, 2);

    public override double Value(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = -2 * (1 - x) - 400 * x * (y - x * x);
        gy = 200 * (y - x * x);
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        hxx = 2 - 400 * (y - 3 * x * x);
        hxy = -400 * x;
        hyy = 200;
    }
}
