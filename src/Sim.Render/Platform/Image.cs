namespace Sim.Render.Platform;

/// <summary>A decoded picture in memory (RGBA, top row first), e.g. to check a saved screenshot.</summary>
public sealed unsafe class Image
{
    private readonly byte[] _rgba;

    public int Width { get; }
    public int Height { get; }

    private Image(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    /// <summary>Decodes a PNG (or any format SDL_image reads). Needs no window.</summary>
    public static Image Load(string path)
    {
        NativeLibraries.RequireSdl();
        NativeLibraries.RequireImage();
        var loaded = Img.Load(path);
        if (loaded == null) throw new PlatformError($"cannot read image {path}: {Sdl.GetError()}");
        var rgba = Sdl.ConvertSurfaceFormat(loaded, Sdl.PixelFormatAbgr8888, 0);
        Sdl.FreeSurface(loaded);
        if (rgba == null) throw new PlatformError($"cannot convert image {path}: {Sdl.GetError()}");
        try
        {
            int w = rgba->W, h = rgba->H;
            var bytes = new byte[w * h * 4];
            for (int y = 0; y < h; y++)
                new ReadOnlySpan<byte>((byte*)rgba->Pixels + y * rgba->Pitch, w * 4).CopyTo(bytes.AsSpan(y * w * 4));
            return new Image(w, h, bytes);
        }
        finally
        {
            Sdl.FreeSurface(rgba);
        }
    }

    public Color GetPixel(int x, int y)
    {
        if ((uint)x >= Width || (uint)y >= Height) throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside {Width}×{Height}");
        int i = (y * Width + x) * 4;
        return new Color(_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
    }
}
