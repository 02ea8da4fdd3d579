namespace Sim.Render;

/// <summary>How loss values map to display height.</summary>
public enum HeightScale
{
    /// <summary>Log when steep walls dominate (half the grid in the bottom 10% of the range), else linear.</summary>
    Auto,

    /// <summary>Height proportional to f − fmin.</summary>
    Linear,

    /// <summary>Height proportional to log(f − fmin + ε): valleys spanning many orders of magnitude (Rosenbrock, Beale) stay visible.</summary>
    Log,
}

/// <summary>How <see cref="SurfaceMesh"/> samples and scales a landscape.</summary>
public sealed record SurfaceOptions
{
    /// <summary>Vertices along each side of the grid.</summary>
    public int Resolution { get; init; } = 256;

    public HeightScale Scale { get; init; } = HeightScale.Auto;

    /// <summary>ε of the log scale as a fraction of the grid's value range: smaller digs deeper near the minimum.</summary>
    public double LogEpsilon { get; init; } = 1e-4;

    /// <summary>Tallest point of the surface as a fraction of the domain's larger side.</summary>
    public double HeightFraction { get; init; } = 0.3;
}
