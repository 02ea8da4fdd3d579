using System.Numerics;
using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// The loss of the current mini-batch alone, as a wire frame over the full loss's surface on the same
/// height scale: it jumps to a new shape at every step, and where it parts from the surface the balls'
/// gradients part from the true gradient. Rebuilt only when the world has stepped.
/// </summary>
public sealed class BatchSurfaceWire
{
    /// <summary>Grid lines along each side: enough to show the shape, few enough to stay legible.</summary>
    public const int Lines = 25;

    private readonly SegmentBuffer _segments = new();
    private readonly Vector3[] _grid = new Vector3[Lines * Lines];
    private int _step = -1, _version = -1, _batchSize = -1;
    private Color _colour;

    /// <summary>The wire frame for the world's last batch; empty on an analytic landscape or before the first step.</summary>
    public ReadOnlySpan<LineSegment> Segments(World world, ScenePlacement placement, int surfaceVersion, Color colour)
    {
        var batch = world.LastBatch;
        if (world.Landscape.ExampleCount == 0 || batch.IsEmpty)
        {
            _segments.Clear();
            _step = -1;
            return default;
        }
        if (world.Step == _step && surfaceVersion == _version && batch.Length == _batchSize && colour == _colour) return _segments.Span;
        _step = world.Step;
        _version = surfaceVersion;
        _batchSize = batch.Length;
        _colour = colour;

        var landscape = world.Landscape;
        var d = landscape.Domain;
        for (int j = 0; j < Lines; j++)
            for (int i = 0; i < Lines; i++)
            {
                double x = d.XMin + d.Width * i / (Lines - 1), y = d.YMin + d.Height * j / (Lines - 1);
                float h = placement.HeightOfLoss(landscape.BatchValue(x, y, batch));
                _grid[j * Lines + i] = new Vector3((float)x, h, (float)-y);
            }
        _segments.Clear();
        for (int j = 0; j < Lines; j++)
            for (int i = 0; i + 1 < Lines; i++)
            {
                _segments.Add(new LineSegment(_grid[j * Lines + i], _grid[j * Lines + i + 1], colour));
                _segments.Add(new LineSegment(_grid[i * Lines + j], _grid[(i + 1) * Lines + j], colour));
            }
        return _segments.Span;
    }
}
