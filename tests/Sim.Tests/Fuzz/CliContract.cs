using System.Diagnostics;

namespace Sim.Tests.Fuzz;

/// <summary>
/// Runs a command line in-process through the program's real entry (<see cref="Cli.Run"/>) and checks
/// CLI.md's contract: exit 0 with nothing on stderr, or exit 2 with exactly one stderr line starting
/// "error: " (at most <see cref="Cli.MaxErrorLength"/> characters of message), nothing on stdout and
/// no output file; no exception escaping; bounded time. Console is redirected, so callers run one at a time.
/// </summary>
public static class CliContract
{
    /// <summary>Longest any case may take: a guard against hangs and runaway work, not a speed target.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>Null if the contract held, else what broke it.</summary>
    public static string? Violation(FuzzCase c, string folder)
    {
        foreach (var (name, bytes) in c.Files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
        var args = c.Args.Select(a => a.Replace("{dir}", folder, StringComparison.Ordinal)).ToArray();
        var outputs = args.Zip(args.Skip(1)).Where(p => p.First == "--out" && IsPlainPath(p.Second)).Select(p => (Path: p.Second, Before: Content(p.Second))).ToList();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var clock = Stopwatch.StartNew();
        int code;
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            code = Cli.Run(args);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name} escaped: {e.Message}";
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
        if (clock.Elapsed > TimeLimit) return $"took {clock.Elapsed.TotalSeconds:F1} s";
        string err = stderr.ToString();
        if (code == 0) return err.Length == 0 ? null : $"exit 0 with stderr {Short(err)}";
        if (code != 2) return $"exit {code}: {Short(err)}";
        var lines = err.Split('\n');
        if (lines.Length != 2 || lines[1] != "" || !lines[0].StartsWith("error: ", StringComparison.Ordinal))
            return $"exit 2 but stderr is not one error line: {Short(err)}";
        if (lines[0].Length > "error: ".Length + Cli.MaxErrorLength) return $"error line of {lines[0].Length} characters";
        if (stdout.ToString().Length > 0) return $"exit 2 after writing stdout {Short(stdout.ToString())}";
        foreach (var (path, before) in outputs)
            if (Content(path) != before) return $"exit 2 but {path} was written";
        return null;
    }

    private static bool IsPlainPath(string path) => path is not ("" or "-") && !path.Contains('\0') && !path.StartsWith("/dev/", StringComparison.Ordinal);

    /// <summary>The file's bytes as text, or null where there is no file.</summary>
    private static string? Content(string path) => File.Exists(path) ? Convert.ToBase64String(File.ReadAllBytes(path)) : null;

    private static string Short(string text) => Core.InputError.Quote(text);
}
