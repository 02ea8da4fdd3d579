using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Render.Platform;

namespace Sim.Render.Scene;

/// <summary>
/// The surface and its minimum markers drawn once into an offscreen picture (colour and depth) and
/// shown as the window's <see cref="Platform.Backdrop"/> while the view stays still: a 256×256 surface is
/// 130,000 triangles, which a software renderer (llvmpipe) needs tens of milliseconds for, while the
/// balls move every frame. While the camera moves, a mesh of half the resolution stands in; the full
/// one is drawn once it stops.
/// </summary>
public sealed class SurfaceCache : IDisposable
{
    private readonly Window _window;
    private readonly SurfaceMesh _fine, _coarse;
    private Mesh? _fineMesh, _coarseMesh;
    private RenderTarget? _picture, _shown;
    private View _cached;
    private CameraPose? _previous;
    private bool _cachedCoarse;

    public SurfaceCache(Window window, SurfaceMesh surface, int samples)
    {
        _window = window;
        _fine = surface;
        _coarse = new SurfaceMesh(surface.Landscape, surface.Options with { Resolution = Math.Max(surface.Resolution / 2, 16) });
        Samples = samples;
        Upload();
    }

    /// <summary>Multisample count of the pictures (0 for none).</summary>
    public int Samples { get; }

    /// <summary>How many times the surface was drawn: a still view draws it once.</summary>
    public int Redraws { get; private set; }

    /// <summary>Samples the coarse mesh for a new landscape (the fine one is the renderer's) and uploads both.</summary>
    public void Rebuild(Landscape landscape)
    {
        _coarse.Rebuild(landscape);
        Upload();
        _cached = default;
    }

    private void Upload()
    {
        if (_fineMesh is null) _fineMesh = _window.UploadMesh(_fine.Vertices, _fine.Indices);
        else _fineMesh.Update(_fine.Vertices, _fine.Indices);
        if (_coarseMesh is null) _coarseMesh = _window.UploadMesh(_coarse.Vertices, _coarse.Indices);
        else _coarseMesh.Update(_coarse.Vertices, _coarse.Indices);
    }

    /// <summary>
    /// The surface as <paramref name="camera"/> sees it, in a <paramref name="width"/>×<paramref name="height"/>
    /// picture, as the backdrop of the window's top-left <paramref name="roomWidth"/>×<paramref name="roomHeight"/>
    /// pixels; drawn first only if the view, style, size or landscape changed since it was last drawn.
    /// <paramref name="drawStatic"/> adds what else never moves (minimum markers) inside its 3D scope.
    /// </summary>
    public Backdrop Backdrop(Camera3D camera, int width, int height, int roomWidth, int roomHeight, in SurfaceStyle style, Color background, int surfaceVersion, Action drawStatic)
    {
        if (_picture is null || _picture.Width != width || _picture.Height != height)
        {
            DisposePictures();
            _picture = _window.LoadRenderTarget(width, height, Samples);
            // A multisampled picture's depth cannot be read: it is resolved into one that can.
            _shown = Samples > 0 ? _window.LoadRenderTarget(width, height) : _picture;
            _cached = default;
        }
        var pose = new CameraPose(camera.Position, camera.Target, camera.FovY, camera.Orthographic, camera.LensShift);
        var view = new View(pose, width, height, surfaceVersion, style, background);
        bool moving = _previous is { } p && p != pose; // the very first frame is drawn in full
        _previous = pose;
        if (view != _cached || (_cachedCoarse && !moving))
        {
            _window.BeginTextureMode(_picture, background);
            _window.BeginMode3D(camera);
            _window.DrawMesh(moving ? _coarseMesh! : _fineMesh!, style);
            drawStatic();
            _window.EndMode3D();
            _window.EndTextureMode();
            if (_shown != _picture) _window.CopyRenderTarget(_picture, _shown!);
            _cached = view;
            _cachedCoarse = moving;
            Redraws++;
        }
        return new Backdrop(_shown!, roomWidth, roomHeight);
    }

    private readonly record struct CameraPose(Vector3 Eye, Vector3 Target, float FovY, bool Orthographic, Vector2 LensShift);

    private readonly record struct View(CameraPose Pose, int Width, int Height, int SurfaceVersion, SurfaceStyle Style, Color Background);

    private void DisposePictures()
    {
        if (_shown != _picture) _shown?.Dispose();
        _picture?.Dispose();
        _shown = _picture = null;
    }

    public void Dispose()
    {
        DisposePictures();
        _fineMesh?.Dispose();
        _coarseMesh?.Dispose();
    }
}
