using System.Numerics;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Words beside the balls that need them: a diverged ball (grey) says why, a converged one says
/// when (for a few seconds, then it fades: the ring stays), a ball past the drawn domain's edge is
/// named where it is held at the edge, and the ball the learning-rate keys act on is named.
/// </summary>
public sealed class BallLabels
{
    /// <summary>Only the first balls get labels: a swarm's would be a wall of text.</summary>
    public const int MaxLabels = 12;

    /// <summary>Labels stacked over one spot (balls that arrived together) beyond this many are left out: a race's wall of "✓" would hide the scene.</summary>
    public const int MaxStack = 4;

    /// <summary>The room labels stay in, left and right edges in pixels: clear of the side panels.</summary>
    public (float Left, float Right) Room { get; set; } = (0, float.PositiveInfinity);

    private readonly List<Vector4> _placed = []; // x, y, width, height of the labels drawn so far this frame
    private readonly List<TextMemo<(BallStatus, int, string, string)>> _texts = [];
    private readonly List<(BallStatus Status, int ConvergedAt, double Since)> _shown = [];

    /// <summary>An arrival's label is read for this long, then fades over <see cref="FadeSeconds"/>.</summary>
    public const double ArrivalSeconds = 4, FadeSeconds = 1;

    /// <summary>
    /// The text scale past which labels stop growing: at 2.5× on a 1024×768 projector they were larger than
    /// the caption and covered the landscape they label.
    /// </summary>
    public const float MaxScale = 2;

    /// <summary>Multiplies the text size (the text-scale keys).</summary>
    public float Scale { get; set; } = 1;

    public void Draw(Window window, Camera3D camera, World world, ScenePlacement placement, BallPositions positions, in FrameInfo info)
    {
        int size = HeadsUpDisplay.TextSize(window.Height, Math.Min(Scale, MaxScale)) * 4 / 5;
        float r = placement.BallRadius;
        var balls = world.Balls;
        int count = Math.Min(balls.Count, MaxLabels);
        while (_texts.Count < count) _texts.Add(new TextMemo<(BallStatus, int, string, string)>());
        while (_shown.Count < count) _shown.Add(default);
        var domain = world.Landscape.Domain;
        _placed.Clear();
        for (int i = 0; i < count; i++)
        {
            var ball = balls[i];
            bool selected = i == info.SelectedBall;
            var point = positions.Point(i);
            bool offEdge = ball.Status == BallStatus.Running
                && !(point.X >= domain.XMin && point.X <= domain.XMax && point.Y >= domain.YMin && point.Y <= domain.YMax);
            if (ball.Status == BallStatus.Running && !selected && !offEdge) continue;
            if (!positions.IsPlaced(i)) continue;
            byte alpha = Alpha(i, ball, info.Seconds, selected);
            if (alpha == 0) continue;
            var centre = positions.Centre(i);
            if (!camera.TryWorldToScreen(centre, window.Width, window.Height, out var at)) continue;
            var text = _texts[i].Get((ball.Status, offEdge ? -2 : ball.ConvergedAt ?? -1, ball.Label, ball.DivergedReason ?? ""), static k => k.Item1 switch
            {
                BallStatus.Diverged when k.Item4 == World.EscapedDownhill => $"⇲ {k.Item3}: escaped downhill, off the map",
                BallStatus.Diverged => $"✗ {k.Item3}: diverged ({k.Item4})",
                BallStatus.Converged => $"✓ {k.Item3}: at the minimum, step {k.Item2}",
                _ when k.Item2 == -2 => $"⇥ {k.Item3}: past the edge",
                _ => $"▸ {k.Item3}",
            });
            // Above the ball by its on-screen radius, so the label never covers it.
            var top = camera.WorldToScreen(centre + new Vector3(0, r, 0), window.Width, window.Height);
            float lift = Math.Max(at.Y - top.Y, 4) + size * 0.3f;
            float left = Math.Max(Room.Left, 0) + 4, right = Math.Min(Room.Right, window.Width) - 4;
            int fitted = TextFit.Size(window, text, size, size * 2 / 3, right - left); // a narrow room between panels
            var extent = window.MeasureText(text, fitted);
            float x = Math.Clamp(at.X - extent.X / 2, left, Math.Max(right - extent.X, left));
            float y = Math.Clamp(at.Y - lift - extent.Y, 4, window.Height - extent.Y - 4);
            // Balls that arrive together would write over each other: stack their labels upwards, or
            // downwards where upwards would leave the window (a label cut at the top edge says nothing).
            float first = y;
            int stacked = Stack(x, ref y, extent, up: true);
            if (y < 4)
            {
                y = first;
                stacked += Stack(x, ref y, extent, up: false); // the pile's size, above and below, still bounded by MaxStack
            }
            if (stacked >= MaxStack && !selected) continue;
            _placed.Add(new Vector4(x, y, extent.X, extent.Y));
            window.DrawRectangle(x - 4, y, Math.Min(extent.X, right - x) + 8, extent.Y, info.Theme.Panel.WithAlpha((byte)(info.Theme.Panel.A * alpha / 255)));
            var colour = BallFate.Failed(ball) ? info.Theme.DivergedLabel : info.Theme.TextOf(ball.Colour);
            TextFit.Draw(window, text, x, y, fitted, fitted, right - x, colour.WithAlpha(alpha)); // cut with "…" rather than run under a panel
        }
    }

    /// <summary>Moves a label at (<paramref name="x"/>, <paramref name="y"/>) past every placed label it would overlap; returns how many.</summary>
    private int Stack(float x, ref float y, Vector2 extent, bool up)
    {
        int stacked = 0;
        for (int k = 0; k < _placed.Count; k++)
        {
            var p = _placed[k];
            if (x < p.X + p.Z && p.X < x + extent.X && y < p.Y + p.W && p.Y < y + extent.Y)
            {
                y = up ? p.Y - extent.Y - 2 : p.Y + p.W + 2;
                stacked++;
                k = -1; // check every placed label again at the new height
            }
        }
        return stacked;
    }

    /// <summary>
    /// Full strength, except an arrival's label some seconds after it appeared (in the window: a headless
    /// picture has no clock, so nothing fades there).
    /// </summary>
    private byte Alpha(int i, Ball ball, double now, bool selected)
    {
        var key = (ball.Status, ball.ConvergedAt ?? -1);
        if (_shown[i].Status != key.Status || _shown[i].ConvergedAt != key.Item2) _shown[i] = (key.Status, key.Item2, now);
        if (ball.Status != BallStatus.Converged || selected) return 255;
        double age = now - _shown[i].Since;
        return (byte)(255 * Math.Clamp(1 - (age - ArrivalSeconds) / FadeSeconds, 0, 1));
    }
}
