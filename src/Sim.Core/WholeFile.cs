using System.Runtime.InteropServices;
using System.Text;

namespace Sim.Core;

/// <summary>
/// Writes an output file whole or not at all where that is possible, and never replaces what is not
/// a plain file. A regular file (or a new one) is written to a hidden temporary beside it and renamed
/// over it, so a failure leaves no partial file. A device, pipe or socket (/dev/null, a FIFO) is
/// written straight through: renaming over it would replace the device by a file. A symbolic link is
/// followed, and its final target written as above, so the link stays a link.
/// </summary>
public static class WholeFile
{
    /// <summary>Writes text (UTF-8 without a byte-order mark) to <paramref name="path"/>.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, temporary =>
    {
        using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        write(writer);
    });

    /// <summary>
    /// Has <paramref name="save"/> write a complete file at the path it is given (a temporary), then
    /// puts it in place at <paramref name="path"/> as the class comment says.
    /// </summary>
    public static void Write(string path, Action<string> save)
    {
        string target = FinalTarget(path);
        if (IsPlainOrNew(target)) WriteBeside(target, save);
        else CopyThrough(save, temporary => { using var output = new FileStream(target, FileMode.Open, FileAccess.Write); Copy(temporary, output); });
    }

    /// <summary>Has <paramref name="save"/> write a complete file, then copies it into <paramref name="output"/> (standard output).</summary>
    public static void CopyTo(Stream output, Action<string> save) => CopyThrough(save, temporary => Copy(temporary, output));

    private static void WriteBeside(string target, Action<string> save)
    {
        string directory = Path.GetDirectoryName(target)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            save(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static void CopyThrough(Action<string> save, Action<string> copy)
    {
        string temporary = Path.Combine(Path.GetTempPath(), $"sim-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            save(temporary);
            copy(temporary);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static void Copy(string from, Stream to)
    {
        using (var input = File.OpenRead(from)) input.CopyTo(to);
        to.Flush();
    }

    /// <summary>The full path a chain of symbolic links ends at (the path itself when it is no link).</summary>
    private static string FinalTarget(string path)
    {
        string full = Path.GetFullPath(path);
        return new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
    }

    /// <summary>True for a regular file or a path where nothing is yet; false for a device, pipe or socket.</summary>
    private static bool IsPlainOrNew(string path)
    {
        if (!File.Exists(path)) return true;
        return FileType(path) == RegularFile;
    }

    private const int TypeMask = 0xF000, RegularFile = 0x8000;

    /// <summary>
    /// The file type bits of stat(2), through the .NET runtime's own native shim (the one File.Exists
    /// uses), since no public .NET API tells a device or pipe from a file. Its status record starts
    /// with two 32-bit fields, flags then mode, with the type bits normalised to POSIX's values.
    /// Null where the shim cannot be called: the caller then writes straight through, which is safe for any file.
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
