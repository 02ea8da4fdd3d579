using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// Each ball's trail as segments lying on the surface, fading from old to new. World points are
/// cached per ball and only the steps taken since the last frame are placed, since placing a point
/// evaluates the loss (on a data landscape, over every example).
/// </summary>
public sealed class TrailGeometry
{
    private readonly List<Cache> _caches = [];

    /// <summary>Appends every ball's trail, ending at the ball's drawn position, to <paramref name="into"/>.</summary>
    public void Append(World world, ScenePlacement placement, int surfaceVersion, float interpolation, Theme theme, SegmentBuffer into)
    {
        var balls = world.Balls;
        while (_caches.Count < balls.Count) _caches.Add(new Cache());
        float lift = placement.BallRadius * 0.3f, minLength = placement.BallRadius * 0.25f;
        for (int i = 0; i < balls.Count; i++)
        {
            var ball = balls[i];
            var cache = _caches[i];
            cache.Sync(ball, placement, surfaceVersion, lift);
            // A diverged ball's last jumps are wild: faint for a few balls, left out of a swarm's tangle.
            if (ball.Status == BallStatus.Diverged && balls.Count > ScenePlacement.Crowd) continue;
            var colour = theme.Of(ball);
            if (ball.Status == BallStatus.Diverged) colour = colour.WithAlpha(110);
            int n = cache.Count, oldest = Math.Max(0, n - PointsPerBall(balls.Count));
            // The newest kept point is the ball's position after the last step; the ball is drawn on its
            // way there, so the trail stops at the previous point and a last piece runs to the ball.
            int last = ball.Status == BallStatus.Running && ball.Enabled && n >= 2 ? n - 2 : n - 1;
            // Steps far shorter than a pixel (SGD creeping along a valley floor) merge into one segment:
            // the same picture from far fewer segments, which a software renderer pays for one by one.
            int from = oldest;
            for (int k = oldest + 1; k <= last; k++)
            {
                Vector3 a = cache[from], b = cache[k];
                if (!IsFinite(b)) continue;
                if (!IsFinite(a))
                {
                    from = k;
                    continue;
                }
                if (k < last && Vector3.DistanceSquared(a, b) < minLength * minLength) continue;
                into.Add(new LineSegment(a, b, Fade(colour, from - oldest, n - oldest), Fade(colour, k - oldest, n - oldest)));
                from = k;
            }
            if (last >= 0 && last == n - 2
                && placement.TryPlace(ScenePlacement.DisplayPoint(ball, interpolation), lift, out var head)
                && IsFinite(cache[last]))
                into.Add(new LineSegment(cache[last], head, Fade(colour, last - oldest, n - oldest), colour));
        }
    }

    /// <summary>
    /// Points drawn per trail: all of them for a handful of balls; for a swarm a short tail each, about
    /// 10,000 in all (llvmpipe draws some 1,200 outlined segments per millisecond).
    /// </summary>
    public static int PointsPerBall(int balls) => balls <= ScenePlacement.Crowd ? int.MaxValue : Math.Max(10_000 / balls, 8);

    /// <summary>Old points fade towards transparent so the recent path reads first.</summary>
    private static Color Fade(Color c, int index, int count)
    {
        float t = count <= 1 ? 1 : (float)index / (count - 1);
        return c.WithAlpha((byte)(40 + 215 * t));
    }

    private static bool IsFinite(Vector3 v) => float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z);

    /// <summary>World points of one ball's trail, a ring kept in step with <see cref="Trail"/>.</summary>
    private sealed class Cache
    {
        private Vector3[] _points = [];
        private int _start;
        private Ball? _ball;
        private int _steps = -1, _version = -1;
        private Point2 _newest;

        public int Count { get; private set; }
        public Vector3 this[int i] => _points[(_start + i) % _points.Length];

        public void Sync(Ball ball, ScenePlacement placement, int version, float lift)
        {
            var trail = ball.Trail;
            int added = ball.Steps - _steps;
            // Appending is right only if the point before the new ones is our newest: anything else
            // (a reset, a restart elsewhere, another landscape) rebuilds the whole trail.
            bool append = ReferenceEquals(ball, _ball) && version == _version && added >= 0 && added < trail.Count
                && Count > 0 && trail[trail.Count - 1 - added] == _newest;
            if (!append)
            {
                if (_points.Length != trail.Capacity) _points = new Vector3[trail.Capacity];
                _start = 0;
                Count = 0;
                added = trail.Count;
                _ball = ball;
                _version = version;
            }
            for (int i = trail.Count - added; i < trail.Count; i++)
            {
                var p = trail[i];
                var world = placement.TryPlace(p, lift, out var w) ? w : new Vector3(float.NaN);
                if (Count < _points.Length) _points[(_start + Count++) % _points.Length] = world;
                else
                {
                    _points[_start] = world;
                    _start = (_start + 1) % _points.Length;
                }
            }
            _steps = ball.Steps;
            if (trail.Count > 0) _newest = trail[trail.Count - 1];
        }
    }
}
