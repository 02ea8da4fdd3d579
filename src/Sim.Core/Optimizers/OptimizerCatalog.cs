namespace Sim.Core.Optimizers;

/// <summary>Every optimizer by name, built from the parameter names and defaults of docs/optimizers.md.</summary>
public static class OptimizerCatalog
{
    private const double Inf = double.PositiveInfinity;

    private static readonly (string Name, string Summary, Func<Parameters, Optimizer> Create)[] Entries =
    [
        ("sgd", "gradient descent, optional heavy-ball or Nesterov momentum", p => new Sgd(Lr(p, 0.01))
        {
            Momentum = p.Double("momentum", 0, 0, 1),
            Dampening = p.Double("dampening", 0, 0, 1),
            WeightDecay = WeightDecay(p, 0),
            Nesterov = p.Bool("nesterov", false),
        }),
        ("rmsprop", "divide by a running RMS of the gradient (Hinton 6e)", p => new RmsProp(Lr(p, 0.01))
        {
            Alpha = p.Double("alpha", 0.99, 0, 1),
            Eps = Eps(p, 1e-8),
            WeightDecay = WeightDecay(p, 0),
            Momentum = p.Double("momentum", 0, 0, 1),
            Centered = p.Bool("centered", false),
        }),
        ("adam", "momentum + RMSprop with bias correction (Ng C2W2)", p => Configure(new Adam(Lr(p, 0.001)), p, 0)),
        ("adamw", "Adam with decoupled weight decay", p => Configure(new AdamW(Lr(p, 0.001)), p, 0.01)),
        ("adamax", "Adam with the infinity norm", p => new Adamax(Lr(p, 0.002))
        {
            Beta1 = Beta(p, "beta1", 0.9), Beta2 = Beta(p, "beta2", 0.999), Eps = Eps(p, 1e-8), WeightDecay = WeightDecay(p, 0),
        }),
        ("nadam", "Adam with Nesterov momentum", p => new NAdam(Lr(p, 0.002))
        {
            Beta1 = Beta(p, "beta1", 0.9), Beta2 = Beta(p, "beta2", 0.999), Eps = Eps(p, 1e-8), WeightDecay = WeightDecay(p, 0),
            MomentumDecay = p.Double("momentum_decay", 0.004, 0, 1000),
        }),
        ("radam", "rectified Adam", p => new RAdam(Lr(p, 0.001))
        {
            Beta1 = Beta(p, "beta1", 0.9), Beta2 = Beta(p, "beta2", 0.999), Eps = Eps(p, 1e-8), WeightDecay = WeightDecay(p, 0),
        }),
        ("adagrad", "divide by the root of all past squared gradients", p => new Adagrad(Lr(p, 0.01))
        {
            LrDecay = p.Double("lr_decay", 0, 0, Inf),
            Eps = Eps(p, 1e-10),
            WeightDecay = WeightDecay(p, 0),
            InitialAccumulatorValue = p.Double("initial_accumulator_value", 0, 0, Inf),
        }),
        ("adadelta", "RMSprop scaled by the RMS of past steps", p => new Adadelta(Lr(p, 1.0))
        {
            Rho = p.Double("rho", 0.9, 0, 1), Eps = Eps(p, 1e-6), WeightDecay = WeightDecay(p, 0),
        }),
        ("rprop", "sign of the gradient with adaptive step sizes (Hinton 6e)", p => new Rprop(Lr(p, 0.01))
        {
            EtaMinus = p.Double("eta_minus", 0.5, 0, 1),
            EtaPlus = p.Double("eta_plus", 1.2, 1, Inf),
            StepMin = p.Double("step_min", 1e-6, 0, Inf),
            StepMax = p.Double("step_max", 50, 0, Inf),
        }),
        ("momentum", "Ng's momentum: an EMA of gradients, optional bias correction", p => new NgMomentum(Lr(p, 0.01))
        {
            Beta = Beta(p, "beta", 0.9),
            BiasCorrection = p.Bool("bias_correction", false),
        }),
        ("gains", "a separate adaptive gain per connection (Hinton 6d)", p => new Gains(Lr(p, 0.01))
        {
            GainUp = p.Double("gain_up", 0.05, 0, Inf),
            GainDown = p.Double("gain_down", 0.95, 0, 1),
            GainMin = p.Double("gain_min", 0.1, 0, Inf),
            GainMax = p.Double("gain_max", 10, 0, Inf),
            Momentum = p.Double("momentum", 0, 0, 1),
        }),
    ];

    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    public static IEnumerable<(string Name, string Summary)> Summaries => Entries.Select(e => (e.Name, e.Summary));

    /// <summary>Builds an optimizer, reading its own keys from <paramref name="parameters"/>.</summary>
    public static Optimizer Create(string name, Parameters parameters)
    {
        foreach (var (n, _, create) in Entries)
            if (n == name) return create(parameters);
        throw new InputError($"unknown optimizer '{name}'; expected one of {string.Join(", ", Names)}");
    }

    public static Optimizer Create(string name) => Create(name, new Parameters());

    /// <summary>
    /// A new optimizer of the same kind with every hyperparameter as in <paramref name="optimizer"/>
    /// but <paramref name="key"/> set to <paramref name="value"/>, checked as any input is
    /// (an out-of-range value is an <see cref="InputError"/>). Its state layout is the same, so a
    /// ball can carry on with its state (<see cref="Simulation.Ball.Reconfigure"/>).
    /// </summary>
    public static Optimizer With(Optimizer optimizer, string key, string value)
    {
        var p = new Parameters($"{optimizer.Name} {key}");
        foreach (var h in optimizer.Hyperparameters) p.Set(h.Key, h.Text);
        if (!p.Contains(key))
            throw new InputError($"{optimizer.Name} has no parameter '{key}'; expected one of {string.Join(", ", optimizer.Hyperparameters.Select(h => h.Key))}");
        p.Set(key, value);
        return Create(optimizer.Name, p);
    }

    private static Adam Configure(Adam adam, Parameters p, double weightDecay)
    {
        adam.Beta1 = Beta(p, "beta1", 0.9);
        adam.Beta2 = Beta(p, "beta2", 0.999);
        adam.Eps = Eps(p, 1e-8);
        adam.WeightDecay = WeightDecay(p, weightDecay);
        adam.Amsgrad = p.Bool("amsgrad", false);
        adam.BiasCorrection = p.Bool("bias_correction", true);
        return adam;
    }

    private static double Lr(Parameters p, double fallback) => p.Double("lr", fallback, 0, Inf);
    private static double Eps(Parameters p, double fallback) => p.Double("eps", fallback, 0, Inf);
    private static double WeightDecay(Parameters p, double fallback) => p.Double("weight_decay", fallback, 0, Inf);
    private static double Beta(Parameters p, string key, double fallback) => p.Double(key, fallback, 0, 0.999999999);
}
