using System.Numerics;

namespace Sim.Render.Platform;

public sealed unsafe partial class Window
{
    private SurfacePass? _surface;
    private SphereBatch? _spheres;
    private LineBatch? _lines;
    private PointBatch? _points;
    private OverlayBatch? _overlay;
    private GlyphAtlas? _text;
    private Screenshot? _screenshot;

    private bool _inFrame, _in3D;
    private Color? _pendingClear;
    private bool _depthUncleared;
    private RenderTarget? _target;
    private uint _backdropDepth; // the depth texture 3D is hidden behind, 0 for none
    private Matrix4x4 _viewProj;
    private Vector3 _eye, _viewDirection;
    private bool _orthographic;

    /// <summary>Where the light comes from (world space), shared by surfaces and spheres.</summary>
    public Vector3 LightDirection { get; set; } = new(-0.5f, 1.0f, 0.7f);

    /// <summary>Glyphs rendered into the text atlas so far, for diagnostics and tests.</summary>
    public int CachedGlyphCount => _text?.GlyphCount ?? 0;

    private void CreateRenderers()
    {
        _surface = new SurfacePass();
        _spheres = new SphereBatch();
        _lines = new LineBatch();
        _points = new PointBatch();
        _overlay = new OverlayBatch();
        _text = new GlyphAtlas();
        Gl.BlendFunc(Gl.SrcAlpha, Gl.OneMinusSrcAlpha);
        Gl.DepthFunc(Gl.Lequal);
    }

    private void DisposeRenderers()
    {
        _text?.Dispose();
        _overlay?.Dispose();
        _lines?.Dispose();
        _points?.Dispose();
        _spheres?.Dispose();
        _surface?.Dispose();
        _text = null;
        _overlay = null;
        _lines = null;
        _points = null;
        _spheres = null;
        _surface = null;
    }

    /// <summary>
    /// Starts a frame: sets the viewport to the drawable and clears it; the clear waits for the first
    /// drawing, and a <see cref="DrawRenderTarget"/> covering the whole window first saves it (on a
    /// software renderer a full-screen clear is a noticeable part of the frame).
    /// </summary>
    public void BeginDrawing(Color clear)
    {
        CheckThread();
        if (_inFrame) throw new InvalidOperationException("BeginDrawing called twice without EndDrawing");
        _inFrame = true;
        UpdateSize();
        Gl.Viewport(0, 0, Width, Height);
        _pendingClear = clear; // done by the first drawing, unless a picture covering the window comes first
        _depthUncleared = false;
        Gl.Enable(Gl.Blend);
        Gl.Disable(Gl.DepthTest);
        if (Samples > 0) Gl.Enable(Gl.Multisample);
        _overlay!.Begin(new Vector2(Width, Height));
    }

    /// <summary>Finishes the frame's 2D drawing and shows it.</summary>
    public void EndDrawing()
    {
        RequireFrame();
        if (_in3D) EndMode3D();
        if (_target is not null) EndTextureMode();
        _overlay!.Flush();
        Sdl.GlSwapWindow(_window);
        _inFrame = false;
    }

    /// <summary>Blocks until the GPU has finished every command so far: for timing frames honestly.</summary>
    public void WaitForGpu()
    {
        CheckThread();
        Gl.Finish();
    }

    /// <summary>Opens a 3D scope seen through <paramref name="camera"/>; 3D draw calls need one.</summary>
    public void BeginMode3D(Camera3D camera)
    {
        RequireFrame();
        _overlay!.Flush(); // 2D drawn so far stays beneath the 3D scene
        if (_depthUncleared && _target is null)
        {
            Gl.Clear(Gl.DepthBufferBit);
            _depthUncleared = false;
        }
        var (w, h) = DrawingSize;
        _viewProj = camera.ViewProjection((float)w / h);
        _eye = camera.Position;
        _viewDirection = camera.Target - camera.Position;
        _orthographic = camera.Orthographic;
        Gl.Enable(Gl.DepthTest);
        _in3D = true;
        _overlay.InsideMode3D = true;
    }

    /// <summary>
    /// A 3D scope on the window over <paramref name="behind"/> (shown with <see cref="DrawBackdrop"/>): what is
    /// drawn is hidden where the backdrop's depth is nearer, as if drawn into the backdrop, and cut at its edges.
    /// </summary>
    public void BeginMode3D(Camera3D camera, in Backdrop behind)
    {
        if (_target is not null) throw new InvalidOperationException("a backdrop is behind the window's 3D; call EndTextureMode first");
        RequireBackdrop(behind);
        BeginMode3D(camera);
        _backdropDepth = behind.Picture.DepthTexture;
        Gl.ActiveTexture(Gl.Texture0 + (uint)BackdropUniforms.Unit);
        Gl.BindTexture(Gl.Texture2D, _backdropDepth);
        Gl.ActiveTexture(Gl.Texture0);
        Gl.Enable(Gl.ScissorTest);
        Gl.Scissor(0, Height - behind.Height, behind.Width, behind.Height);
    }

    public void EndMode3D()
    {
        RequireFrame();
        Gl.Disable(Gl.DepthTest);
        if (_backdropDepth != 0)
        {
            Gl.Disable(Gl.ScissorTest);
            Gl.ActiveTexture(Gl.Texture0 + (uint)BackdropUniforms.Unit);
            Gl.BindTexture(Gl.Texture2D, 0); // the picture may be drawn into next
            Gl.ActiveTexture(Gl.Texture0);
            _backdropDepth = 0;
        }
        _in3D = false;
        _overlay!.InsideMode3D = false;
    }

    /// <summary>An offscreen picture of the given size; <paramref name="samples"/> is clamped to what the driver offers.</summary>
    public RenderTarget LoadRenderTarget(int width, int height, int samples = 0)
    {
        CheckThread();
        return new RenderTarget(width, height, samples);
    }

    /// <summary>Sends drawing (3D and 2D) to <paramref name="target"/> until <see cref="EndTextureMode"/>; clears it first if asked.</summary>
    public void BeginTextureMode(RenderTarget target, Color? clear = null)
    {
        CheckFrame();
        if (_in3D) throw new InvalidOperationException("BeginTextureMode inside a 3D scope; call EndMode3D first");
        _overlay!.Flush(); // what was drawn so far belongs to the previous target
        _target = target;
        Gl.BindFramebuffer(Gl.Framebuffer, target.Framebuffer);
        Gl.Viewport(0, 0, target.Width, target.Height);
        if (clear is { } c)
        {
            var v = c.ToVector4();
            Gl.ClearColor(v.X, v.Y, v.Z, v.W);
            Gl.Clear(Gl.ColorBufferBit | Gl.DepthBufferBit);
        }
        if (target.Samples > 0) Gl.Enable(Gl.Multisample);
    }

    /// <summary>Drawing goes to the window again.</summary>
    public void EndTextureMode()
    {
        RequireFrame();
        if (_in3D) EndMode3D();
        _overlay!.Flush();
        _target = null;
        Gl.BindFramebuffer(Gl.Framebuffer, 0);
        Gl.Viewport(0, 0, Width, Height);
    }

    /// <summary>
    /// Copies colour and depth from one target to another of the same size and samples, or resolves a
    /// multisampled one into a single-sampled one.
    /// </summary>
    public void CopyRenderTarget(RenderTarget source, RenderTarget destination)
    {
        CheckFrame();
        if ((source.Width, source.Height) != (destination.Width, destination.Height) || (source.Samples != destination.Samples && destination.Samples > 0))
            throw new ArgumentException("render targets differ in size, or in samples without resolving them", nameof(destination));
        _overlay!.Flush();
        Blit(source.Framebuffer, destination.Framebuffer, source.Width, source.Height, Gl.ColorBufferBit | Gl.DepthBufferBit);
    }

    /// <summary>Shows a target's colour over the whole window (resolving its samples); the window's depth is untouched.</summary>
    public void DrawRenderTarget(RenderTarget source)
    {
        CheckFrame();
        if ((source.Width, source.Height) != (Width, Height))
            throw new ArgumentException($"a {source.Width}x{source.Height} target cannot cover a {Width}x{Height} window", nameof(source));
        // Nothing drawn on the window yet: the picture's colour replaces the clear; its depth is cleared if 3D comes.
        if (_pendingClear is not null)
        {
            _pendingClear = null;
            _depthUncleared = true;
        }
        _overlay!.Flush();
        Blit(source.Framebuffer, 0, Width, Height, Gl.ColorBufferBit);
    }

    /// <summary>
    /// Shows <paramref name="backdrop"/>'s picture in the window's top-left corner over the frame's clear
    /// colour (one clear of the whole window: a software renderer clears faster than it copies);
    /// draw the 3D over it with <see cref="BeginMode3D(Camera3D, in Backdrop)"/>.
    /// </summary>
    public void DrawBackdrop(in Backdrop backdrop)
    {
        RequireBackdrop(backdrop);
        RequireFrame(); // the clear, and the depth with it
        _overlay!.Flush();
        int bottom = Height - backdrop.Height;
        Gl.BindFramebuffer(Gl.ReadFramebuffer, backdrop.Picture.Framebuffer);
        Gl.BindFramebuffer(Gl.DrawFramebuffer, 0);
        Gl.BlitFramebuffer(0, bottom, backdrop.Width, Height, 0, bottom, backdrop.Width, Height, Gl.ColorBufferBit, (uint)Gl.Nearest);
        Gl.BindFramebuffer(Gl.Framebuffer, 0);
    }

    private void RequireBackdrop(in Backdrop backdrop)
    {
        CheckFrame();
        var p = backdrop.Picture;
        if ((p.Width, p.Height) != (Width, Height))
            throw new ArgumentException($"a {p.Width}x{p.Height} backdrop cannot be behind a {Width}x{Height} window", nameof(backdrop));
        if (p.Samples > 0) throw new ArgumentException("a backdrop's depth must be readable: resolve its samples into a single-sampled target", nameof(backdrop));
        if (backdrop.Width < 0 || backdrop.Width > Width || backdrop.Height < 0 || backdrop.Height > Height)
            throw new ArgumentOutOfRangeException(nameof(backdrop), $"{backdrop.Width}x{backdrop.Height} is not inside the {Width}x{Height} window");
    }

    private void Blit(uint from, uint to, int width, int height, uint mask)
    {
        Gl.BindFramebuffer(Gl.ReadFramebuffer, from);
        Gl.BindFramebuffer(Gl.DrawFramebuffer, to);
        Gl.BlitFramebuffer(0, 0, width, height, 0, 0, width, height, mask, (uint)Gl.Nearest);
        // Back to whatever drawing goes to now.
        Gl.BindFramebuffer(Gl.Framebuffer, _target?.Framebuffer ?? 0);
    }

    /// <summary>Copies a mesh to the GPU; dispose it (or keep it and <see cref="Mesh.Update"/> it) when the data changes.</summary>
    public Mesh UploadMesh(ReadOnlySpan<MeshVertex> vertices, ReadOnlySpan<uint> indices)
    {
        CheckThread();
        return new Mesh(vertices, indices);
    }

    /// <summary>An empty texture; fill it with <see cref="Texture.Update"/> (raylib's LoadTextureFromImage, UpdateTexture).</summary>
    public Texture LoadTexture()
    {
        CheckThread();
        return new Texture();
    }

    public void DrawMesh(Mesh mesh, in SurfaceStyle style)
    {
        Require3D();
        _surface!.Draw(mesh, style, _viewProj, _eye, LightDirection);
    }

    public void DrawMesh(Mesh mesh) => DrawMesh(mesh, SurfaceStyle.Default);

    /// <summary>Draws all spheres in one instanced call.</summary>
    public void DrawSpheres(ReadOnlySpan<SphereInstance> spheres)
    {
        Require3D();
        _spheres!.Draw(spheres, _viewProj, _eye, _viewDirection, _orthographic, LightDirection, _backdropDepth != 0);
    }

    /// <summary>Draws round dots <paramref name="size"/> pixels across, depth-tested, in one GL_POINTS call (raylib's DrawPoint3D, batched).</summary>
    public void DrawPoints3D(ReadOnlySpan<PointVertex> points, float size)
    {
        Require3D();
        _points!.Draw(points, size, _viewProj, _backdropDepth != 0);
    }

    /// <summary>
    /// Draws segments <paramref name="width"/> pixels wide, anti-aliased, in one instanced call.
    /// With <paramref name="depthTested"/> false they show through whatever is in front of them
    /// (an "x-ray" pass, e.g. faint trails behind a hill).
    /// </summary>
    public void DrawLines3D(ReadOnlySpan<LineSegment> segments, float width = 2f, bool depthTested = true) =>
        DrawLines3D(segments, width, 0, Color.Transparent, depthTested);

    /// <summary>
    /// Segments with an <paramref name="outline"/> pixels wide on each side in <paramref name="outlineColor"/>
    /// (its alpha scaled by each segment's), in the same single call: lines that read on any background.
    /// </summary>
    public void DrawLines3D(ReadOnlySpan<LineSegment> segments, float width, float outline, Color outlineColor, bool depthTested = true)
    {
        Require3D();
        if (!depthTested) Gl.Disable(Gl.DepthTest);
        var (w, h) = DrawingSize;
        _lines!.Draw(segments, width, outline, outlineColor, _viewProj, new Vector2(w, h), depthTested && _backdropDepth != 0);
        if (!depthTested) Gl.Enable(Gl.DepthTest);
    }

    /// <summary>
    /// Segments in window pixels (origin top-left, z ignored), anti-aliased, over the 2D drawn so far and
    /// under the 2D drawn after: the lines of plots, which rectangles cannot draw at a slant.
    /// </summary>
    public void DrawLines2D(ReadOnlySpan<LineSegment> segments, float width)
    {
        RequireFrame();
        if (_in3D) throw new InvalidOperationException("DrawLines2D inside a 3D scope; call EndMode3D first");
        if (segments.IsEmpty) return;
        _overlay!.Flush();
        var (w, h) = DrawingSize;
        var pixels = new Matrix4x4(
            2f / w, 0, 0, 0,
            0, -2f / h, 0, 0,
            0, 0, 1, 0,
            -1, 1, 0, 1);
        _lines!.Draw(segments, width, 0, Color.Transparent, pixels, new Vector2(w, h), behindBackdrop: false);
    }

    /// <summary>
    /// Draws text (DejaVu Sans, <paramref name="size"/> pixels) with its top-left corner at (x, y); '\n' starts
    /// a new line. Takes a span, so text formatted into a reused buffer is drawn without allocating.
    /// </summary>
    public void DrawText(ReadOnlySpan<char> text, float x, float y, int size, Color color)
    {
        RequireFrame();
        _text!.Draw(_overlay!, text, x, y, size, color);
    }

    /// <summary>Width and height in pixels that <see cref="DrawText"/> would cover.</summary>
    public Vector2 MeasureText(ReadOnlySpan<char> text, int size)
    {
        CheckThread();
        return _text!.Measure(text, size, _overlay!);
    }

    /// <summary>A picture of <paramref name="width"/> × <paramref name="height"/> pixels to draw with <see cref="DrawImage"/>.</summary>
    public OverlayImage CreateImage(int width, int height)
    {
        CheckThread();
        return new OverlayImage(this, width, height);
    }

    /// <summary><paramref name="image"/> stretched over a rectangle in pixels, each of its pixels a block; alpha blends over what is beneath.</summary>
    public void DrawImage(OverlayImage image, float x, float y, float width, float height)
    {
        RequireFrame();
        if (!ReferenceEquals(image.Owner, this)) throw new InvalidOperationException("an image is drawn in the window that made it");
        _overlay!.Quad(image.Texture, x, y, width, height, Color.White);
    }

    /// <summary>A filled 2D rectangle in pixels; alpha blends over what is beneath.</summary>
    public void DrawRectangle(float x, float y, float width, float height, Color color)
    {
        RequireFrame();
        _overlay!.Quad(_overlay.WhiteTexture, x, y, width, height, color);
    }

    /// <summary>
    /// Saves what has been drawn so far this frame as a PNG. Call between BeginDrawing and EndDrawing,
    /// after the drawing you want in the picture. A failure leaves no file under <paramref name="path"/>.
    /// </summary>
    public void TakeScreenshot(string path)
    {
        RequireFrame();
        if (_target is not null) throw new InvalidOperationException("TakeScreenshot reads the window; call EndTextureMode first");
        _overlay!.Flush();
        _screenshot ??= new Screenshot();
        _screenshot.Save(path, Width, Height);
    }

    /// <summary>Pixels of what drawing goes to now: the current render target, or the window.</summary>
    private (int Width, int Height) DrawingSize => _target is { } t ? (t.Width, t.Height) : (Width, Height);

    /// <summary>For drawing that may reach the window: the frame's clear goes first.</summary>
    private void RequireFrame()
    {
        CheckFrame();
        if (_target is not null || _pendingClear is not { } clear) return;
        _pendingClear = null;
        var c = clear.ToVector4();
        Gl.ClearColor(c.X, c.Y, c.Z, c.W);
        Gl.Clear(Gl.ColorBufferBit | Gl.DepthBufferBit);
    }

    /// <summary>For work between targets, which leaves the window (and its pending clear) alone.</summary>
    private void CheckFrame()
    {
        CheckThread();
        if (!_inFrame) throw new InvalidOperationException("drawing needs BeginDrawing first");
    }

    private void Require3D()
    {
        RequireFrame();
        if (!_in3D) throw new InvalidOperationException("3D drawing needs BeginMode3D first");
    }
}
