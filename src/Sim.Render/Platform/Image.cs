using StbImageSharp;

namespace Sim.Render.Platform;

/// <summary>A decoded picture in memory (RGBA, top row first), e.g. to check a saved screenshot.</summary>
public sealed class Image
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

    /// <summary>Decodes a PNG (or JPEG, BMP, ...) in C#. Needs no window and no native library.</summary>
    public static Image Load(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var decoded = ImageResult.FromStream(file, ColorComponents.RedGreenBlueAlpha);
            return new Image(decoded.Width, decoded.Height, decoded.Data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new PlatformError($"cannot read image {path}: {e.Message}", e);
        }
    }

    public Color GetPixel(int x, int y)
    {
        if ((uint)x >= Width || (uint)y >= Height) throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside {Width}×{Height}");
        int i = (y * Width + x) * 4;
        return new Color(_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
    }
}
