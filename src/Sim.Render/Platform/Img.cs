using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>SDL_image: PNG encode and decode.</summary>
internal static unsafe partial class Img
{
    private const string Lib = NativeLibraries.Image;

    [LibraryImport(Lib, EntryPoint = "IMG_SavePNG", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SavePng(SdlSurface* surface, string file);

    [LibraryImport(Lib, EntryPoint = "IMG_Load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SdlSurface* Load(string file);
}
