using StbImageWriteSharp;

namespace Sim.Render.Platform;

/// <summary>The one PNG writer: screenshots, recordings and every command that saves a picture call <see cref="Write"/>.</summary>
public static class Png
{
    /// <summary>
    /// Writes <paramref name="rgba"/> (R, G, B, A bytes per pixel, top row first) as a PNG at <paramref name="path"/>.
    /// It goes to a temporary name beside the target and is renamed into place, so a failed or interrupted
    /// save never leaves a partial PNG under the real name. Fails with a <see cref="PlatformError"/>
    /// (one line) for a missing folder, and with the <see cref="IOException"/> of a file that cannot be written.
    /// </summary>
    public static unsafe void Write(string path, int width, int height, ReadOnlySpan<byte> rgba)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"a PNG of {width}×{height} pixels");
        if (rgba.Length != width * height * 4)
            throw new ArgumentException($"{rgba.Length} bytes for {width}×{height} RGBA pixels; expected {width * height * 4}", nameof(rgba));
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder != null && !Directory.Exists(folder)) throw new PlatformError($"cannot save {path}: folder {folder} does not exist");
        string temp = full + ".tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
            fixed (byte* pixels = rgba)
                new ImageWriter().WritePng(pixels, width, height, ColorComponents.RedGreenBlueAlpha, file);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
