namespace Sim.Core.Optimizers;

/// <summary>
/// A rule whose running averages can be divided by (1 − βᵗ) to undo their start at zero (Adam and its
/// kin, Ng's momentum). The world switches every such ball through this, whatever its class.
/// </summary>
public interface IBiasCorrected
{
    bool BiasCorrection { get; set; }
}
