using Microsoft.Win32.SafeHandles;

namespace Sim;

/// <summary>
/// The program's standard output as a stream that says when writing fails. .NET's console stream
/// drops writes to a closed pipe without a word (so <c>sim trace ... | head</c> would compute to the
/// end) and reports a closed descriptor as "Access to the path is denied"; this one throws a
/// <see cref="StandardOutputError"/> instead, which the program turns into a quiet stop (the reader
/// has gone) or one clear error line.
/// </summary>
public sealed class StandardOutput : Stream
{
    private const int BrokenPipe = 32; // EPIPE: .NET's IOException carries the errno as its HResult on Unix

    private FileStream? stream;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            stream ??= new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            stream.Write(buffer);
        }
        catch (IOException e) when (e.HResult == BrokenPipe)
        {
            throw new StandardOutputError("standard output was closed by its reader", readerGone: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A closed descriptor shows as "access denied" (EBADF) or an invalid handle.
            throw new StandardOutputError(e is IOException io && e is not FileNotFoundException
                ? $"cannot write to standard output: {io.Message}"
                : "cannot write to standard output: it is closed; redirect it to a file (> FILE) or give --out FILE", readerGone: false);
        }
    }

    public override void Flush() { }

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) stream?.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Standard output could not be written: its reader has gone (a pipe to <c>head</c>), or it is closed or full.</summary>
public sealed class StandardOutputError(string message, bool readerGone) : IOException(message)
{
    /// <summary>The reader closed the pipe (EPIPE): not a failure of this program, so it stops quietly.</summary>
    public bool ReaderGone { get; } = readerGone;
}
