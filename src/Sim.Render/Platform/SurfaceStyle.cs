namespace Sim.Render.Platform;

/// <summary>How <see cref="Window.DrawMesh"/> shades a mesh: colour map by level, light, and contour lines.</summary>
public readonly record struct SurfaceStyle
{
    public SurfaceStyle() { }

    /// <summary>Contour lines at evenly spaced levels in (0, 1); 0 draws none.</summary>
    public int ContourCount { get; init; } = 16;

    /// <summary>Contour line width in pixels.</summary>
    public float ContourWidth { get; init; } = 1.2f;

    /// <summary>How strongly contours darken (or, on the dark end of the map, lighten) the surface, 0–1.</summary>
    public float ContourStrength { get; init; } = 0.55f;

    /// <summary>Share of brightness that does not depend on the light, so slopes facing away stay readable.</summary>
    public float Ambient { get; init; } = 0.35f;

    public float Opacity { get; init; } = 1f;

    /// <summary>A picture over the surface instead of its colour map (a basin map), or null.</summary>
    public SurfaceDrape? Drape { get; init; }

    public static SurfaceStyle Default => new();
}
