namespace Sim.Render.Platform;

/// <summary>
/// An offscreen picture with its own depth (raylib's RenderTexture): draw into it between
/// <see cref="Window.BeginTextureMode"/> and <see cref="Window.EndTextureMode"/>, copy it to another
/// target of the same size and samples (colour and depth), or show it in the window as a
/// <see cref="Backdrop"/>. Lets a scene keep an expensive, unchanging layer (a finely sampled surface)
/// and redraw only what moves. A single-sampled target's depth is a texture that shaders can read.
/// </summary>
public sealed unsafe class RenderTarget : IDisposable
{
    private uint _framebuffer, _colour, _depth;
    private readonly int _context = Gl.Context;

    public int Width { get; }
    public int Height { get; }

    /// <summary>Multisample count (0 for none).</summary>
    public int Samples { get; }

    internal uint Framebuffer => _framebuffer;

    /// <summary>The depth texture of a single-sampled target (0 for a multisampled one, whose depth is a renderbuffer).</summary>
    internal uint DepthTexture => Samples == 0 ? _depth : 0;

    internal RenderTarget(int width, int height, int samples)
    {
        Width = width;
        Height = height;
        Samples = Math.Clamp(samples, 0, Gl.Integer(Gl.MaxSamples));
        _framebuffer = Gl.GenFramebuffer();
        Gl.BindFramebuffer(Gl.Framebuffer, _framebuffer);
        _colour = Storage(Gl.Rgba8, Gl.ColorAttachment0);
        _depth = Samples == 0 ? DepthTextureStorage() : Storage(Gl.DepthComponent24, Gl.DepthAttachment);
        uint status = Gl.CheckFramebufferStatus(Gl.Framebuffer);
        Gl.BindFramebuffer(Gl.Framebuffer, 0);
        if (status != Gl.FramebufferComplete)
        {
            Dispose();
            throw new PlatformError($"cannot make a {width}x{height} offscreen picture with {Samples} samples (status 0x{status:x})");
        }
    }

    private uint Storage(uint format, uint attachment)
    {
        uint buffer = Gl.GenRenderbuffer();
        Gl.BindRenderbuffer(Gl.Renderbuffer, buffer);
        Gl.RenderbufferStorageMultisample(Gl.Renderbuffer, Samples, format, Width, Height);
        Gl.FramebufferRenderbuffer(Gl.Framebuffer, attachment, Gl.Renderbuffer, buffer);
        return buffer;
    }

    /// <summary>Depth as a texture read texel by texel (nearest, no comparison mode), so 3D drawn later elsewhere can be hidden behind it.</summary>
    private uint DepthTextureStorage()
    {
        uint texture = Gl.GenTexture();
        Gl.BindTexture(Gl.Texture2D, texture);
        Gl.TexImage2D(Gl.Texture2D, 0, (int)Gl.DepthComponent24, Width, Height, 0, Gl.DepthComponent, Gl.UnsignedInt, null);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMinFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMagFilter, Gl.Nearest);
        Gl.FramebufferTexture2D(Gl.Framebuffer, Gl.DepthAttachment, Gl.Texture2D, texture, 0);
        Gl.BindTexture(Gl.Texture2D, 0);
        return texture;
    }

    public void Dispose()
    {
        if (_framebuffer == 0 || _context != Gl.Context) return; // its context is gone, and the objects with it
        Gl.DeleteFramebuffer(_framebuffer);
        Gl.DeleteRenderbuffer(_colour);
        if (Samples == 0) Gl.DeleteTexture(_depth);
        else Gl.DeleteRenderbuffer(_depth);
        _framebuffer = _colour = _depth = 0;
    }
}
