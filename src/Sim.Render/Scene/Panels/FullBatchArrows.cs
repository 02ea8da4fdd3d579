using Sim.Core.Lessons;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Beside the white arrow of each mini-batch ball's last gradient, a pink one for the full batch's
/// gradient at the same point: how far one batch's direction strays from the true one. Only the
/// direction is compared, so both have one length. Lines on the surface only, no box.
/// </summary>
public sealed class FullBatchArrows : IPanel
{
    public static PanelKind Kind { get; } = new()
    {
        CliName = "full-batch", Title = "full-batch gradient arrows", Key = Key.O, Modifier = Modifier.Shift, KeyLabel = "Shift+O",
        Lesson = LessonPanels.BatchOverlay, Help = "full-batch gradient beside each mini-batch gradient", Create = () => new FullBatchArrows(),
    };

    /// <summary>As a share of the domain's larger side.</summary>
    public const float Length = 0.12f;

    public bool HasBox => false;

    public float PreferredHeight(in PanelContext c) => 0;

    public void Draw(Window window, PanelRect rect, in PanelContext c) { }

    public void AppendSurfaceLines(World world, int selected, ScenePlacement placement, BallPositions positions, Theme theme, SegmentBuffer into)
    {
        int m = world.Landscape.ExampleCount;
        if (m == 0) return;
        float r = placement.BallRadius;
        for (int i = 0; i < Math.Min(world.Balls.Count, ScenePlacement.Crowd); i++)
        {
            var ball = world.Balls[i];
            if ((ball.BatchSize ?? world.BatchSize) >= m || ball.Steps == 0 || ball.Status == BallStatus.Diverged || !positions.IsPlaced(i)) continue;
            var p = ball.Previous; // where the last step's gradient was taken
            world.Landscape.Gradient(p.X, p.Y, out double gx, out double gy);
            double norm = Math.Sqrt(gx * gx + gy * gy);
            if (!(norm > 0) || !double.IsFinite(norm)) continue;
            ArrowGeometry.Arrow(placement, positions.Point(i), positions.Centre(i), -gx, -gy, Length * placement.DomainSize, r, theme.FullBatch, into);
        }
    }
}
