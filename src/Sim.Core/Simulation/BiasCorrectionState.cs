namespace Sim.Core.Simulation;

/// <summary>Bias correction across a world's balls: the HUD's line and what the toggle key does.</summary>
public enum BiasCorrectionState
{
    /// <summary>No ball's optimizer has bias correction.</summary>
    NotApplicable,
    On,
    Off,
    /// <summary>Some balls correct and some do not, as a lesson comparing the two sets up.</summary>
    Mixed,
}
