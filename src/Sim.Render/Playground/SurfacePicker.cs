using System.Numerics;
using Sim.Core.Landscapes;

namespace Sim.Render.Playground;

/// <summary>
/// Finds the point of the parameter plane under the pointer: marches the pointer's ray through the
/// domain until it first passes below the surface (<see cref="SurfaceMesh.HeightAt"/>), then bisects
/// to the crossing.
/// </summary>
public static class SurfacePicker
{
    private const int Samples = 600, Bisections = 24;

    /// <summary>The plane point where the ray meets the surface inside the domain, or null if it misses.</summary>
    public static Point2? Pick(SurfaceMesh surface, Vector3 origin, Vector3 direction)
    {
        var d = surface.Landscape.Domain;
        // Clip the ray to the box over the domain, from below the floor to above the top.
        var lo = new Vector3((float)d.XMin, -0.1f * surface.DisplayHeight - 1e-3f, (float)-d.YMax);
        var hi = new Vector3((float)d.XMax, 1.5f * surface.DisplayHeight + 1e-3f, (float)-d.YMin);
        if (!Clip(origin, direction, lo, hi, out float t0, out float t1)) return null;

        float previous = t0;
        if (Below(surface, origin + direction * t0)) return Plane(origin + direction * t0); // starts inside: take the entry
        for (int i = 1; i <= Samples; i++)
        {
            float t = t0 + (t1 - t0) * i / Samples;
            if (Below(surface, origin + direction * t))
            {
                float a = previous, b = t;
                for (int k = 0; k < Bisections; k++)
                {
                    float m = (a + b) / 2;
                    if (Below(surface, origin + direction * m)) b = m; else a = m;
                }
                return Plane(origin + direction * b);
            }
            previous = t;
        }
        return null;
    }

    private static bool Below(SurfaceMesh surface, Vector3 p)
    {
        float h = surface.HeightAt(p.X, -p.Z);
        return !float.IsFinite(h) || p.Y <= h;
    }

    private static Point2 Plane(Vector3 p) => SurfaceMesh.ToPlane(p);

    /// <summary>Slab test: the part of the ray inside the box, if any, with t ≥ 0.</summary>
    private static bool Clip(Vector3 o, Vector3 dir, Vector3 lo, Vector3 hi, out float t0, out float t1)
    {
        t0 = 0;
        t1 = float.MaxValue;
        for (int axis = 0; axis < 3; axis++)
        {
            float origin = o[axis], d = dir[axis], min = lo[axis], max = hi[axis];
            if (MathF.Abs(d) < 1e-12f)
            {
                if (origin < min || origin > max) return false;
                continue;
            }
            float a = (min - origin) / d, b = (max - origin) / d;
            if (a > b) (a, b) = (b, a);
            t0 = Math.Max(t0, a);
            t1 = Math.Min(t1, b);
            if (t0 > t1) return false;
        }
        return true;
    }
}
