namespace Sim.Render.Platform;

/// <summary>
/// An RGBA picture held by the GPU (raylib's Texture2D), sampled with nearest filtering so each
/// texel stays a crisp cell; <see cref="Update"/> replaces its pixels, resizing if needed.
/// </summary>
public sealed unsafe class Texture : IDisposable
{
    private readonly int _context = Gl.Context;

    internal uint Id { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>Bumped by each <see cref="Update"/>, so a cached picture drawn with the old pixels knows it is stale.</summary>
    public int Version { get; private set; }

    internal Texture()
    {
        Id = Gl.GenTexture();
        Gl.BindTexture(Gl.Texture2D, Id);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMinFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMagFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapS, Gl.ClampToEdge);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapT, Gl.ClampToEdge);
    }

    /// <summary>Pixels row by row from the texture's first row (v = 0), 4 bytes each.</summary>
    public void Update(int width, int height, ReadOnlySpan<byte> rgba)
    {
        ObjectDisposedException.ThrowIf(Id == 0 || _context != Gl.Context, this);
        if (rgba.Length != width * height * 4) throw new ArgumentException($"{rgba.Length} bytes are not {width}x{height} RGBA pixels", nameof(rgba));
        Gl.BindTexture(Gl.Texture2D, Id);
        Gl.PixelStorei(Gl.UnpackAlignment, 4);
        fixed (byte* p = rgba)
        {
            if (width == Width && height == Height) Gl.TexSubImage2D(Gl.Texture2D, 0, 0, 0, width, height, Gl.Rgba, Gl.UnsignedByte, p);
            else Gl.TexImage2D(Gl.Texture2D, 0, (int)Gl.Rgba8, width, height, 0, Gl.Rgba, Gl.UnsignedByte, p);
        }
        (Width, Height) = (width, height);
        Version++;
    }

    public void Dispose()
    {
        if (Id == 0 || _context != Gl.Context) return; // its context is gone, and the texture with it
        Gl.DeleteTexture(Id);
        Id = 0;
    }
}
