using Sim.Render.Platform;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The one PNG writer, read back by the decoder the tests use everywhere.</summary>
public sealed class PngTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sim-png-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Written_pixels_read_back_exactly_with_their_size_and_alpha()
    {
        const int w = 7, h = 3;
        var rgba = new byte[w * h * 4];
        for (int i = 0; i < rgba.Length; i++) rgba[i] = (byte)(i * 37 % 251);
        string path = Path.Join(_folder, "p.png");
        Png.Write(path, w, h, rgba);

        var image = Image.Load(path);
        Assert.Equal((w, h), (image.Width, image.Height));
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = (y * w + x) * 4;
                Assert.Equal(new Color(rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]), image.GetPixel(x, y));
            }
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        // Every PNG ends with the same IEND chunk, whose CRC-32 the standard's own examples give: a check of the CRC.
        Assert.Equal([0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82], bytes[^12..]);
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder)); // no temporary file left beside it
    }

    [Fact]
    public void A_missing_folder_is_one_line_and_leaves_no_file()
    {
        string path = Path.Join(_folder, "no-such-folder", "p.png");
        var e = Assert.Throws<PlatformError>(() => Png.Write(path, 1, 1, [1, 2, 3, 4]));
        Assert.Equal($"cannot save {path}: folder {Path.GetDirectoryName(path)} does not exist", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_buffer_that_does_not_match_the_size_is_refused_before_anything_is_written()
    {
        string path = Path.Join(_folder, "p.png");
        Assert.Throws<ArgumentException>(() => Png.Write(path, 2, 2, new byte[15]));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_file_that_is_not_a_picture_cannot_be_read_and_says_so_in_one_line()
    {
        string path = Path.Join(_folder, "not.png");
        File.WriteAllText(path, "hello");
        var e = Assert.Throws<PlatformError>(() => Image.Load(path));
        Assert.StartsWith($"cannot read image {path}: ", e.Message);
    }
}
