using System.Globalization;
using Sim.Core;
using Sim.Render.Playground;

namespace Sim.Commands;

/// <summary>
/// <c>sim</c> with no command: the playground window, on the default scene or the scene the options
/// name (<c>--scenario FILE</c>, <c>--lesson NAME [--lesson-step K]</c>, <c>--landscape NAME ...</c>). <c>--screenshot-after SECONDS FILE</c>
/// saves the window after that long and closes it, for scripts and checks.
/// </summary>
public static class PlaygroundCommand
{
    private static readonly string[] OwnOptions = ["--size"];
    private static readonly string[] Switches = ["--fullscreen"];

    public static int Run(string[] args)
    {
        var (rest, screenshot) = TakeScreenshotAfter(args);
        var a = new Arguments("sim", rest, [.. SceneArguments.Options, .. OwnOptions], Switches);
        var (width, height) = SceneArguments.Size(a, "--size", (1280, 720));
        var lesson = SceneArguments.Lesson(a);
        var (world, title) = SceneArguments.CreateScene(a);
        if (screenshot?.Path is { } path) OutputFile.Check(path, "--screenshot-after", ".png", allowStandardOutput: false);
        PlaygroundWindow.Run(world, new PlaygroundOptions
        {
            Width = width,
            Height = height,
            Fullscreen = a.Has("--fullscreen"),
            ScreenshotAfterSeconds = screenshot?.Seconds,
            ScreenshotPath = screenshot?.Path,
            SceneTitle = title,
            Lesson = lesson,
        });
        return 0;
    }

    /// <summary>Takes <c>--screenshot-after SECONDS FILE</c> (two values) out of the arguments.</summary>
    private static (string[] Remaining, (double Seconds, string Path)? Screenshot) TakeScreenshotAfter(string[] args)
    {
        int i = Array.IndexOf(args, "--screenshot-after");
        if (i < 0) return (args, null);
        if (i + 2 >= args.Length) throw new InputError("--screenshot-after needs SECONDS and FILE.png");
        if (!double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds >= 0) || seconds > 86400)
            throw new InputError($"--screenshot-after {InputError.Quote(args[i + 1])} is not a number of seconds from 0 to 86400");
        var rest = args[..i].Concat(args[(i + 3)..]).ToArray();
        if (Array.IndexOf(rest, "--screenshot-after") >= 0) throw new InputError("--screenshot-after given twice; expected once");
        return (rest, (seconds, args[i + 2]));
    }
}
