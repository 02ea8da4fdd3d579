using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Builds a plot's polylines as 2D segments, one pixel column at a time: the points that fall in one
/// column become a vertical stroke from their lowest to their highest, joined to the next column. So
/// 16,000 noisy mini-batch losses cost a few hundred segments and still show their spread, and
/// nothing is allocated once the buffer has grown.
/// </summary>
public sealed class PlotPen
{
    private readonly SegmentBuffer _segments = new();
    private bool _started;
    private int _column;
    private float _x, _low, _high, _last;
    private Color _colour;

    public ReadOnlySpan<LineSegment> Segments => _segments.Span;

    public void Clear() => _segments.Clear();

    /// <summary>Starts a new line in <paramref name="colour"/>.</summary>
    public void Begin(Color colour)
    {
        End();
        _colour = colour;
    }

    /// <summary>The next point of the line; a non-finite one breaks it.</summary>
    public void To(float x, float y)
    {
        if (!float.IsFinite(x) || !float.IsFinite(y))
        {
            End();
            return;
        }
        int column = (int)MathF.Floor(x);
        if (_started && column == _column)
        {
            _low = Math.Min(_low, y);
            _high = Math.Max(_high, y);
            _last = y;
            return;
        }
        if (_started)
        {
            Stroke();
            Add(_x, _last, x, y);
        }
        _started = true;
        _column = column;
        _x = x;
        _low = _high = _last = y;
    }

    /// <summary>Ends the current line.</summary>
    public void End()
    {
        if (_started) Stroke();
        _started = false;
    }

    /// <summary>Draws every line so far, <paramref name="width"/> pixels wide, and clears them.</summary>
    public void Draw(Window window, float width)
    {
        End();
        window.DrawLines2D(_segments.Span, width);
        _segments.Clear();
    }

    private void Stroke()
    {
        if (_high - _low > 0.5f) Add(_x, _low, _x, _high);
    }

    private void Add(float x0, float y0, float x1, float y1) =>
        _segments.Add(new LineSegment(new(x0, y0, 0), new(x1, y1, 0), _colour));
}
