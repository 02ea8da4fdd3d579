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

    /// <summary>One glyph, blended (anti-aliased), ARGB8888, as tall as the font with the glyph on the baseline.</summary>
    [LibraryImport(Lib, EntryPoint = "TTF_RenderGlyph32_Blended")]
    public static partial SdlSurface* RenderGlyph32Blended(nint font, uint ch, SdlColor color);

    [LibraryImport(Lib, EntryPoint = "TTF_GlyphMetrics32")]
    public static partial int GlyphMetrics32(nint font, uint ch, int* minX, int* maxX, int* minY, int* maxY, int* advance);

    [LibraryImport(Lib, EntryPoint = "TTF_GetFontKerningSizeGlyphs32")]
    public static partial int KerningSizeGlyphs32(nint font, uint previous, uint ch);

    [LibraryImport(Lib, EntryPoint = "TTF_FontHeight")]
    public static partial int FontHeight(nint font);

    [LibraryImport(Lib, EntryPoint = "TTF_FontLineSkip")]
    public static partial int FontLineSkip(nint font);

    /// <summary>Blended (anti-aliased) ARGB8888 text; wrap length 0 still breaks lines at '\n'.</summary>
    [LibraryImport(Lib, EntryPoint = "TTF_RenderUTF8_Blended_Wrapped", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SdlSurface* RenderUtf8BlendedWrapped(nint font, string text, SdlColor color, uint wrapLength);
}
