using Sim.Core.Simulation;

namespace Sim.Render.Scene;

/// <summary>
/// What a network scene's text says about its plane, for the side panel and the compact legend alike:
/// the plane's kind (for PCA the variance it explains) and how far the selected ball (or the first) is
/// from it in weight space, beside its distance from the plane's centre for scale. A ball is drawn at
/// its projection; this says how much the picture leaves out. Allocates nothing but the kind's text,
/// once per distinct description.
/// </summary>
public sealed class PlaneSummary
{
    private readonly TextMemo<(string?, bool)> _kind = new(); // by text: a plane recomputed as the balls move often reads the same
    private readonly TextLine _distance = new();

    /// <summary>"Plane: PCA: 85.7% + 7% of the variance", or that it is being sampled.</summary>
    public string Kind(World world)
    {
        var plane = world.Plane;
        return _kind.Get((plane?.Description, plane is null), static k => k.Item1 is { } d ? "Plane: " + d : "Plane: being sampled…");
    }

    /// <summary>"ball 2: 0.718 off plane · 0.969 from centre" for the selected ball (or the first); empty without a plane.</summary>
    public ReadOnlySpan<char> Distance(World world, int selected)
    {
        var line = _distance.Clear();
        var plane = world.Plane;
        if (plane is null || world.Balls.Count == 0) return line.Span;
        int i = selected >= 0 && selected < world.Balls.Count ? selected : 0;
        var ball = world.Balls[i];
        double fromCentre = 0;
        var w = ball.ParameterVector;
        var c = plane.Centre;
        for (int k = 0; k < w.Length; k++) fromCentre += (w[k] - c[k]) * (w[k] - c[k]);
        fromCentre = Math.Sqrt(fromCentre);
        line.Append("ball ").Append(i + 1);
        // Rounding leaves a ball the plane passes through some 1e−16 off it: that is on it.
        if (ball.OffPlaneDistance <= 1e-9 * Math.Max(fromCentre, 1)) line.Append(": on the plane · ");
        else line.Append(": ").AppendShort(ball.OffPlaneDistance).Append(" off plane · ");
        return line.AppendShort(fromCentre).Append(" from centre").Span;
    }

    /// <summary>The ball the distance is about: the selected one, or the first.</summary>
    public static int Ball(World world, int selected) => selected >= 0 && selected < world.Balls.Count ? selected : 0;
}
