using System.Globalization;

namespace Sim.Core;

/// <summary>
/// Every bound on input, in one place: each keeps a run's time and memory in proportion to what a
/// class can watch, and each is refused with an <see cref="InputError"/> naming the limit. The
/// README's "Limits" section lists them.
/// </summary>
public static class Limits
{
    /// <summary>Bytes of a scenario file; it is read with this cap, so an endless file is refused quickly.</summary>
    public const int ScenarioBytes = 1 << 20;

    /// <summary>Bytes of a data set (CSV) or weights file, read with this cap likewise.</summary>
    public const int DataFileBytes = 16 << 20;

    /// <summary>Characters of a ball's label or a scene's title.</summary>
    public const int TextLength = 100;

    /// <summary>Balls in one scene (scenario file, --optimizer options).</summary>
    public const int BallsPerScene = 1000;

    /// <summary>Steps of a run: trace, render and export.</summary>
    public const int Steps = 10_000_000;

    /// <summary>Ball-steps of a render or export (balls × steps), which bound its time.</summary>
    public const long BallSteps = 100_000_000;

    /// <summary>Rows of an export (balls × (steps + 1)), which it holds in memory before writing.</summary>
    public const long ExportRows = 5_000_000;

    /// <summary>Points of a bench swarm.</summary>
    public const int BenchPoints = 10_000_000;

    /// <summary>Steps of a bench.</summary>
    public const int BenchSteps = 1_000_000;

    /// <summary>Point-steps of a bench (points × steps): a few minutes at most.</summary>
    public const long BenchPointSteps = 100_000_000_000;

    /// <summary>Pixels along either side of a rendered image or the window.</summary>
    public const int ImageSideMin = 64, ImageSideMax = 4096;

    /// <summary>Pixels of a rendered image or the window: 3840 × 2160 (4K).</summary>
    public const int ImagePixels = 3840 * 2160;

    /// <summary>Refuses <paramref name="product"/> = a × b when above <paramref name="limit"/>, naming both factors.</summary>
    public static void Product(long a, string aName, long b, string bName, long limit, string what)
    {
        if (a * b > limit)
            throw new InputError(string.Create(CultureInfo.InvariantCulture, $"{aName} × {bName} = {a * b:N0} is over the limit of {limit:N0} {what}; use fewer"));
    }

    /// <summary>Refuses a label or title longer than <see cref="TextLength"/> or with a control character (a line break).</summary>
    public static string Text(string text, string what)
    {
        if (text.Length > TextLength)
            throw new InputError(string.Create(CultureInfo.InvariantCulture, $"{what} {InputError.Quote(text)} is {text.Length:N0} characters, over the limit of {TextLength}"));
        if (text.Any(char.IsControl))
            throw new InputError($"{what} {InputError.Quote(text)} holds a control character (a line break, a tab); expected one line of text");
        return text;
    }
}
