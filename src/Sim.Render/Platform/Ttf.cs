using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>SDL_ttf: opens fonts and renders UTF-8 text to surfaces.</summary>
internal static unsafe partial class Ttf
{
    private const string Lib = NativeLibraries.Ttf;

    [LibraryImport(Lib, EntryPoint = "TTF_Init")]
    public static partial int Init();

    [LibraryImport(Lib, EntryPoint = "TTF_Quit")]
    public static partial void Quit();

    [LibraryImport(Lib, EntryPoint = "TTF_OpenFont", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OpenFont(string file, int pointSize);

    [LibraryImport(Lib, EntryPoint = "TTF_CloseFont")]
    public static partial void CloseFont(nint font);

    /// <summary>Blended (anti-aliased) ARGB8888 text; wrap length 0 still breaks lines at '\n'.</summary>
    [LibraryImport(Lib, EntryPoint = "TTF_RenderUTF8_Blended_Wrapped", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SdlSurface* RenderUtf8BlendedWrapped(nint font, string text, SdlColor color, uint wrapLength);
}
