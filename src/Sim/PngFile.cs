using System.Buffers.Binary;
using System.IO.Compression;
using Sim.Core;

namespace Sim;

/// <summary>
/// A minimal PNG writer in managed code (8-bit RGBA, no filtering, zlib via the runtime): for
/// pictures computed without a window, such as basin maps, so they need no native library.
/// Written whole or not at all (<see cref="WholeFile"/>).
/// </summary>
public static class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>Writes <paramref name="rgba"/> (top row first, 4 bytes a pixel) as a PNG file.</summary>
    public static void Write(string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (rgba.Length != width * height * 4) throw new ArgumentException($"expected {width}×{height}×4 bytes, got {rgba.Length}", nameof(rgba));
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        byte[] data = Compress(rgba, width, height);
        WholeFile.Write(path, stream =>
        {
            stream.Write(Signature);
            Chunk(stream, "IHDR", header);
            Chunk(stream, "IDAT", data);
            Chunk(stream, "IEND", []);
        });
    }

    private static byte[] Compress(ReadOnlySpan<byte> rgba, int width, int height)
    {
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rgba.Slice(y * width * 4, width * 4));
            }
        }
        return memory.ToArray();
    }

    private static void Chunk(Stream stream, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        Span<byte> typeBytes = [(byte)type[0], (byte)type[1], (byte)type[2], (byte)type[3]];
        stream.Write(typeBytes);
        stream.Write(data);
        uint crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        stream.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    // CRC-32 as the PNG specification defines it (polynomial 0xEDB88320, reflected).
    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
