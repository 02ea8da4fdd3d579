using Sim.Core.Landscapes;
using Sim.Core.Networks;

namespace Sim.Core.Planes;

/// <summary>
/// The exact slice: every value is a full-batch pass of the network at θ(a, b) = c + a·d₁ + b·d₂, and by
/// the chain rule, with g = ∇L(θ(a, b)) and H its Hessian,
/// <code>
/// ∂L/∂a = d₁·g,   ∂L/∂b = d₂·g
/// ∂²L/∂a² = d₁·(H d₁),   ∂²L/∂a∂b = d₂·(H d₁),   ∂²L/∂b² = d₂·(H d₂)
/// </code>
/// the Hessian entries from two exact Hessian-vector products (the R-operator of <see cref="Network"/>),
/// not from differences. Uses <paramref name="objective"/>'s work buffers: one thread at a time.
/// </summary>
public sealed class PlaneSlice(NetworkObjective objective, WeightPlane plane, Domain domain, string networkName)
    : SliceLandscape(plane, domain, networkName)
{
    private readonly double[] theta = new double[plane.ParameterCount], gradient = new double[plane.ParameterCount],
        product = new double[plane.ParameterCount];

    public NetworkObjective Objective => objective;

    public override double Value(double x, double y)
    {
        Plane.PointAt(x, y, theta);
        return objective.Value(theta);
    }

    public override void Gradient(double x, double y, out double gx, out double gy) => ValueAndGradient(x, y, out gx, out gy);

    /// <summary>The loss at (a, b) and its gradient there, from one forward and one backward pass.</summary>
    public double ValueAndGradient(double x, double y, out double gx, out double gy)
    {
        Plane.PointAt(x, y, theta);
        double value = objective.ValueAndGradient(theta, gradient);
        gx = WeightPlane.Dot(Plane.First, gradient);
        gy = WeightPlane.Dot(Plane.Second, gradient);
        return value;
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy)
    {
        Plane.PointAt(x, y, theta);
        objective.HessianTimes(theta, Plane.First, product);
        hxx = WeightPlane.Dot(Plane.First, product);
        hxy = WeightPlane.Dot(Plane.Second, product);
        objective.HessianTimes(theta, Plane.Second, product);
        hyy = WeightPlane.Dot(Plane.Second, product);
    }
}
