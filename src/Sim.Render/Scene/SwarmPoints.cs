using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// A world's swarm (<see cref="World.Swarm"/>) as dots on the surface, for one GL_POINTS draw call:
/// each point still on the landscape and inside the drawn domain, lifted onto the surface, in the
/// colour of the ball whose optimizer it steps with. Fills a reused buffer: allocation-free per frame.
/// </summary>
public sealed class SwarmPoints
{
    private PointVertex[] _points = new PointVertex[1024];

    /// <summary>Dot diameter in pixels for a window <paramref name="height"/> pixels tall.</summary>
    public static float Size(int height) => Math.Max(4f, height / 160f);

    public ReadOnlySpan<PointVertex> Build(SwarmCloud swarm, SurfaceMesh surface, float lift)
    {
        if (_points.Length < swarm.Count) _points = new PointVertex[Math.Max(swarm.Count, _points.Length * 2)];
        var colour = Theme.From(swarm.Colour);
        var d = surface.Landscape.Domain;
        var x = swarm.X;
        var y = swarm.Y;
        int n = 0;
        for (int i = 0; i < swarm.Count; i++)
        {
            if (swarm.IsGone(i) || !d.Contains(x[i], y[i])) continue;
            _points[n++] = new PointVertex(surface.ToWorld(x[i], y[i], lift), colour);
        }
        return _points.AsSpan(0, n);
    }
}
