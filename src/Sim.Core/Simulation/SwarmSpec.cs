using System.Globalization;
using Sim.Core.Basins;
using Sim.Core.Landscapes;

namespace Sim.Core.Simulation;

/// <summary>
/// Where a swarm's points start, as <c>--swarm</c> and a scenario's <c>"swarm"</c> write it:
/// <c>grid:N</c> (N × N cell centres over the domain, as <c>sim basins</c> lays them),
/// <c>disc:X,Y,R,N</c> (N points evenly spread over the disc of radius R around (X, Y)) or
/// <c>random:N[:SEED]</c> (N points uniform over the domain).
/// </summary>
public sealed record SwarmSpec(SwarmSpec.Shape Kind, int Count, double X = 0, double Y = 0, double Radius = 0, ulong Seed = 1)
{
    public enum Shape { Grid, Disc, Random }

    /// <summary>Points of one swarm: enough for a dense cloud, few enough to draw at 30 frames a second on a CPU rasteriser.</summary>
    public const int MaxPoints = 250_000;

    /// <summary>Cells along a grid swarm's side (500 × 500 = <see cref="MaxPoints"/>).</summary>
    public const int MaxGridSide = 500;

    private const string Forms = "expected grid:N, disc:X,Y,R,N or random:N[:SEED]";

    /// <summary>The spec in <paramref name="text"/>; <paramref name="where"/> (such as <c>--swarm</c>) heads any error.</summary>
    public static SwarmSpec Parse(string text, string where)
    {
        int colon = text.IndexOf(':');
        string kind = colon < 0 ? text : text[..colon], rest = colon < 0 ? "" : text[(colon + 1)..];
        return kind switch
        {
            "grid" => new SwarmSpec(Shape.Grid, Integer(rest, "N", MaxGridSide, text, where)),
            "disc" => Disc(rest, text, where),
            "random" => Random(rest, text, where),
            _ => throw new InputError($"{where} {InputError.Quote(text)} is not a swarm; {Forms}"),
        };
    }

    private static SwarmSpec Disc(string rest, string text, string where)
    {
        var parts = rest.Split(',');
        if (parts.Length != 4) throw new InputError($"{where} {InputError.Quote(text)}: a disc is disc:X,Y,R,N (centre, radius, number of points)");
        double x = Number(parts[0], "X", text, where), y = Number(parts[1], "Y", text, where), r = Number(parts[2], "R", text, where);
        if (r <= 0) throw new InputError($"{where} {InputError.Quote(text)}: the radius R must be above 0");
        return new SwarmSpec(Shape.Disc, Integer(parts[3], "N", MaxPoints, text, where), x, y, r);
    }

    private static SwarmSpec Random(string rest, string text, string where)
    {
        int colon = rest.IndexOf(':');
        int n = Integer(colon < 0 ? rest : rest[..colon], "N", MaxPoints, text, where);
        if (colon < 0) return new SwarmSpec(Shape.Random, n);
        if (!ulong.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            throw new InputError($"{where} {InputError.Quote(text)}: the seed must be a whole number from 0 to {ulong.MaxValue}");
        return new SwarmSpec(Shape.Random, n, Seed: seed);
    }

    private static int Integer(string s, string name, int max, string text, string where)
    {
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > max)
            throw new InputError(string.Create(CultureInfo.InvariantCulture, $"{where} {InputError.Quote(text)}: {name} must be a whole number from 1 to {max:N0}"));
        return n;
    }

    private static double Number(string s, string name, string text, string where)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InputError($"{where} {InputError.Quote(text)}: {name} must be a finite number");
        return v;
    }

    /// <summary>Points the swarm has.</summary>
    public int Points => Kind == Shape.Grid ? Count * Count : Count;

    /// <summary>The starts on <paramref name="domain"/> (the landscape's display domain).</summary>
    public Point2[] Starts(Domain domain) => Kind switch
    {
        Shape.Grid => BasinMap.GridStarts(domain, Count),
        Shape.Disc => DiscStarts(X, Y, Radius, Count),
        _ => RandomStarts(domain, Count, Seed),
    };

    /// <summary>Points spread uniformly over <paramref name="domain"/> by a seeded generator.</summary>
    public static Point2[] RandomStarts(Domain domain, int count, ulong seed)
    {
        var random = new SplitMix64(seed);
        var starts = new Point2[count];
        for (int i = 0; i < count; i++)
            starts[i] = new Point2(domain.XMin + domain.Width * random.NextDouble(), domain.YMin + domain.Height * random.NextDouble());
        return starts;
    }

    /// <summary>Vogel's sunflower spiral: evenly spread over the disc without a grid's rows, for any count.</summary>
    public static Point2[] DiscStarts(double x, double y, double radius, int count)
    {
        double golden = Math.PI * (3 - Math.Sqrt(5));
        var starts = new Point2[count];
        for (int k = 0; k < count; k++)
        {
            double r = radius * Math.Sqrt((k + 0.5) / count), a = k * golden;
            starts[k] = new Point2(x + r * Math.Cos(a), y + r * Math.Sin(a));
        }
        return starts;
    }

    /// <summary>As it is written: grid:64, disc:1,2,0.5,2000, random:10000:7.</summary>
    public override string ToString() => Kind switch
    {
        Shape.Grid => $"grid:{Count}",
        Shape.Disc => string.Create(CultureInfo.InvariantCulture, $"disc:{X:R},{Y:R},{Radius:R},{Count}"),
        _ => $"random:{Count}:{Seed}",
    };
}
