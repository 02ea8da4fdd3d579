using Sim.Core.Simulation;

namespace Sim.Render.Scene;

/// <summary>How a stopped ball is spoken of: a ball that ran off downhill (off a saddle) escaped, which is the saddle lessons' point, not a failure.</summary>
public static class BallFate
{
    /// <summary>Stopped because it left the landscape lower than it started.</summary>
    public static bool Escaped(Ball ball) => ball.Status == BallStatus.Diverged && ball.DivergedReason == World.EscapedDownhill;

    /// <summary>Diverged in earnest: grey, red text, ✗.</summary>
    public static bool Failed(Ball ball) => ball.Status == BallStatus.Diverged && !Escaped(ball);
}
