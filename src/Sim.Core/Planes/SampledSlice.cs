using Sim.Core.Landscapes;

namespace Sim.Core.Planes;

/// <summary>
/// A slice sampled once on an R × R grid over its domain (exact values and gradients at the grid
/// points, from <see cref="PlaneSlice"/>), then read by bilinear interpolation: what the scene draws,
/// so that resting a ball, placing a trail or an arrow costs a lookup, not a pass over the data. At the
/// grid points it is the exact slice; the Hessian is always the exact one (<see cref="Exact"/>).
/// Grid point (i, j) is (XMin + Width·i/(R − 1), YMin + Height·j/(R − 1)), as the surface mesh samples.
/// </summary>
public sealed class SampledSlice : SliceLandscape
{
    private readonly int resolution;
    private readonly double[] values, gradientX, gradientY;

    /// <param name="values">R × R losses, row j (b) by row, x (a) fastest; likewise the gradients.</param>
    /// <param name="floor">the lowest loss the drawn range must reach (the balls' true losses may lie below the slice).</param>
    public SampledSlice(PlaneSlice exact, int resolution, double[] values, double[] gradientX, double[] gradientY, int step, double floor)
        : base(exact.Plane, exact.Domain, exact.Name)
    {
        if (resolution < 2 || values.Length < resolution * resolution) throw new ArgumentException("a grid needs R × R values, R ≥ 2");
        Exact = exact;
        this.resolution = resolution;
        this.values = values;
        this.gradientX = gradientX;
        this.gradientY = gradientY;
        Step = step;
        Floor = floor;
    }

    /// <summary>The exact slice on the world's objective: for the Hessian, and for values off the grid when exactness matters.</summary>
    public PlaneSlice Exact { get; }

    public int Resolution => resolution;

    /// <summary>The world step whose weights the plane and the domain were fitted to.</summary>
    public int Step { get; }

    public override double? FloorValue => Floor;

    private double Floor { get; }

    public override double Value(double x, double y) => Interpolate(values, x, y);

    public override void Gradient(double x, double y, out double gx, out double gy)
    {
        gx = Interpolate(gradientX, x, y);
        gy = Interpolate(gradientY, x, y);
    }

    public override void Hessian(double x, double y, out double hxx, out double hxy, out double hyy) => Exact.Hessian(x, y, out hxx, out hxy, out hyy);

    private double Interpolate(double[] grid, double x, double y)
    {
        var d = Domain;
        double u = Math.Clamp((x - d.XMin) / d.Width, 0, 1) * (resolution - 1), v = Math.Clamp((y - d.YMin) / d.Height, 0, 1) * (resolution - 1);
        if (double.IsNaN(u) || double.IsNaN(v)) return double.NaN;
        int i = Math.Min((int)u, resolution - 2), j = Math.Min((int)v, resolution - 2);
        double s = u - i, t = v - j;
        int k = j * resolution + i;
        double bottom = grid[k] + s * (grid[k + 1] - grid[k]), top = grid[k + resolution] + s * (grid[k + resolution + 1] - grid[k + resolution]);
        return bottom + t * (top - bottom);
    }
}
