namespace Sim.Core.Planes;

/// <summary>How the plane through weight space that a network scene draws is chosen.</summary>
public enum PlaneKind
{
    /// <summary>Two filter-normalised random directions through the shared start (Li et al. 2018).</summary>
    Random,

    /// <summary>The plane through the start and two balls' current weights: both lie exactly on it.</summary>
    ThroughBalls,

    /// <summary>The two principal directions of every ball's kept trajectory, through their mean.</summary>
    Pca,
}

/// <summary>
/// Which plane a network scene should show: its kind, the seed of the random directions (a new seed
/// draws new ones), the two balls a <see cref="PlaneKind.ThroughBalls"/> plane passes through, and the
/// ball the plane is re-centred on (its weights become the plane's centre, so it lies on the surface), if any.
/// </summary>
public sealed record PlaneChoice(PlaneKind Kind = PlaneKind.Random, ulong Seed = 1, int FirstBall = 0, int SecondBall = 1, int? CentreBall = null)
{
    /// <summary>The next kind in the order the plane key cycles them, keeping the seed and dropping a re-centring.</summary>
    public PlaneChoice NextKind() => this with { Kind = (PlaneKind)(((int)Kind + 1) % 3), CentreBall = null };

    /// <summary>"random", "through balls 1 and 2", "PCA", each with its centre if re-centred.</summary>
    public string Describe() => Kind switch
    {
        PlaneKind.Random => "random",
        PlaneKind.ThroughBalls => $"through the start and balls {FirstBall + 1} and {SecondBall + 1}",
        _ => "PCA",
    } + (CentreBall is { } c ? $", centred on ball {c + 1}" : "");

    /// <summary>The name the plane key and the CLI use: random, balls, pca.</summary>
    public static string Name(PlaneKind kind) => kind switch
    {
        PlaneKind.Random => "random",
        PlaneKind.ThroughBalls => "balls",
        _ => "pca",
    };

    /// <summary>Parses random, balls or pca (as <c>--plane</c>, the <paramref name="source"/>, gives it).</summary>
    public static PlaneKind ParseKind(string text, string source = "--plane") => text switch
    {
        "random" => PlaneKind.Random,
        "balls" => PlaneKind.ThroughBalls,
        "pca" => PlaneKind.Pca,
        _ => throw new InputError($"{source} {InputError.Quote(text)} is not a plane; expected random, balls or pca"),
    };
}
