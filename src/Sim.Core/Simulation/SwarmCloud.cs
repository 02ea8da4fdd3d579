using Sim.Core.Landscapes;
using Sim.Core.Optimizers;

namespace Sim.Core.Simulation;

/// <summary>
/// A swarm in a scene: thousands of points released together and stepped by the swarm engine
/// (<see cref="Swarm{T}"/>, full-batch gradients) with a copy of one ball's optimizer, one step per
/// world step, so a lecturer can watch a cloud flow into the basins. A point that is no longer
/// finite or has left the landscape (<see cref="World.HasEscaped"/>, the balls' rule) drops out.
/// Stepping is allocation-free.
/// </summary>
public sealed class SwarmCloud
{
    private readonly Point2[] _starts;
    private readonly bool[] _gone;
    private Swarm<double> _swarm;

    /// <summary>A swarm of <paramref name="spec"/>'s points on <paramref name="landscape"/>, stepped by a copy of <paramref name="optimizer"/>.</summary>
    public SwarmCloud(SwarmSpec spec, Landscape landscape, Optimizer optimizer, Colour colour, string label)
    {
        Spec = spec;
        Landscape = landscape;
        Optimizer = OptimizerCatalog.Copy(optimizer);
        Colour = colour;
        Label = label;
        _starts = spec.Starts(landscape.Domain);
        _gone = new bool[_starts.Length];
        _swarm = new Swarm<double>(landscape, Optimizer, _starts);
        Reset();
    }

    /// <summary>A swarm of <paramref name="spec"/> with the optimizer and colour of ball <paramref name="ball"/> of <paramref name="world"/>.</summary>
    public static SwarmCloud Of(SwarmSpec spec, World world, int ball)
    {
        if (world.Balls.Count == 0) throw new InputError("a swarm needs a ball in the scene: it steps with that ball's optimizer");
        var b = world.Balls[Math.Clamp(ball, 0, world.Balls.Count - 1)];
        return new SwarmCloud(spec, world.Landscape, b.Optimizer, b.Colour, b.Label);
    }

    public SwarmSpec Spec { get; }
    public Landscape Landscape { get; }
    public Optimizer Optimizer { get; }
    public Colour Colour { get; }

    /// <summary>The label of the ball whose optimizer it copied.</summary>
    public string Label { get; }

    public int Count => _starts.Length;

    /// <summary>Points still on the landscape.</summary>
    public int Alive { get; private set; }

    public int Steps => _swarm.StepsTaken;
    public ReadOnlySpan<double> X => _swarm.X;
    public ReadOnlySpan<double> Y => _swarm.Y;

    /// <summary>Whether point <paramref name="i"/> has dropped out (not finite, or escaped).</summary>
    public bool IsGone(int i) => _gone[i];

    /// <summary>Every point back at its start with fresh optimizer state.</summary>
    public void Reset()
    {
        if (_swarm.StepsTaken > 0) _swarm = new Swarm<double>(Landscape, Optimizer, _starts);
        Array.Clear(_gone);
        Alive = Count;
        Judge();
    }

    /// <summary>The same swarm released on another landscape (the scene switched to it).</summary>
    public SwarmCloud On(Landscape landscape) => new(Spec, landscape, Optimizer, Colour, Label);

    /// <summary>One optimizer step of every point at learning rate <paramref name="lr"/>.</summary>
    public void Advance(double lr)
    {
        _swarm.Step(lr);
        Judge();
    }

    private void Judge()
    {
        var x = _swarm.X;
        var y = _swarm.Y;
        var d = Landscape.Domain;
        int alive = 0;
        for (int i = 0; i < _gone.Length; i++)
        {
            if (!_gone[i] && (!double.IsFinite(x[i]) || !double.IsFinite(y[i]) || World.HasEscaped(d, new Point2(x[i], y[i])))) _gone[i] = true;
            if (!_gone[i]) alive++;
        }
        Alive = alive;
    }
}
