namespace Sim.Core.Optimizers;

/// <summary>The settings every rule of the Adam family shares (Adam, AdamW, Adamax, NAdam, RAdam), so they are read in one place.</summary>
public interface IAdamFamily
{
    double Beta1 { get; set; }
    double Beta2 { get; set; }
    double Eps { get; set; }
    double WeightDecay { get; set; }
}
