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
    private readonly TextLine _line = new();

    /// <summary>Dot diameter in pixels for a window <paramref name="height"/> pixels tall.</summary>
    public static float Size(int height) => Math.Max(4f, height / 160f);

    /// <summary>"swarm: 1953 of 2000 points on the landscape (sgd's optimizer)" over the bottom of the scene; returns the line's top.</summary>
    public float DrawCaption(Window window, SwarmCloud swarm, Theme theme, float left, float right, float bottom, int size)
    {
        _line.Clear().Append("swarm: ").Append(swarm.Alive).Append(" of ").Append(swarm.Count).Append(" points on the landscape (")
            .Append(swarm.Label).Append("'s optimizer)");
        return BasinLayer.BottomLine(window, _line.Span, theme, left, right, bottom, size);
    }

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
