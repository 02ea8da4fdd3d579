namespace Sim.Render.Platform;

/// <summary>
/// An offscreen picture with its own depth (raylib's RenderTexture): draw into it between
/// <see cref="Window.BeginTextureMode"/> and <see cref="Window.EndTextureMode"/>, copy it whole to
/// another target of the same size and samples (colour and depth), or show it in the window.
/// Lets a scene keep an expensive, unchanging layer (a finely sampled surface) and redraw only what moves.
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

    internal RenderTarget(int width, int height, int samples)
    {
        Width = width;
        Height = height;
        Samples = Math.Clamp(samples, 0, Gl.Integer(Gl.MaxSamples));
        _framebuffer = Gl.GenFramebuffer();
        Gl.BindFramebuffer(Gl.Framebuffer, _framebuffer);
        _colour = Storage(Gl.Rgba8, Gl.ColorAttachment0);
        _depth = Storage(Gl.DepthComponent24, Gl.DepthAttachment);
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

    public void Dispose()
    {
        if (_framebuffer == 0 || _context != Gl.Context) return; // its context is gone, and the objects with it
        Gl.DeleteFramebuffer(_framebuffer);
        Gl.DeleteRenderbuffer(_colour);
        Gl.DeleteRenderbuffer(_depth);
        _framebuffer = _colour = _depth = 0;
    }
}
