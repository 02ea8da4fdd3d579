using System.ComponentModel;
using System.Diagnostics;

namespace Sim.Render.Platform;

/// <summary>
/// The TrueType font text is drawn with, found the way each platform finds fonts: fontconfig on Linux
/// (what the desktop itself would pick for DejaVu Sans), then the usual font folders of each platform,
/// searched for a few well-known sans-serif files in order of preference. Nothing is assumed about one
/// distribution's layout.
/// </summary>
internal static class SystemFont
{
    /// <summary>What fontconfig is asked for: DejaVu covers every symbol the panels use (arrows, β, ², ⌊ ⌋).</summary>
    public const string Family = "DejaVu Sans:style=Book";

    /// <summary>File names to look for in the font folders, best first.</summary>
    public static IReadOnlyList<string> PreferredFiles(NativePlatform platform) => platform switch
    {
        NativePlatform.Windows => ["DejaVuSans.ttf", "segoeui.ttf", "arial.ttf"],
        NativePlatform.MacOS => ["DejaVuSans.ttf", "Arial Unicode.ttf", "Arial.ttf", "Helvetica.ttc"],
        _ => ["DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf", "FreeSans.ttf"],
    };

    /// <summary>The folders each platform keeps fonts in, system-wide and the user's own.</summary>
    public static IReadOnlyList<string> Folders(NativePlatform platform)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return platform switch
        {
            NativePlatform.Windows =>
            [
                Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
                Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Microsoft", "Windows", "Fonts"),
            ],
            NativePlatform.MacOS => ["/System/Library/Fonts", "/Library/Fonts", Path.Join(home, "Library", "Fonts")],
            _ => [.. DataFolders().Select(d => Path.Join(d, "fonts")), Path.Join(home, ".fonts")],
        };
    }

    /// <summary>What to install when no font is found, as the end of one error line.</summary>
    public static string InstallHint(NativePlatform platform) => platform switch
    {
        NativePlatform.Windows => "install DejaVu Sans (DejaVuSans.ttf) or Arial into Windows' Fonts folder",
        NativePlatform.MacOS => "brew install --cask font-dejavu",
        _ => "apt-get install fonts-dejavu-core fontconfig",
    };

    public static string Find()
    {
        var platform = NativeLibraries.Current;
        return Find(platform, platform == NativePlatform.Linux ? AskFontconfig : () => null, Folders(platform));
    }

    /// <summary>The font file to use, or a <see cref="PlatformError"/> naming where it looked and what to install.</summary>
    internal static string Find(NativePlatform platform, Func<string?> fontconfig, IReadOnlyList<string> folders)
    {
        if (fontconfig() is { } matched && IsScalableFont(matched) && File.Exists(matched)) return matched;
        var preferred = PreferredFiles(platform);
        var found = folders.Where(Directory.Exists)
            .SelectMany(folder => FilesUnder(folder))
            .Where(file => preferred.Contains(Path.GetFileName(file), StringComparer.OrdinalIgnoreCase))
            .OrderBy(file => IndexOf(preferred, Path.GetFileName(file)))
            .FirstOrDefault();
        return found ?? throw new PlatformError(
            $"no font found ({(platform == NativePlatform.Linux ? "fontconfig, then " : "")}{string.Join(", ", preferred)} in {string.Join(", ", folders)}): {InstallHint(platform)}");
    }

    /// <summary>fc-match's answer for <see cref="Family"/>: fontconfig's closest installed font, or null without fontconfig.</summary>
    private static string? AskFontconfig()
    {
        try
        {
            var start = new ProcessStartInfo("fc-match") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in (string[])["--format=%{file}", Family]) start.ArgumentList.Add(a);
            using var process = Process.Start(start);
            if (process is null) return null;
            var answer = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(5000) || process.ExitCode != 0) return null;
            return answer.Result.Trim() is { Length: > 0 } file ? file : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null; // no fc-match on this machine: the folders are searched instead
        }
    }

    /// <summary>SDL_ttf (FreeType) draws these; fontconfig may also answer with a bitmap font it cannot scale.</summary>
    private static bool IsScalableFont(string file) =>
        Path.GetExtension(file).ToLowerInvariant() is ".ttf" or ".otf" or ".ttc";

    /// <summary>XDG's data folders ($XDG_DATA_HOME, then $XDG_DATA_DIRS), where Linux desktops keep fonts/.</summary>
    private static IEnumerable<string> DataFolders()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } h ? h : Path.Join(home, ".local", "share");
        string dataDirs = Environment.GetEnvironmentVariable("XDG_DATA_DIRS") is { Length: > 0 } d ? d : "/usr/local/share:/usr/share";
        return [dataHome, .. dataDirs.Split(':', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static IEnumerable<string> FilesUnder(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return names.Count;
    }
}
