namespace Sim.Core.Schedules;

/// <summary>
/// Learning-rate decay (Ng C2W2): a plain function of the epoch e (counted from 0) giving the
/// learning rate from the base rate lr₀. On a data landscape an epoch is one pass over the data;
/// on an analytic landscape one step is one epoch.
/// </summary>
public abstract record Schedule
{
    /// <summary>Catalogue name, e.g. "exponential".</summary>
    public abstract string Name { get; }

    /// <summary>The learning rate at epoch <paramref name="epoch"/> for base rate <paramref name="lr0"/>.</summary>
    public abstract double At(double lr0, int epoch);

    /// <summary>Short description for the HUD, e.g. "exponential 0.95".</summary>
    public abstract string Label { get; }

    /// <summary>
    /// What is wrong with the parameters taken together (each alone is checked as it is read); null
    /// when they make a valid schedule. The catalogue asks it of every schedule it builds.
    /// </summary>
    public virtual string? Problem => null;
}

/// <summary>lr = lr₀.</summary>
public sealed record ConstantSchedule : Schedule
{
    public override string Name => "constant";
    public override double At(double lr0, int epoch) => lr0;
    public override string Label => "constant";
}

/// <summary>lr = lr₀ / (1 + decay_rate·e).</summary>
public sealed record InverseTimeSchedule(double DecayRate = 1) : Schedule
{
    public override string Name => "inverse_time";
    public override double At(double lr0, int epoch) => lr0 / (1 + DecayRate * epoch);
    public override string Label => $"1/(1+{DecayRate:G3}·e)";
}

/// <summary>lr = lr₀ · decay_rate^e.</summary>
public sealed record ExponentialSchedule(double DecayRate = 0.95) : Schedule
{
    public override string Name => "exponential";
    public override double At(double lr0, int epoch) => lr0 * Math.Pow(DecayRate, epoch);
    public override string Label => $"exponential {DecayRate:G3}";
}

/// <summary>lr = lr₀ · k / √(e + 1).</summary>
public sealed record InverseSqrtSchedule(double K = 1) : Schedule
{
    public override string Name => "inverse_sqrt";
    public override double At(double lr0, int epoch) => lr0 * K / Math.Sqrt(epoch + 1);
    public override string Label => $"{K:G3}/√(e+1)";
}

/// <summary>lr = lr₀ · decay_rate^⌊e / interval⌋.</summary>
public sealed record StaircaseSchedule(double DecayRate = 0.5, int Interval = 1000) : Schedule
{
    public override string Name => "staircase";
    public override double At(double lr0, int epoch) => lr0 * Math.Pow(DecayRate, epoch / Interval);
    public override string Label => $"staircase {DecayRate:G3} every {Interval}";
}

/// <summary>lr = lr₀ / (1 + decay_rate·⌊e / interval⌋): the course lab's schedule_lr_decay.</summary>
public sealed record FixedIntervalSchedule(double DecayRate = 1, int Interval = 1000) : Schedule
{
    public override string Name => "fixed_interval";
    public override double At(double lr0, int epoch) => lr0 / (1 + DecayRate * (epoch / Interval));
    public override string Label => $"1/(1+{DecayRate:G3}·⌊e/{Interval}⌋)";
}
