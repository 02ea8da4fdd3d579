using Sim.Core.Simulation;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// The basin-map layer (<see cref="SceneLayers.BasinMap"/>): asks the <see cref="BasinMapper"/> for the
/// map of the ball it is about, uploads each map that comes into view to a texture once, drapes it
/// over the surface (<see cref="SurfaceStyle.Drape"/>) and says in one line what it shows.
/// </summary>
public sealed class BasinLayer : IDisposable
{
    private Texture? _texture;
    private int _uploaded = -1;

    public BasinMapper Mapper { get; } = new();

    /// <summary>
    /// The ball whose map is shown: the selected one (the first if all are), or with
    /// <see cref="SceneLayers.BasinMapNextBall"/> the one after it, to compare two.
    /// </summary>
    public static int BallOf(World world, SceneLayers layers, int selected)
    {
        int n = world.Balls.Count, ball = Math.Max(selected, 0);
        return n == 0 ? -1 : (layers.BasinMapNextBall ? ball + 1 : ball) % n;
    }

    /// <summary>Before drawing: starts the map the frame needs (or stops computing when the layer is off).</summary>
    public void Update(World world, SceneLayers layers, int selected)
    {
        if (layers.BasinMap) Mapper.Request(world, BallOf(world, layers, selected));
        else Mapper.Stop();
    }

    /// <summary><paramref name="style"/> with the current map draped over the surface, if the layer is on and a map is done.</summary>
    public SurfaceStyle Style(Window window, SurfaceStyle style, World world, bool on)
    {
        if (!on || Mapper.Current is not { Map: { } map } image) return style;
        if (_uploaded != Mapper.Version)
        {
            _texture ??= window.LoadTexture();
            _texture.Update(map.Grid, map.Grid, image.Texels);
            _uploaded = Mapper.Version;
        }
        var d = map.Domain;
        // A map of another landscape (the new one is being computed) is not laid over this one.
        if (!ReferenceEquals(image.Key.Landscape, world.Landscape)) return style;
        return style with { Drape = new SurfaceDrape(_texture!, _texture!.Version, (float)d.XMin, (float)d.XMax, (float)d.YMin, (float)d.YMax) };
    }

    /// <summary>What the map shows (or that it is being computed), in one line over the bottom of the scene; returns the line's top.</summary>
    public float DrawCaption(Window window, Theme theme, float left, float right, float bottom, int size)
    {
        var image = Mapper.Current;
        ReadOnlySpan<char> text = Mapper.Computing ? "basin map: computing…" : image is null ? "" : image.Caption;
        return BottomLine(window, text, theme, left, right, bottom, size);
    }

    /// <summary>One line of text on a panel over the scene, its bottom at <paramref name="bottom"/>; returns its top (<paramref name="bottom"/> for no text).</summary>
    public static float BottomLine(Window window, ReadOnlySpan<char> text, Theme theme, float left, float right, float bottom, int size)
    {
        if (text.IsEmpty) return bottom;
        int pad = size / 3;
        float width = right - left - 2 * pad;
        int fitted = TextFit.Size(window, text, size, Math.Min(size, 11), width);
        var m = window.MeasureText(text, fitted);
        float x = left + pad, y = bottom - m.Y - pad;
        window.DrawRectangle(x - pad, y - pad / 2f, Math.Min(m.X, width) + 2 * pad, m.Y + pad, theme.Panel);
        TextFit.Draw(window, text, x, y, fitted, Math.Min(size, 11), width, theme.Text);
        return y - pad;
    }

    public void Dispose()
    {
        Mapper.Dispose();
        _texture?.Dispose();
    }
}
