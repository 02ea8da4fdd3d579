namespace Sim.Core.Schedules;

/// <summary>Every learning-rate schedule by name, with the parameters of docs/schedules.md.</summary>
public static class ScheduleCatalog
{
    private static readonly (string Name, Func<Parameters, Schedule> Create)[] Entries =
    [
        ("constant", _ => new ConstantSchedule()),
        ("inverse_time", p => new InverseTimeSchedule(DecayRate(p, 1))),
        ("exponential", p => new ExponentialSchedule(p.Double("decay_rate", 0.95, 0, 1))),
        ("inverse_sqrt", p => new InverseSqrtSchedule(p.Double("k", 1, 0, double.PositiveInfinity))),
        ("staircase", p => new StaircaseSchedule(p.Double("decay_rate", 0.5, 0, 1), Interval(p))),
        ("fixed_interval", p => new FixedIntervalSchedule(DecayRate(p, 1), Interval(p))),
    ];

    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>Builds a schedule, reading its own keys from <paramref name="parameters"/>.</summary>
    public static Schedule Create(string name, Parameters parameters)
    {
        foreach (var (n, create) in Entries)
            if (n == name)
            {
                var schedule = create(parameters);
                return parameters.Validated(schedule, schedule.Problem);
            }
        throw new InputError($"unknown schedule {InputError.Quote(name)}; expected one of {string.Join(", ", Names)}");
    }

    public static Schedule Create(string name) => Create(name, new Parameters());

    private static double DecayRate(Parameters p, double fallback) => p.Double("decay_rate", fallback, 0, double.PositiveInfinity);
    private static int Interval(Parameters p) => p.Int("interval", 1000, 1);
}
