namespace Sim.Core;

/// <summary>Writes a file whole or not at all.</summary>
public static class WholeFile
{
    /// <summary>
    /// Writes through <paramref name="write"/> into a hidden file beside <paramref name="path"/>, then
    /// moves it over <paramref name="path"/>, so a failure never leaves a partial file.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary><see cref="Write"/> through a UTF-8 text writer (no byte-order mark).</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16);
            write(writer);
        });
}
