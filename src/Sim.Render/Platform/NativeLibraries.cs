using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>The Debian shared libraries the platform layer binds to, and the packages that ship them.</summary>
internal static class NativeLibraries
{
    public const string Sdl = "libSDL2-2.0.so.0";
    public const string Ttf = "libSDL2_ttf-2.0.so.0";
    public const string Image = "libSDL2_image-2.0.so.0";

    /// <summary>
    /// Loads a library up front so a missing one fails with the package to install,
    /// rather than a DllNotFoundException at some later call.
    /// </summary>
    public static void Require(string library, string package)
    {
        if (!NativeLibrary.TryLoad(library, typeof(NativeLibraries).Assembly, null, out _))
            throw new PlatformError($"{library} not found: apt-get install {package}");
    }

    public static void RequireSdl() => Require(Sdl, "libsdl2-2.0-0");
    public static void RequireTtf() => Require(Ttf, "libsdl2-ttf-2.0-0");
    public static void RequireImage() => Require(Image, "libsdl2-image-2.0-0");
}
