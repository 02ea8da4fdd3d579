using System.Globalization;

namespace Sim.Render.Classroom;

/// <summary>
/// A recording: every frame drawn while it runs is saved as a numbered PNG (frame-00001.png, ...) in a
/// folder of its own, ready for a GIF or a video (e.g. <c>ffmpeg -framerate 30 -i frame-%05d.png</c>).
/// The window steps the simulation by <see cref="FramesPerSecond"/>'s time per frame while recording,
/// so the frames play back at the speed the room saw, however long each one took to save.
/// </summary>
public sealed class FrameSequence
{
    public const int FramesPerSecond = 30;

    private readonly char[] _name = new char[16];

    public string? Folder { get; private set; }
    public bool IsRecording => Folder is not null;

    /// <summary>Frames saved since the recording started.</summary>
    public int Frames { get; private set; }

    /// <summary>Starts recording into a new folder sim-frames-YYYYMMDD-HHMMSS under <paramref name="parent"/>; returns its path.</summary>
    public string Start(string parent, DateTime now)
    {
        string stem = Path.Combine(parent, "sim-frames-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        string folder = stem;
        for (int i = 2; Directory.Exists(folder) || File.Exists(folder); i++) folder = $"{stem}-{i}";
        Directory.CreateDirectory(folder);
        Folder = folder;
        Frames = 0;
        return folder;
    }

    /// <summary>Where the next frame goes; counts it.</summary>
    public string NextPath()
    {
        if (Folder is null) throw new InvalidOperationException("not recording");
        Frames++;
        "frame-".CopyTo(_name);
        Frames.TryFormat(_name.AsSpan(6), out int written, "D5", CultureInfo.InvariantCulture);
        ".png".CopyTo(_name.AsSpan(6 + written));
        return Path.Join(Folder.AsSpan(), _name.AsSpan(0, 10 + written));
    }

    /// <summary>Stops; returns the folder and the number of frames saved.</summary>
    public (string Folder, int Frames) Stop()
    {
        var done = (Folder ?? "", Frames);
        Folder = null;
        return done;
    }
}
