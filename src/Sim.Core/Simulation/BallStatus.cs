namespace Sim.Core.Simulation;

public enum BallStatus
{
    Running,
    /// <summary>At rest on a known minimum; frozen, the step it arrived kept.</summary>
    Converged,
    /// <summary>Position or loss went non-finite or far outside the domain; frozen where it last was finite.</summary>
    Diverged,
}
