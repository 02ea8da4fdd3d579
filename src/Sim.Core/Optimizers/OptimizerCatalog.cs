namespace Sim.Core.Optimizers;

/// <summary>Every optimizer by name, built from the parameter names and defaults of docs/optimizers.md.</summary>
public static class OptimizerCatalog
{
    private const double Inf = double.PositiveInfinity;

    // Each default lives in its optimizer's class (a property's initial value, the constructor's lr):
    // an entry reads each key with the fresh instance's own value as the fallback, so the class, this
    // catalogue and `sim catalogue` cannot disagree.
    private static readonly (string Name, string Summary, Func<Parameters, Optimizer> Create)[] Entries =
    [
        ("sgd", "gradient descent, optional heavy-ball or Nesterov momentum", p => Build(new Sgd(), p, o =>
        {
            o.Momentum = p.Double("momentum", o.Momentum, 0, 1);
            o.Dampening = p.Double("dampening", o.Dampening, 0, 1);
            o.WeightDecay = WeightDecay(p, o.WeightDecay);
            o.Nesterov = p.Bool("nesterov", o.Nesterov);
        })),
        ("rmsprop", "divide by a running RMS of the gradient (Hinton 6e)", p => Build(new RmsProp(), p, o =>
        {
            o.Alpha = p.Double("alpha", o.Alpha, 0, 1);
            o.Eps = Eps(p, o.Eps);
            o.WeightDecay = WeightDecay(p, o.WeightDecay);
            o.Momentum = p.Double("momentum", o.Momentum, 0, 1);
            o.Centered = p.Bool("centered", o.Centered);
        })),
        ("adam", "momentum + RMSprop with bias correction (Ng C2W2)", p => Build(new Adam(), p, o => Configure(o, p))),
        ("adamw", "Adam with decoupled weight decay", p => Build(new AdamW(), p, o => Configure(o, p))),
        ("adamax", "Adam with the infinity norm", p => Build(new Adamax(), p, o => Configure(o, p))),
        ("nadam", "Adam with Nesterov momentum", p => Build(new NAdam(), p, o =>
        {
            Configure(o, p);
            o.MomentumDecay = p.Double("momentum_decay", o.MomentumDecay, 0, 1000);
        })),
        ("radam", "rectified Adam", p => Build(new RAdam(), p, o => Configure(o, p))),
        ("adagrad", "divide by the root of all past squared gradients", p => Build(new Adagrad(), p, o =>
        {
            o.LrDecay = p.Double("lr_decay", o.LrDecay, 0, Inf);
            o.Eps = Eps(p, o.Eps);
            o.WeightDecay = WeightDecay(p, o.WeightDecay);
            o.InitialAccumulatorValue = p.Double("initial_accumulator_value", o.InitialAccumulatorValue, 0, Inf);
        })),
        ("adadelta", "RMSprop scaled by the RMS of past steps", p => Build(new Adadelta(), p, o =>
        {
            o.Rho = p.Double("rho", o.Rho, 0, 1);
            o.Eps = Eps(p, o.Eps);
            o.WeightDecay = WeightDecay(p, o.WeightDecay);
        })),
        ("rprop", "sign of the gradient with adaptive step sizes (Hinton 6e)", p => Build(new Rprop(), p, o =>
        {
            o.EtaMinus = p.Double("eta_minus", o.EtaMinus, 0, 1);
            o.EtaPlus = p.Double("eta_plus", o.EtaPlus, 1, Inf);
            o.StepMin = p.Double("step_min", o.StepMin, 0, Inf);
            o.StepMax = p.Double("step_max", o.StepMax, 0, Inf);
        })),
        ("momentum", "Ng's momentum: an EMA of gradients, optional bias correction", p => Build(new NgMomentum(), p, o =>
        {
            o.Beta = Beta(p, "beta", o.Beta);
            o.BiasCorrection = p.Bool("bias_correction", o.BiasCorrection);
        })),
        ("gains", "a separate adaptive gain per connection (Hinton 6d)", p => Build(new Gains(), p, o =>
        {
            o.GainUp = p.Double("gain_up", o.GainUp, 0, Inf);
            o.GainDown = p.Double("gain_down", o.GainDown, 0, 1);
            o.GainMin = p.Double("gain_min", o.GainMin, 0, Inf);
            o.GainMax = p.Double("gain_max", o.GainMax, 0, Inf);
            o.Momentum = p.Double("momentum", o.Momentum, 0, 1);
        })),
    ];

    /// <summary>A fresh <paramref name="optimizer"/> (its class's defaults) with lr and then its own keys read from <paramref name="p"/>.</summary>
    private static T Build<T>(T optimizer, Parameters p, Action<T> configure) where T : Optimizer
    {
        optimizer.LearningRate = Lr(p, optimizer.LearningRate);
        configure(optimizer);
        return optimizer;
    }

    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    public static IEnumerable<(string Name, string Summary)> Summaries => Entries.Select(e => (e.Name, e.Summary));

    /// <summary>
    /// Builds an optimizer, reading its own keys from <paramref name="parameters"/>; each value is checked
    /// as it is read and the whole set by <see cref="Optimizer.Problem"/>.
    /// </summary>
    public static Optimizer Create(string name, Parameters parameters)
    {
        foreach (var (n, _, create) in Entries)
            if (n == name)
            {
                var optimizer = create(parameters);
                return parameters.Validated(optimizer, optimizer.Problem);
            }
        throw new InputError($"unknown optimizer {InputError.Quote(name)}; expected one of {string.Join(", ", Names)}");
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
        var p = ParametersOf(optimizer);
        if (!p.Contains(key))
            throw new InputError($"{optimizer.Name} has no parameter {InputError.Quote(key)}; expected one of {string.Join(", ", optimizer.Hyperparameters.Select(h => h.Key))}");
        p.Set(key, value);
        return Create(optimizer.Name, p);
    }

    /// <summary>A new optimizer of the same kind and hyperparameters, to step elsewhere (a basin map off the render thread).</summary>
    public static Optimizer Copy(Optimizer optimizer) => Create(optimizer.Name, ParametersOf(optimizer));

    private static Parameters ParametersOf(Optimizer optimizer)
    {
        var p = new Parameters(optimizer.Name);
        foreach (var h in optimizer.Hyperparameters) p.Set(h.Key, h.Text);
        return p;
    }

    private static void Configure(IAdamFamily o, Parameters p)
    {
        o.Beta1 = Beta(p, "beta1", o.Beta1);
        o.Beta2 = Beta(p, "beta2", o.Beta2);
        o.Eps = Eps(p, o.Eps);
        o.WeightDecay = WeightDecay(p, o.WeightDecay);
    }

    private static void Configure(Adam adam, Parameters p)
    {
        Configure((IAdamFamily)adam, p);
        adam.Amsgrad = p.Bool("amsgrad", adam.Amsgrad);
        adam.BiasCorrection = p.Bool("bias_correction", adam.BiasCorrection);
    }

    private static double Lr(Parameters p, double fallback) => p.Double("lr", fallback, 0, Inf);
    private static double Eps(Parameters p, double fallback) => p.Double("eps", fallback, 0, Inf);
    private static double WeightDecay(Parameters p, double fallback) => p.Double("weight_decay", fallback, 0, Inf);
    private static double Beta(Parameters p, string key, double fallback) => p.Double(key, fallback, 0, 0.999999999);
}
