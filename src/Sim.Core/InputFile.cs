using System.Globalization;
using System.Text;

namespace Sim.Core;

/// <summary>
/// Reads a file a user names (a scenario, a data set, weights) as UTF-8 text with a cap on its size,
/// so an endless file (/dev/zero) or a huge one is refused at once instead of filling memory. Every
/// problem is an <see cref="InputError"/>: "cannot read WHAT 'PATH': why".
/// </summary>
public static class InputFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadText(string path, int maxBytes, string what)
    {
        if (path.Length == 0) throw new InputError($"{what} path is empty; expected a file name");
        string Cannot(string why) => $"cannot read {what} {InputError.Quote(path)}: {why}";
        if (path.Contains('\0')) throw new InputError(Cannot("the path holds a NUL character"));
        if (Directory.Exists(path)) throw new InputError(Cannot("it is a folder; expected a file"));
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var buffer = new byte[maxBytes + 1];
            int total = 0, read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > maxBytes)
                throw new InputError(Cannot(string.Create(CultureInfo.InvariantCulture, $"larger than the limit of {maxBytes:N0} bytes")));
            bytes = buffer[..total];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputError(Cannot("no such file"));
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputError(Cannot("permission denied"));
        }
        catch (IOException e)
        {
            throw new InputError(Cannot(e.Message));
        }
        return Decode(bytes, Cannot);
    }

    /// <summary>The text of UTF-8 bytes (a byte-order mark skipped); other bytes are an error naming where.</summary>
    private static string Decode(byte[] bytes, Func<string, string> cannot)
    {
        int skip = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputError(cannot(string.Create(CultureInfo.InvariantCulture, $"not UTF-8 text (byte {skip + Math.Max(e.Index, 0) + 1})")));
        }
    }
}
