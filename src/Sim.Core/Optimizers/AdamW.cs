namespace Sim.Core.Optimizers;

/// <summary>
/// AdamW (torch.optim.AdamW): <see cref="Adam"/> with decoupled weight decay, default 0.01.
/// <code>
/// p ← p·(1 − lr·weight_decay), then Adam's update without weight decay in g
/// </code>
/// </summary>
public sealed class AdamW : Adam
{
    public override string Name => "adamw";

    public AdamW(double lr = 0.001) : base(lr) => WeightDecay = 0.01;

    protected override bool DecoupledDecay => true;
}
