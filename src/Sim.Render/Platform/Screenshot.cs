namespace Sim.Render.Platform;

/// <summary>Reads the back buffer and writes it as a PNG through SDL_image.</summary>
internal sealed unsafe class Screenshot
{
    private byte[] _pixels = [];
    private byte[] _flipped = [];

    public Screenshot() => NativeLibraries.RequireImage();

    /// <summary>
    /// Writes to a temporary name beside the target and renames it into place,
    /// so a failed or interrupted save never leaves a partial PNG under the real name.
    /// </summary>
    public void Save(string path, int width, int height)
    {
        int rowBytes = width * 3, size = rowBytes * height;
        if (_pixels.Length != size)
        {
            _pixels = new byte[size];
            _flipped = new byte[size];
        }
        fixed (byte* p = _pixels)
        {
            Gl.PixelStorei(Gl.PackAlignment, 1);
            Gl.ReadBuffer(Gl.Back);
            Gl.ReadPixels(0, 0, width, height, Gl.Rgb, Gl.UnsignedByte, p);
        }
        // GL's rows run bottom-up; PNG's top-down.
        for (int y = 0; y < height; y++)
            Buffer.BlockCopy(_pixels, (height - 1 - y) * rowBytes, _flipped, y * rowBytes, rowBytes);

        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir != null && !Directory.Exists(dir)) throw new PlatformError($"cannot save screenshot: folder {dir} does not exist");
        string temp = full + ".tmp";
        try
        {
            fixed (byte* f = _flipped)
            {
                var surface = Sdl.CreateRgbSurfaceWithFormatFrom(f, width, height, 24, rowBytes, Sdl.PixelFormatRgb24);
                if (surface == null) throw new PlatformError($"cannot save screenshot: {Sdl.GetError()}");
                try
                {
                    if (Img.SavePng(surface, temp) != 0) throw new PlatformError($"cannot save screenshot {path}: {Sdl.GetError()}");
                }
                finally
                {
                    Sdl.FreeSurface(surface);
                }
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
