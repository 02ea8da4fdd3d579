using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>The operating systems Sim is published for; each names and places native libraries its own way.</summary>
public enum NativePlatform { Linux, Windows, MacOS }

/// <summary>
/// The native libraries the platform layer binds to (SDL2 and SDL2_ttf; PNGs are written and read in C#),
/// found per platform through one resolver: each binding names a library by its logical name ("SDL2"),
/// and <see cref="Resolve"/> tries that library's file names in that platform's usual places.
/// A missing library fails up front (<see cref="Require"/>) with one line saying what to install.
/// </summary>
internal static class NativeLibraries
{
    public const string Sdl = "SDL2";
    public const string Ttf = "SDL2_ttf";

    /// <summary>One row per library: its file name on each platform and how each platform's users install it.</summary>
    private sealed record Library(string Name, string Linux, string Windows, string MacOS, string AptPackage, string BrewFormula);

    private static readonly Library[] Table =
    [
        new(Sdl, "libSDL2-2.0.so.0", "SDL2.dll", "libSDL2-2.0.0.dylib", "libsdl2-2.0-0", "sdl2"),
        new(Ttf, "libSDL2_ttf-2.0.so.0", "SDL2_ttf.dll", "libSDL2_ttf-2.0.0.dylib", "libsdl2-ttf-2.0-0", "sdl2_ttf"),
    ];

    /// <summary>Where Homebrew puts libraries on Apple silicon and on Intel Macs; macOS's loader looks in neither.</summary>
    private static readonly string[] MacOSFolders = ["/opt/homebrew/lib", "/usr/local/lib"];

    public static NativePlatform Current =>
        OperatingSystem.IsWindows() ? NativePlatform.Windows : OperatingSystem.IsMacOS() ? NativePlatform.MacOS : NativePlatform.Linux;

    /// <summary>The resolver is registered when Sim.Render loads, before any binding can be called.</summary>
#pragma warning disable CA2255 // a module initializer is the one place that runs before every P/Invoke of this assembly
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, (name, assembly, searchPath) =>
            IsKnown(name) ? Resolve(name, Current, AppContext.BaseDirectory, TryLoad) : 0);

    public static bool IsKnown(string name) => Table.Any(l => l.Name == name);

    /// <summary>
    /// The paths to try for <paramref name="name"/> on <paramref name="platform"/>, in order: beside the program first
    /// (where a Windows user puts the DLLs, and where a bundle may ship them), then that platform's usual places,
    /// then the bare file name for the system loader's own search (ld.so's cache, PATH, dyld's defaults).
    /// </summary>
    public static IReadOnlyList<string> Candidates(string name, NativePlatform platform, string programFolder)
    {
        var library = Find(name);
        string file = platform switch
        {
            NativePlatform.Windows => library.Windows,
            NativePlatform.MacOS => library.MacOS,
            _ => library.Linux,
        };
        var paths = new List<string> { Path.Join(programFolder, file) };
        if (platform == NativePlatform.MacOS) paths.AddRange(MacOSFolders.Select(folder => $"{folder}/{file}"));
        paths.Add(file);
        return paths;
    }

    /// <summary>What a user of <paramref name="platform"/> does to get <paramref name="name"/>, as the end of one error line.</summary>
    public static string InstallHint(string name, NativePlatform platform)
    {
        var library = Find(name);
        return platform switch
        {
            NativePlatform.Windows => $"put {library.Windows} (from {library.Name}'s 64-bit Windows release, e.g. {library.Name}-2.x.x-win32-x64.zip) beside sim.exe",
            NativePlatform.MacOS => $"brew install {library.BrewFormula}",
            _ => $"apt-get install {library.AptPackage} (Fedora: dnf install {library.Name}; Arch: pacman -S {library.Name.ToLowerInvariant()})",
        };
    }

    /// <summary>
    /// The handle of the first candidate that <paramref name="tryLoad"/> loads, or 0 (then the runtime's own search runs
    /// and fails with its message; <see cref="Require"/> has said what to install before any binding runs).
    /// </summary>
    public static nint Resolve(string name, NativePlatform platform, string programFolder, Func<string, nint> tryLoad)
    {
        foreach (string path in Candidates(name, platform, programFolder))
        {
            nint handle = tryLoad(path);
            if (handle != 0) return handle;
        }
        return 0;
    }

    /// <summary>Loads <paramref name="name"/> up front, so a missing one fails with what to install rather than at some later call.</summary>
    public static void Require(string name) => Require(name, Current, AppContext.BaseDirectory, TryLoad);

    internal static void Require(string name, NativePlatform platform, string programFolder, Func<string, nint> tryLoad)
    {
        if (Resolve(name, platform, programFolder, tryLoad) == 0)
            throw new PlatformError($"{name} not found ({string.Join(", ", Candidates(name, platform, programFolder).Distinct())}): {InstallHint(name, platform)}");
    }

    public static void RequireSdl() => Require(Sdl);
    public static void RequireTtf() => Require(Ttf);

    private static Library Find(string name) =>
        Table.FirstOrDefault(l => l.Name == name) ?? throw new ArgumentException($"unknown native library '{name}'", nameof(name));

    private static nint TryLoad(string path) => NativeLibrary.TryLoad(path, out nint handle) ? handle : 0;
}
