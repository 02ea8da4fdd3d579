namespace Sim.Core.Scenarios;

/// <summary>
/// What <c>sim</c> shows with no arguments: a race down Rosenbrock's curved valley from (−1.5, 2).
/// At the playground's default 60 steps per second it teaches within seconds: plain SGD creeps along
/// the valley floor, Hinton's momentum builds speed and arrives first (about step 400), RMSprop and
/// Adam take even-sized steps whatever the gradient's size (Adam arrives about step 900, RMSprop
/// crawls the last stretch), and Adagrad's ever-growing denominator slows it down for good.
/// Learning rates were picked with <c>sim trace</c> so that every ball visibly moves and none diverges.
/// </summary>
public static class DefaultScene
{
    public static Scenario Scenario { get; } = new()
    {
        Title = "Rosenbrock race",
        Landscape = "rosenbrock",
        Start = new Landscapes.Point2(-1.5, 2),
        Balls =
        [
            new BallSpec("sgd", Params(("lr", "0.001")), Label: "SGD"),
            new BallSpec("sgd", Params(("lr", "0.001"), ("momentum", "0.9")), Label: "SGD + momentum 0.9"),
            new BallSpec("rmsprop", Params(("lr", "0.01"), ("alpha", "0.9")), Label: "RMSprop"),
            new BallSpec("adam", Params(("lr", "0.05")), Label: "Adam"),
            new BallSpec("adagrad", Params(("lr", "0.5")), Label: "Adagrad"),
        ],
    };

    private static Dictionary<string, string> Params(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
