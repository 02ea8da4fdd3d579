using Sim.Render.Scene;

namespace Sim.Render.Playground;

/// <summary>The basin-map keys: the selected ball's map over the surface, and the next ball's to compare.</summary>
public sealed partial class PlaygroundControls
{
    public void ToggleBasinMap()
    {
        Layers.BasinMap = !Layers.BasinMap;
        Layers.BasinMapNextBall = false;
        Say(Layers.BasinMap ? $"basin map of {BasinBallLabel()}: the colour of the minimum each start reaches, darker if later" : "basin map off");
    }

    /// <summary>Flips the map between the selected ball's and the next ball's (switching the map on if it is off).</summary>
    public void CompareBasinMap()
    {
        if (World.Balls.Count < 2)
        {
            Say("comparing basin maps needs two balls");
            return;
        }
        Layers.BasinMapNextBall = Layers.BasinMap && !Layers.BasinMapNextBall;
        Layers.BasinMap = true;
        Say($"basin map of {BasinBallLabel()}");
    }

    private string BasinBallLabel() => BasinLayer.BallOf(World, Layers, SelectedBall) is int b and >= 0 ? World.Balls[b].Label : "no ball";
}
