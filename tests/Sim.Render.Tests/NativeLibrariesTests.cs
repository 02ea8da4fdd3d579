using Sim.Render.Platform;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>
/// The resolver's search on each platform, driven through <see cref="NativeLibraries.Resolve"/> with a loader
/// that records what it was asked for, so Windows' and macOS's names are checked on this Linux machine.
/// </summary>
public class NativeLibrariesTests
{
    private const string Folder = "/opt/sim";

    /// <summary>Every path the resolver tries, in order, when nothing loads.</summary>
    private static List<string> Tried(string library, NativePlatform platform)
    {
        var tried = new List<string>();
        Assert.Equal(0, NativeLibraries.Resolve(library, platform, Folder, path => { tried.Add(path); return 0; }));
        return tried;
    }

    [Fact]
    public void Linux_tries_beside_the_program_then_the_sonames_for_the_loaders_search()
    {
        Assert.Equal([Path.Join(Folder, "libSDL2-2.0.so.0"), "libSDL2-2.0.so.0"], Tried(NativeLibraries.Sdl, NativePlatform.Linux));
        Assert.Equal([Path.Join(Folder, "libSDL2_ttf-2.0.so.0"), "libSDL2_ttf-2.0.so.0"], Tried(NativeLibraries.Ttf, NativePlatform.Linux));
    }

    [Fact]
    public void Windows_tries_the_dlls_beside_sim_exe_then_the_search_path()
    {
        Assert.Equal([Path.Join(Folder, "SDL2.dll"), "SDL2.dll"], Tried(NativeLibraries.Sdl, NativePlatform.Windows));
        Assert.Equal([Path.Join(Folder, "SDL2_ttf.dll"), "SDL2_ttf.dll"], Tried(NativeLibraries.Ttf, NativePlatform.Windows));
    }

    [Fact]
    public void MacOS_tries_homebrews_folders_for_apple_silicon_and_intel()
    {
        Assert.Equal(
            [Path.Join(Folder, "libSDL2-2.0.0.dylib"), "/opt/homebrew/lib/libSDL2-2.0.0.dylib", "/usr/local/lib/libSDL2-2.0.0.dylib", "libSDL2-2.0.0.dylib"],
            Tried(NativeLibraries.Sdl, NativePlatform.MacOS));
        Assert.Equal(
            [Path.Join(Folder, "libSDL2_ttf-2.0.0.dylib"), "/opt/homebrew/lib/libSDL2_ttf-2.0.0.dylib", "/usr/local/lib/libSDL2_ttf-2.0.0.dylib", "libSDL2_ttf-2.0.0.dylib"],
            Tried(NativeLibraries.Ttf, NativePlatform.MacOS));
    }

    [Fact]
    public void The_first_path_that_loads_wins_and_the_search_stops_there()
    {
        var tried = new List<string>();
        nint handle = NativeLibraries.Resolve(NativeLibraries.Sdl, NativePlatform.MacOS, Folder, path =>
        {
            tried.Add(path);
            return path.StartsWith("/usr/local/lib/", StringComparison.Ordinal) ? 42 : 0;
        });
        Assert.Equal(42, handle);
        Assert.Equal("/usr/local/lib/libSDL2-2.0.0.dylib", tried[^1]);
        Assert.Equal(3, tried.Count);
    }

    [Theory]
    [InlineData(NativePlatform.Linux, NativeLibraries.Sdl, "apt-get install libsdl2-2.0-0 (Fedora: dnf install SDL2; Arch: pacman -S sdl2)")]
    [InlineData(NativePlatform.Linux, NativeLibraries.Ttf, "apt-get install libsdl2-ttf-2.0-0 (Fedora: dnf install SDL2_ttf; Arch: pacman -S sdl2_ttf)")]
    [InlineData(NativePlatform.MacOS, NativeLibraries.Sdl, "brew install sdl2")]
    [InlineData(NativePlatform.MacOS, NativeLibraries.Ttf, "brew install sdl2_ttf")]
    [InlineData(NativePlatform.Windows, NativeLibraries.Sdl, "put SDL2.dll (from SDL2's 64-bit Windows release, e.g. SDL2-2.x.x-win32-x64.zip) beside sim.exe")]
    [InlineData(NativePlatform.Windows, NativeLibraries.Ttf, "put SDL2_ttf.dll (from SDL2_ttf's 64-bit Windows release, e.g. SDL2_ttf-2.x.x-win32-x64.zip) beside sim.exe")]
    public void A_missing_library_is_one_line_naming_what_to_install(NativePlatform platform, string library, string hint)
    {
        var e = Assert.Throws<PlatformError>(() => NativeLibraries.Require(library, platform, Folder, _ => 0));
        Assert.EndsWith($"): {hint}", e.Message);
        Assert.StartsWith($"{library} not found (", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void On_this_machine_the_resolver_finds_both_libraries_by_their_logical_names()
    {
        NativeLibraries.RequireSdl();
        NativeLibraries.RequireTtf();
        Assert.Equal(NativePlatform.Linux, NativeLibraries.Current);
    }

    [Fact]
    public void A_library_the_table_does_not_know_is_refused()
    {
        Assert.False(NativeLibraries.IsKnown("libGL.so.1"));
        Assert.Throws<ArgumentException>(() => NativeLibraries.Candidates("libGL.so.1", NativePlatform.Linux, Folder));
    }
}
