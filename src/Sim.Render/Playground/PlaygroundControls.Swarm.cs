using System.Globalization;
using Sim.Core.Simulation;

namespace Sim.Render.Playground;

/// <summary>The swarm keys: a cloud released around the clicked point with the selected ball's optimizer, and taken away.</summary>
public sealed partial class PlaygroundControls
{
    /// <summary>Points of a swarm released with J.</summary>
    public const int ReleasedPoints = 2000;

    /// <summary>Radius of a released swarm's disc, as a share of the domain's diagonal.</summary>
    public const double ReleaseRadius = 0.04;

    /// <summary>Releases <see cref="ReleasedPoints"/> points in a disc around the marked start, replacing any swarm.</summary>
    public void ReleaseSwarm()
    {
        if (MarkedStart is not { } at)
        {
            Say("click the surface to mark where to release a swarm first");
            return;
        }
        if (World.Balls.Count == 0)
        {
            Say("a swarm steps with a ball's optimizer: this scene has none");
            return;
        }
        var d = World.Landscape.Domain;
        double radius = ReleaseRadius * Math.Sqrt(d.Width * d.Width + d.Height * d.Height);
        World.Swarm = SwarmCloud.Of(new SwarmSpec(SwarmSpec.Shape.Disc, ReleasedPoints, at.X, at.Y, radius), World, SelectedBall);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"{ReleasedPoints:N0} points released around ({at.X:0.###}, {at.Y:0.###}) with {World.Swarm.Label}'s optimizer; Shift+J takes them away"));
    }

    public void RemoveSwarm()
    {
        Say(World.Swarm is null ? "no swarm to take away (J releases one at the clicked point)" : "swarm taken away");
        World.Swarm = null;
    }
}
