namespace Sim.Render.Platform;

/// <summary>
/// A picture laid over a surface mesh in place of its colour map (a basin map): the texture covers
/// the parameter-plane rectangle <see cref="XMin"/> … <see cref="YMax"/> (texture row 0 at
/// <see cref="YMin"/>), lit as the surface is; outside it the colour map shows.
/// </summary>
public readonly record struct SurfaceDrape(Texture Texture, int Version, float XMin, float XMax, float YMin, float YMax);
