using System.Runtime.InteropServices;
using System.Text;

namespace Sim.Core;

/// <summary>
/// Writes an output file whole or not at all where that is possible, and never replaces what is not
/// a plain file: the one way every command and the window write files. A regular file (or a new one)
/// is written to a hidden temporary beside it and renamed over it, so a failure leaves no partial
/// file. A device, pipe or socket (/dev/null, a FIFO) is written straight through: renaming over it
/// would replace the device by a file. A symbolic link is followed and its final target written as
/// above, so the link stays a link.
/// </summary>
public static class WholeFile
{
    /// <summary>Opens <paramref name="path"/> for writing; nothing appears there until <see cref="PendingFile.Commit"/>.</summary>
    public static PendingFile Create(string path)
    {
        string target = FinalTarget(path);
        if (!IsPlainOrNew(target)) return new PendingFile(new FileStream(target, FileMode.Open, FileAccess.Write), null, target);
        string temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        return new PendingFile(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), temporary, target);
    }

    /// <summary>Writes through <paramref name="write"/> into <paramref name="path"/>, whole or not at all.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary><see cref="Write"/> through a UTF-8 text writer (no byte-order mark).</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            write(writer);
        });

    /// <summary>
    /// Has <paramref name="save"/> write a complete file at a temporary path it is given, then copies that
    /// file into <paramref name="output"/> (standard output), so what arrives there is whole too.
    /// </summary>
    public static void CopyTo(Stream output, Action<string> save)
    {
        string temporary = Path.Combine(Path.GetTempPath(), $"sim-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            save(temporary);
            using (var input = File.OpenRead(temporary)) input.CopyTo(output);
            output.Flush();
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The full path a chain of symbolic links ends at (the path itself when it is no link).</summary>
    private static string FinalTarget(string path)
    {
        string full = Path.GetFullPath(path);
        return new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
    }

    /// <summary>True for a regular file or a path where nothing is yet; false for a device, pipe or socket.</summary>
    private static bool IsPlainOrNew(string path) => !File.Exists(path) || FileType(path) == RegularFile;

    private const int TypeMask = 0xF000, RegularFile = 0x8000;

    /// <summary>
    /// The file type bits of stat(2), through the .NET runtime's own native shim (the one File.Exists
    /// uses), since no public .NET API tells a device or pipe from a file. Its status record starts
    /// with two 32-bit fields, flags then mode, with the type bits normalised to POSIX's values.
    /// Null where the shim cannot be called: the file is then written straight through, safe for any file.
    /// </summary>
    private static unsafe int? FileType(string path)
    {
        var status = stackalloc byte[512]; // larger than the record in any runtime version
        try
        {
            return Stat(path, status) == 0 ? *(int*)(status + 4) & TypeMask : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern unsafe int Stat(string path, byte* status);
}

/// <summary>A file being written by <see cref="WholeFile.Create"/>: disposed without <see cref="Commit"/>, it leaves nothing behind.</summary>
public sealed class PendingFile(FileStream stream, string? temporary, string target) : IDisposable
{
    private bool committed;

    public Stream Stream => stream;

    /// <summary>Finishes the file and puts it in place.</summary>
    public void Commit()
    {
        stream.Dispose(); // flushes: a full disk fails here, before the rename
        if (temporary is not null) File.Move(temporary, target, overwrite: true);
        committed = true;
    }

    public void Dispose()
    {
        stream.Dispose();
        if (!committed && temporary is not null && File.Exists(temporary)) File.Delete(temporary);
    }
}
