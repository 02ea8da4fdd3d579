using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>A reusable, growing list of line segments, so building a frame's lines allocates nothing once warm.</summary>
public sealed class SegmentBuffer
{
    private LineSegment[] _items = new LineSegment[1024];

    public int Count { get; private set; }
    public ReadOnlySpan<LineSegment> Span => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(in LineSegment segment)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = segment;
    }
}
