using System.Numerics;
using Sim.Core.Landscapes;
using Xunit;

namespace Sim.Render.Tests;

public class SurfaceMeshTests
{
    [Fact]
    public void Grid_covers_the_domain_and_levels_span_zero_to_one()
    {
        var mesh = new SurfaceMesh(new Quadratic(), new SurfaceOptions { Resolution = 33 });
        Assert.Equal(33 * 33, mesh.Vertices.Length);
        Assert.Equal(32 * 32 * 6, mesh.Indices.Length);
        float minX = float.MaxValue, maxX = float.MinValue, minZ = float.MaxValue, maxZ = float.MinValue, minL = 1, maxL = 0;
        foreach (var v in mesh.Vertices)
        {
            minX = Math.Min(minX, v.Position.X); maxX = Math.Max(maxX, v.Position.X);
            minZ = Math.Min(minZ, v.Position.Z); maxZ = Math.Max(maxZ, v.Position.Z);
            minL = Math.Min(minL, v.Level); maxL = Math.Max(maxL, v.Level);
        }
        Assert.Equal((-3f, 3f, -3f, 3f), (minX, maxX, minZ, maxZ));
        Assert.Equal(0f, minL, 1e-6f);
        Assert.Equal(1f, maxL, 1e-6f);
        Assert.All(mesh.Indices.ToArray(), i => Assert.InRange(i, 0u, (uint)(33 * 33 - 1)));
    }

    [Fact]
    public void Vertex_heights_match_HeightAt_so_balls_rest_on_the_surface()
    {
        var mesh = new SurfaceMesh(new Rosenbrock(), new SurfaceOptions { Resolution = 17 });
        foreach (var v in mesh.Vertices)
        {
            var p = SurfaceMesh.ToPlane(v.Position);
            Assert.Equal(v.Position.Y, mesh.HeightAt(p.X, p.Y), 1e-4f);
            Assert.Equal(v.Level * mesh.DisplayHeight, v.Position.Y, 1e-4f);
        }
    }

    [Fact]
    public void World_is_x_height_minus_y_so_the_plane_is_not_mirrored()
    {
        var mesh = new SurfaceMesh(new Quadratic(), new SurfaceOptions { Resolution = 9 });
        var w = mesh.ToWorld(1.5, 2.0, lift: 0.25f);
        Assert.Equal(1.5f, w.X);
        Assert.Equal(-2.0f, w.Z);
        Assert.Equal(mesh.HeightAt(1.5, 2.0) + 0.25f, w.Y, 1e-6f);
        Assert.Equal(new Point2(1.5, 2.0), SurfaceMesh.ToPlane(w));
        // Right-handed check: x × (plane's y direction) points up, as x × y = z in a textbook plot.
        var xAxis = new Vector3(mesh.ToWorld(1, 0).X - mesh.ToWorld(0, 0).X, 0, 0);
        var yAxis = new Vector3(0, 0, mesh.ToWorld(0, 1).Z - mesh.ToWorld(0, 0).Z);
        Assert.True(Vector3.Cross(xAxis, yAxis).Y > 0);
    }

    [Theory]
    [InlineData(HeightScale.Linear)]
    [InlineData(HeightScale.Log)]
    public void Normals_from_the_gradient_match_finite_differences_of_the_height(HeightScale scale)
    {
        var mesh = new SurfaceMesh(new Rosenbrock(), new SurfaceOptions { Resolution = 9, Scale = scale });
        const double h = 1e-5;
        foreach (var (x, y) in new[] { (-1.3, 2.1), (0.4, -0.3), (1.2, 1.9), (-0.5, 0.8) })
        {
            double dhdx = (mesh.HeightAt(x + h, y) - mesh.HeightAt(x - h, y)) / (2 * h);
            double dhdz = -(mesh.HeightAt(x, y + h) - mesh.HeightAt(x, y - h)) / (2 * h); // z = −y
            var expected = Vector3.Normalize(new Vector3((float)-dhdx, 1, (float)-dhdz));
            var actual = mesh.NormalAt(x, y);
            Assert.True(Vector3.Dot(expected, actual) > 0.9999f, $"{scale} at ({x}, {y}): {actual} vs {expected}");
        }
    }

    [Fact]
    public void Auto_scale_is_linear_for_a_bowl_and_log_for_a_steep_valley()
    {
        Assert.Equal(HeightScale.Linear, new SurfaceMesh(new Quadratic(), new SurfaceOptions { Resolution = 64 }).Scale);
        Assert.Equal(HeightScale.Log, new SurfaceMesh(new Rosenbrock(), new SurfaceOptions { Resolution = 64 }).Scale);
    }

    [Fact]
    public void Log_scale_lifts_the_valley_floor_above_linear()
    {
        var linear = new SurfaceMesh(new Rosenbrock(), new SurfaceOptions { Resolution = 64, Scale = HeightScale.Linear });
        var log = new SurfaceMesh(new Rosenbrock(), new SurfaceOptions { Resolution = 64, Scale = HeightScale.Log });
        // A point on the valley floor a little away from the minimum: nearly 0 in linear, clearly above in log.
        Assert.True(linear.Level(new Rosenbrock().Value(0, 0)) < 0.001f);
        Assert.True(log.Level(new Rosenbrock().Value(0, 0)) > 0.1f);
        Assert.Equal(0f, log.Level(0), 1e-6f);
    }

    [Fact]
    public void Rebuild_follows_a_new_landscape_in_the_same_buffers()
    {
        var mesh = new SurfaceMesh(new Quadratic(10), new SurfaceOptions { Resolution = 16 });
        double before = mesh.ValueMax;
        mesh.Rebuild(new Quadratic(100));
        Assert.True(mesh.ValueMax > before * 5);
        Assert.Equal(16 * 16, mesh.Vertices.Length);
    }

    [Fact]
    public void Viridis_ends_match_matplotlib()
    {
        var lo = ColorMap.Viridis(0);
        var hi = ColorMap.Viridis(1);
        Assert.InRange(lo.R, 58, 78); Assert.InRange(lo.G, 0, 10); Assert.InRange(lo.B, 74, 94);     // #440154
        Assert.InRange(hi.R, 243, 255); Assert.InRange(hi.G, 221, 241); Assert.InRange(hi.B, 27, 47); // #fde725
    }
}
