using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Render.Platform;

namespace Sim.Render;

/// <summary>
/// A landscape sampled on a grid over its domain, ready to upload: positions, analytic normals and
/// the normalised height that drives the colour map and contours.
/// World coordinates are (x, height, −y): in a right-handed y-up world that shows the plane as a
/// textbook plot does (x right, y away from the viewer, loss up) rather than its mirror image.
/// Height is the loss mapped by <see cref="HeightScale"/> into [0, <see cref="DisplayHeight"/>].
/// </summary>
public sealed class SurfaceMesh
{
    private MeshVertex[] _vertices = [];
    private uint[] _indices = [];
    private int _indexCount;
    private bool[] _holes = [];
    private double _gMin, _gRange, _epsilon;

    public SurfaceOptions Options { get; }
    public Landscape Landscape { get; private set; }
    public int Resolution => Options.Resolution;

    /// <summary>The scale in use (Auto resolved to Linear or Log).</summary>
    public HeightScale Scale { get; private set; }

    /// <summary>Lowest loss: the grid's minimum, or a known minimum's value if lower.</summary>
    public double ValueMin { get; private set; }

    /// <summary>Highest loss on the grid.</summary>
    public double ValueMax { get; private set; }

    /// <summary>World height of the highest grid point.</summary>
    public float DisplayHeight { get; private set; }

    public ReadOnlySpan<MeshVertex> Vertices => _vertices;
    /// <summary>Triangles of the grid, without those touching a point where the loss is not finite (a hole).</summary>
    public ReadOnlySpan<uint> Indices => _indices.AsSpan(0, _indexCount);

    public SurfaceMesh(Landscape landscape, SurfaceOptions? options = null)
    {
        Options = options ?? new SurfaceOptions();
        if (Options.Resolution < 2) throw new ArgumentOutOfRangeException(nameof(options), "resolution must be at least 2");
        Landscape = landscape;
        Rebuild(landscape);
    }

    /// <summary>Resamples for a new (or changed) landscape, reusing the buffers when the size allows.</summary>
    public void Rebuild(Landscape landscape)
    {
        Landscape = landscape;
        int n = Resolution;
        var d = landscape.Domain;
        if (_vertices.Length != n * n) (_vertices, _holes) = (new MeshVertex[n * n], new bool[n * n]);

        // Pass 1: values, to fix the range (stored in Level for now).
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                double f = landscape.Value(GridX(d, i, n), GridY(d, j, n));
                _vertices[j * n + i].Level = (float)f;
                _holes[j * n + i] = !double.IsFinite(f);
                if (!double.IsFinite(f)) continue;
                min = Math.Min(min, f);
                max = Math.Max(max, f);
            }
        foreach (var m in landscape.Minima)
        {
            double f = landscape.Value(m.X, m.Y);
            if (d.Contains(m.X, m.Y) && double.IsFinite(f)) min = Math.Min(min, f);
        }
        if (landscape.FloorValue is { } floor && double.IsFinite(floor)) min = Math.Min(min, floor);
        if (!double.IsFinite(min)) (min, max) = (0, 1); // nothing finite: draw flat rather than fail
        if (max <= min) max = min + 1;
        ValueMin = min;
        ValueMax = max;
        Scale = Options.Scale != HeightScale.Auto ? Options.Scale : ChooseScale(n, min, max);
        _epsilon = Options.LogEpsilon * (max - min);
        _gMin = Transform(min);
        _gRange = Transform(max) - _gMin;
        DisplayHeight = (float)(Options.HeightFraction * Math.Max(d.Width, d.Height));

        // Pass 2: positions and normals from the analytic gradient.
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                double x = GridX(d, i, n), y = GridY(d, j, n);
                double f = _vertices[j * n + i].Level;
                float t = Level(f);
                _vertices[j * n + i] = new MeshVertex(new Vector3((float)x, t * DisplayHeight, (float)-y), Normal(x, y, f), t);
            }
        BuildIndices(n);
    }

    private static double GridX(Domain d, int i, int n) => d.XMin + d.Width * i / (n - 1);
    private static double GridY(Domain d, int j, int n) => d.YMin + d.Height * j / (n - 1);

    /// <summary>Two triangles per grid cell, leaving out each one with a corner in a hole (a formula's log of a negative).</summary>
    private void BuildIndices(int n)
    {
        if (_indices.Length != (n - 1) * (n - 1) * 6) _indices = new uint[(n - 1) * (n - 1) * 6];
        int k = 0;
        for (int j = 0; j < n - 1; j++)
            for (int i = 0; i < n - 1; i++)
            {
                uint a = (uint)(j * n + i), b = a + 1, c = a + (uint)n, e = c + 1;
                if (!_holes[a] && !_holes[b] && !_holes[c]) { _indices[k++] = a; _indices[k++] = c; _indices[k++] = b; }
                if (!_holes[b] && !_holes[c] && !_holes[e]) { _indices[k++] = b; _indices[k++] = c; _indices[k++] = e; }
            }
        _indexCount = k;
    }

    /// <summary>
    /// Log when half the grid lies in the bottom 10% of the range (Rosenbrock, Beale; not bowls or Himmelblau): the loss is then all walls
    /// and a linear height would show a flat floor with the interesting valley squashed into it.
    /// </summary>
    private HeightScale ChooseScale(int n, double min, double max)
    {
        double threshold = min + 0.1 * (max - min);
        int low = 0, finite = 0;
        foreach (ref readonly var v in _vertices.AsSpan(0, n * n))
        {
            if (!float.IsFinite(v.Level)) continue;
            finite++;
            if (v.Level <= threshold) low++;
        }
        return low * 2 > finite ? HeightScale.Log : HeightScale.Linear;
    }

    private double Transform(double f) =>
        Scale == HeightScale.Log ? Math.Log(Math.Max(f - ValueMin, 0) + _epsilon) : f - ValueMin;

    /// <summary>d(level)/df, for the chain rule in the normals.</summary>
    private double LevelSlope(double f) =>
        (Scale == HeightScale.Log ? 1 / (Math.Max(f - ValueMin, 0) + _epsilon) : 1) / _gRange;

    /// <summary>Normalised height of a loss value: 0 at the minimum, 1 at the grid's maximum (more beyond it).</summary>
    public float Level(double f) => double.IsFinite(f) ? (float)((Transform(f) - _gMin) / _gRange) : 1f;

    /// <summary>World height of the surface above (x, y), on the same mapping as the mesh, so a ball can rest on it.</summary>
    public float HeightAt(double x, double y) => Level(Landscape.Value(x, y)) * DisplayHeight;

    /// <summary>The world point on the surface above (x, y), raised by <paramref name="lift"/> (e.g. a ball's radius).</summary>
    public Vector3 ToWorld(double x, double y, float lift = 0) => new((float)x, HeightAt(x, y) + lift, (float)-y);

    /// <summary>The parameter-plane point under a world position.</summary>
    public static Point2 ToPlane(Vector3 world) => new(world.X, -world.Z);

    /// <summary>Unit surface normal at (x, y) in world space.</summary>
    public Vector3 NormalAt(double x, double y) => Normal(x, y, Landscape.Value(x, y));

    private Vector3 Normal(double x, double y, double f)
    {
        Landscape.Gradient(x, y, out double gx, out double gy);
        double k = DisplayHeight * LevelSlope(f);
        // Height h(x, z) with z = −y: ∂h/∂x = k·gx, ∂h/∂z = −k·gy; the normal is (−∂h/∂x, 1, −∂h/∂z).
        var nrm = new Vector3((float)(-k * gx), 1f, (float)(k * gy));
        return float.IsFinite(nrm.LengthSquared()) ? Vector3.Normalize(nrm) : Vector3.UnitY;
    }

    /// <summary>Centre and radius of a sphere around the surface's bounding box, to frame a camera.</summary>
    public (Vector3 Center, float Radius) Bounds
    {
        get
        {
            var d = Landscape.Domain;
            var lo = new Vector3((float)d.XMin, 0, (float)-d.YMax);
            var hi = new Vector3((float)d.XMax, DisplayHeight, (float)-d.YMin);
            return ((lo + hi) / 2, (hi - lo).Length() / 2);
        }
    }
}
