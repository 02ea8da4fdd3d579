using Sim.Core.Landscapes;

namespace Sim.Core.Planes;

/// <summary>
/// A network's full-batch loss over a plane of its weight space, L(a, b) = L(c + a·d₁ + b·d₂), as a
/// 2-D <see cref="Landscape"/>: the surface, colour map, contours and arrows of the 2-D scenes draw it
/// unchanged. Its domain covers the balls' projections with a margin; it has no known minima (its
/// lowest point is not the network's). Every gradient is the full one (<see cref="Landscape.ExampleCount"/> 0).
/// </summary>
public abstract class SliceLandscape(WeightPlane plane, Domain domain, string networkName) : Landscape
{
    /// <summary>The plane this is the loss over.</summary>
    public WeightPlane Plane => plane;

    /// <summary>"network 2,8,8,1 relu on moons".</summary>
    public override string Name => networkName;

    /// <summary>What every slice draws; the plane's kind is its <see cref="WeightPlane.Description"/>.</summary>
    public const string SliceFormula = "L(c + a·d₁ + b·d₂), the full-batch loss on a plane of weights";

    public override string Formula => SliceFormula;

    public override Domain Domain => domain;

    public override IReadOnlyList<Point2> Minima => [];

    /// <summary>The plane's centre, (0, 0).</summary>
    public override Point2 DefaultStart => new(0, 0);
}
