using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;

namespace Sim.Render.Scene;

/// <summary>
/// Where each ball is drawn this frame, worked out once and shared by the spheres, arrows, rings and
/// labels: its point in the plane (between its last two steps) and its centre resting on the surface, or
/// for a network's ball (drawn at its projection onto a plane of weights) at the height of its true loss.
/// </summary>
public sealed class BallPositions
{
    private Point2[] _points = new Point2[16];
    private Vector3[] _centres = new Vector3[16];
    private bool[] _placed = new bool[16];

    public int Count { get; private set; }

    public void Update(World world, ScenePlacement placement, float interpolation)
    {
        var balls = world.Balls;
        Count = balls.Count;
        if (_points.Length < Count)
        {
            int n = Math.Max(Count, _points.Length * 2);
            _points = new Point2[n];
            _centres = new Vector3[n];
            _placed = new bool[n];
        }
        float r = placement.BallRadius;
        bool network = world.Objective is not Landscape;
        for (int i = 0; i < Count; i++)
        {
            _points[i] = ScenePlacement.DisplayPoint(balls[i], interpolation);
            _placed[i] = network
                ? placement.TryPlaceAtLoss(_points[i], balls[i].Loss, r, out _centres[i])
                : placement.TryPlaceBall(_points[i], r, out _centres[i]);
        }
    }

    /// <summary>The ball's point in the parameter plane as drawn.</summary>
    public Point2 Point(int i) => _points[i];

    /// <summary>The ball's centre in world space; meaningful only if <see cref="IsPlaced"/>.</summary>
    public Vector3 Centre(int i) => _centres[i];

    /// <summary>False when the ball has no finite position to show.</summary>
    public bool IsPlaced(int i) => _placed[i];
}
