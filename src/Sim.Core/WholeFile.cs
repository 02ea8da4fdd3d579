namespace Sim.Core;

/// <summary>Writes a file whole or not at all.</summary>
public static class WholeFile
{
    /// <summary>
    /// Writes through <paramref name="write"/> into a hidden file beside <paramref name="path"/>, then
    /// moves it over the path, so a failure never leaves a partial file.
    /// </summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16))
                write(writer);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
