namespace Sim.Render.Platform;

/// <summary>Reads the back buffer and writes it as a PNG (<see cref="Png.Write"/>).</summary>
internal sealed unsafe class Screenshot
{
    private byte[] _pixels = [];
    private byte[] _flipped = [];

    public void Save(string path, int width, int height)
    {
        int rowBytes = width * 4, size = rowBytes * height;
        if (_pixels.Length != size)
        {
            _pixels = new byte[size];
            _flipped = new byte[size];
        }
        fixed (byte* p = _pixels)
        {
            Gl.PixelStorei(Gl.PackAlignment, 1);
            Gl.ReadBuffer(Gl.Back);
            Gl.ReadPixels(0, 0, width, height, Gl.Rgba, Gl.UnsignedByte, p);
        }
        // GL's rows run bottom-up, PNG's top-down; and the picture is what the screen shows, so opaque
        // whatever alpha blending left in the back buffer.
        for (int y = 0; y < height; y++)
            Buffer.BlockCopy(_pixels, (height - 1 - y) * rowBytes, _flipped, y * rowBytes, rowBytes);
        for (int i = 3; i < size; i += 4) _flipped[i] = 255;
        Png.Write(path, width, height, _flipped);
    }
}
