using System.Runtime.InteropServices;

namespace Sim;

/// <summary>
/// The program's standard output as a stream that says when writing fails. .NET's console stream
/// drops writes to a closed pipe without a word (so <c>sim trace ... | head</c> would compute to the
/// end) and reports a closed descriptor as "Access to the path is denied"; a FileStream on descriptor
/// 1 writes at its own offset, overwriting what others append to a shared file. This one calls
/// write(2) on descriptor 1, as any Unix program does, and throws a <see cref="StandardOutputError"/>
/// that the program turns into a quiet stop (the reader has gone) or one clear error line.
/// </summary>
public sealed unsafe class StandardOutput : Stream
{
    // errno values, the same on Linux and macOS.
    private const int Interrupted = 4, BadDescriptor = 9, BrokenPipe = 32;

    private Stream? windows;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (OperatingSystem.IsWindows())
        {
            windows ??= Console.OpenStandardOutput();
            windows.Write(buffer);
            return;
        }
        fixed (byte* start = buffer)
        {
            for (int done = 0; done < buffer.Length;)
            {
                int n = SystemWrite(1, start + done, buffer.Length - done);
                if (n >= 0)
                {
                    done += n;
                    continue;
                }
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Interrupted) continue;
                throw errno switch
                {
                    BrokenPipe => new StandardOutputError("standard output was closed by its reader", readerGone: true),
                    BadDescriptor => new StandardOutputError("cannot write to standard output: it is closed; redirect it to a file (> FILE) or give --out FILE", readerGone: false),
                    _ => new StandardOutputError($"cannot write to standard output: {Marshal.GetPInvokeErrorMessage(errno)}", readerGone: false),
                };
            }
        }
    }

    public override void Flush() => windows?.Flush();

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>write(2), through the .NET runtime's own native shim (present wherever .NET runs on Unix).</summary>
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Write", SetLastError = true)]
    private static extern int SystemWrite(nint descriptor, byte* buffer, int count);
}

/// <summary>Standard output could not be written: its reader has gone (a pipe to <c>head</c>), or it is closed or full.</summary>
public sealed class StandardOutputError(string message, bool readerGone) : IOException(message)
{
    /// <summary>The reader closed the pipe (EPIPE): not a failure of this program, so it stops quietly.</summary>
    public bool ReaderGone { get; } = readerGone;
}
