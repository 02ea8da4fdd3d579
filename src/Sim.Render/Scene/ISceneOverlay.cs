using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Room at the window's right and bottom edges that the picture of the landscape is kept clear of; and
/// whether the overlay shows the heads-up display's legend in its own column (then the side panel on
/// the left is not drawn).
/// </summary>
public readonly record struct SceneMargins(float Right, float Bottom, bool HostsLegend = false);

/// <summary>What an overlay needs to know of the frame it draws over.</summary>
/// <param name="Left">Width of the heads-up side panel (0 without it).</param>
/// <param name="TextSize">The heads-up display's text height, after the text scale.</param>
public readonly record struct OverlayFrame(float Left, int TextSize, Camera3D Camera, ScenePlacement Placement, BallPositions Positions)
{
    /// <summary>Where what the overlay draws can be clicked, as a key (the renderer's, cleared each frame), or null.</summary>
    public ClickTargets? Targets { get; init; }
}

/// <summary>
/// What a frame shows besides the scene and its heads-up display, e.g. the classroom's captions and
/// panels: it claims room at the edges (the picture is centred clear of it), may add lines on the
/// surface, and draws over the scene, under the help. Called every frame: allocate nothing.
/// </summary>
public interface ISceneOverlay
{
    /// <summary>The room it takes at <paramref name="textSize"/>; <paramref name="hud"/>: whether the heads-up display is on.</summary>
    SceneMargins Margins(Window window, World world, int textSize, int selectedBall, bool hud);

    /// <summary>Works out what it will draw after the frame's steps and keys; drawing then only reads.</summary>
    void Update(World world, int selectedBall);

    /// <summary>Lines on the surface, drawn outlined with the trails and arrows.</summary>
    void AppendSurfaceLines(World world, in FrameInfo info, ScenePlacement placement, BallPositions positions, SegmentBuffer into);

    void Draw(Window window, World world, in FrameInfo info, in OverlayFrame frame);

    /// <summary>Badges about the window rather than the scene (recording), drawn after a recorded frame is taken.</summary>
    void DrawBadges(Window window, in FrameInfo info, int textSize);
}
