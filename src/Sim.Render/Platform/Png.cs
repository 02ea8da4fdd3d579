using System.Buffers.Binary;
using System.IO.Compression;

namespace Sim.Render.Platform;

/// <summary>
/// The one PNG writer: screenshots, recordings and every command that saves a picture call <see cref="Write"/>.
/// It is written here on the runtime's own zlib (System.IO.Compression) rather than a native image library, so
/// no platform needs one installed; it is about ten times faster than StbImageWriteSharp's C# deflate, which
/// matters when every frame of a recording is saved (1280×720: 60–120 ms against 700 ms, on a loaded machine).
/// </summary>
public static class Png
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Writes <paramref name="rgba"/> (R, G, B, A bytes per pixel, top row first) as a PNG at <paramref name="path"/>.
    /// It is written whole or not at all, and a device or pipe straight through (<see cref="Core.WholeFile"/>). Fails with a <see cref="PlatformError"/>
    /// (one line) for a missing folder, and with the <see cref="IOException"/> of a file that cannot be written.
    /// </summary>
    public static void Write(string path, int width, int height, ReadOnlySpan<byte> rgba)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"a PNG of {width}×{height} pixels");
        if (rgba.Length != (long)width * height * 4)
            throw new ArgumentException($"{rgba.Length} bytes for {width}×{height} RGBA pixels; expected {(long)width * height * 4}", nameof(rgba));
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder != null && !Directory.Exists(folder)) throw new PlatformError($"cannot save {path}: folder {folder} does not exist");
        using var file = Core.WholeFile.Create(full);
        Encode(file.Stream, width, height, rgba);
        file.Commit();
    }

    /// <summary>Signature, IHDR (8-bit RGBA), one IDAT of zlib data, IEND. Each row is filtered with Sub, which suits rendered pictures.</summary>
    private static void Encode(Stream output, int width, int height, ReadOnlySpan<byte> rgba)
    {
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: RGBA
        WriteChunk(output, "IHDR"u8, header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            int rowBytes = width * 4;
            var row = new byte[rowBytes + 1];
            row[0] = 1; // filter type Sub: each byte minus the same channel of the pixel to its left
            for (int y = 0; y < height; y++)
            {
                var source = rgba.Slice(y * rowBytes, rowBytes);
                source[..4].CopyTo(row.AsSpan(1));
                for (int i = 4; i < rowBytes; i++) row[i + 1] = (byte)(source[i] - source[i - 4]);
                zlib.Write(row);
            }
        }
        WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(output, "IEND"u8, []);
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Start, type), data)));
        output.Write(word);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320), by table.</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public const uint Start = 0xFFFFFFFF;

        public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
        {
            foreach (byte b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        public static uint Finish(uint crc) => crc ^ 0xFFFFFFFF;

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
