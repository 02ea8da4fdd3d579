namespace Sim.Render.Platform;

/// <summary>
/// A small RGBA picture kept on the GPU and drawn as one 2D quad, each pixel a block (nearest
/// filtering): a plot's heat map, such as a network's decision regions, costs one quad however many
/// cells it has. <see cref="Set"/> replaces its pixels, allocating nothing. Made by
/// <see cref="Window.CreateImage"/> and valid in that window only.
/// </summary>
public sealed unsafe class OverlayImage : IDisposable
{
    internal OverlayImage(Window owner, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Owner = owner;
        Width = width;
        Height = height;
        Texture = Gl.GenTexture();
        Gl.BindTexture(Gl.Texture2D, Texture);
        Gl.TexImage2D(Gl.Texture2D, 0, (int)Gl.Rgba8, width, height, 0, Gl.Rgba, Gl.UnsignedByte, null);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMinFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMagFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapS, Gl.ClampToEdge);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapT, Gl.ClampToEdge);
    }

    public Window Owner { get; }
    public int Width { get; }
    public int Height { get; }
    internal uint Texture { get; private set; }

    /// <summary>Replaces every pixel, row by row from the top.</summary>
    public void Set(ReadOnlySpan<Color> pixels)
    {
        if (pixels.Length != Width * Height) throw new ArgumentException($"expected {Width * Height} pixels, got {pixels.Length}", nameof(pixels));
        Gl.BindTexture(Gl.Texture2D, Texture);
        fixed (Color* p = pixels)
            Gl.TexSubImage2D(Gl.Texture2D, 0, 0, 0, Width, Height, Gl.Rgba, Gl.UnsignedByte, p);
    }

    public void Dispose()
    {
        Gl.DeleteTexture(Texture);
        Texture = 0;
    }
}
