using System.Numerics;
using Sim.Render.Platform;

namespace Sim.Render;

/// <summary>
/// Marks a landscape's known minima as line segments: a cross on the surface and an upright pin,
/// so a minimum stays visible even at the bottom of a deep, log-scaled funnel.
/// </summary>
public static class MinimumMarkers
{
    /// <summary>Adds the markers' segments to <paramref name="into"/>; <paramref name="size"/> is the cross's half-width in world units.</summary>
    public static void Append(SurfaceMesh surface, List<LineSegment> into, float size, Color color)
    {
        var domain = surface.Landscape.Domain;
        foreach (var m in surface.Landscape.Minima)
        {
            if (!domain.Contains(m.X, m.Y)) continue;
            // Lifted a little: the mesh's flat triangles sit above a convex surface between grid points.
            var foot = surface.ToWorld(m.X, m.Y, lift: size * 0.15f);
            into.Add(new LineSegment(foot + new Vector3(-size, 0, -size), foot + new Vector3(size, 0, size), color));
            into.Add(new LineSegment(foot + new Vector3(-size, 0, size), foot + new Vector3(size, 0, -size), color));
            into.Add(new LineSegment(foot, foot + new Vector3(0, 3 * size, 0), color, color.WithAlpha(0)));
        }
    }

    /// <summary>A marker size that reads at the usual framing: 2.5% of the domain's larger side.</summary>
    public static float DefaultSize(SurfaceMesh surface) =>
        (float)(0.025 * Math.Max(surface.Landscape.Domain.Width, surface.Landscape.Domain.Height));
}
