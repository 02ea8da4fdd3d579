using Sim.Core;

namespace Sim;

/// <summary>
/// A file a command writes (--out, --screenshot-after): checked before any work is done, then written
/// whole or not at all where it is a plain file, straight through where it is a device or pipe
/// (<see cref="WholeFile"/>), or to standard output for <c>-</c>.
/// </summary>
public static class OutputFile
{
    /// <summary>The path that names standard output.</summary>
    public const string StandardOutputPath = "-";

    /// <summary>Bytes of one file name: ext4's, NTFS's and APFS's limit (a longer one fails only when written).</summary>
    public const int MaxFileNameBytes = 255;

    /// <summary>
    /// The path must not be empty or a directory, its directory must exist, and with <paramref name="extension"/>
    /// (".png") it must end so; <c>-</c> (standard output) passes where <paramref name="allowStandardOutput"/>.
    /// Otherwise an <see cref="InputError"/> naming <paramref name="option"/>.
    /// </summary>
    public static void Check(string path, string option, string? extension = null, bool allowStandardOutput = true)
    {
        string example = extension is null ? "run.csv" : "out" + extension;
        if (path.Length == 0)
            throw new InputError($"{option} is empty; expected a file name such as {example}{(allowStandardOutput ? ", or - for standard output" : "")}");
        if (path == StandardOutputPath && allowStandardOutput) return;
        if (path.Contains('\0')) throw new InputError($"{option} {InputError.Quote(path)} holds a NUL character; expected a file name");
        if (extension is not null && !path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            throw new InputError($"{option} {InputError.Quote(path)} must name a {extension} file");
        if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(path)) > MaxFileNameBytes)
            throw new InputError($"{option} {InputError.Quote(path)}: the file name is longer than {MaxFileNameBytes} bytes, the limit of common file systems");
        if (Directory.Exists(path))
            throw new InputError($"{option} {InputError.Quote(path)} is a directory; expected a file name such as {example}");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
            throw new InputError($"{option} {InputError.Quote(path)}: directory {InputError.Quote(directory)} does not exist");
    }

    /// <summary>Writes text to <paramref name="path"/> (checked by <see cref="Check"/>), or to standard output for <c>-</c>.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        if (path != StandardOutputPath)
        {
            WholeFile.WriteText(path, write);
            return;
        }
        write(Console.Out);
        Console.Out.Flush();
    }

    /// <summary>
    /// Has <paramref name="save"/> (a writer that itself writes through <see cref="WholeFile"/>, such as a
    /// screenshot) write <paramref name="path"/>, or a temporary copied to standard output for <c>-</c>.
    /// </summary>
    public static void Write(string path, Action<string> save)
    {
        if (path != StandardOutputPath)
        {
            save(path);
            return;
        }
        Console.Out.Flush();
        using var output = new StandardOutput();
        WholeFile.CopyTo(output, save);
    }
}
