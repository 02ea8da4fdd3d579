namespace Sim.Core.Landscapes;

/// <summary>Every landscape by name, built from its parameters.</summary>
public static class LandscapeCatalog
{
    private static readonly (string Name, Func<Parameters, Landscape> Create)[] Entries =
    [
        ("quadratic", p => new Quadratic(p.Double("condition", 10, min: 1e-6, max: 1e6))),
        ("rosenbrock", _ => new Rosenbrock()),
        ("beale", _ => new Beale()),
        ("himmelblau", _ => new Himmelblau()),
        ("rastrigin", _ => new Rastrigin()),
        ("saddle", _ => new Saddle()),
        ("monkey_saddle", _ => new MonkeySaddle()),
        ("plateau", p => new Plateau(p.Double("width", 1, min: 0.01, max: 100))),
        ("ackley", _ => new Ackley()),
        ("six_hump_camel", _ => new SixHumpCamel()),
        ("goldstein_price", _ => new GoldsteinPrice()),
        ("styblinski_tang", _ => new StyblinskiTang()),
        ("linreg", LinearRegression.Create),
        ("logreg", LogisticRegression.Create),
    ];

    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>Builds a landscape, reading its own keys from <paramref name="parameters"/>.</summary>
    public static Landscape Create(string name, Parameters parameters)
    {
        foreach (var (n, create) in Entries)
            if (n == name)
            {
                var landscape = create(parameters);
                return parameters.Validated(landscape, landscape.Problem);
            }
        throw new InputError($"unknown landscape {InputError.Quote(name)}; expected one of {string.Join(", ", Names)}");
    }

    public static Landscape Create(string name) => Create(name, new Parameters());
}
