using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>The few SDL2 entry points the platform layer uses (window, GL context, events, surfaces).</summary>
internal static unsafe partial class Sdl
{
    private const string Lib = NativeLibraries.Sdl;

    public const uint InitVideo = 0x20;
    public const uint InitEvents = 0x4000;

    public const uint WindowOpenGL = 0x2;
    public const uint WindowShown = 0x4;
    public const uint WindowHidden = 0x8;
    public const uint WindowResizable = 0x20;
    public const uint WindowAllowHighDpi = 0x2000;
    public const int WindowPosCentered = 0x2FFF0000;

    public const int HintOverride = 2;

    // SDL_GLattr
    public const int GlRedSize = 0, GlGreenSize = 1, GlBlueSize = 2, GlAlphaSize = 3;
    public const int GlDoubleBuffer = 5, GlDepthSize = 6, GlStencilSize = 7;
    public const int GlMultisampleBuffers = 13, GlMultisampleSamples = 14;
    public const int GlContextMajorVersion = 17, GlContextMinorVersion = 18;
    public const int GlContextFlags = 20, GlContextProfileMask = 21;
    public const int GlContextProfileCore = 0x1;
    public const int GlContextForwardCompatible = 0x2;

    // SDL_PixelFormatEnum values (little-endian machine).
    public const uint PixelFormatRgb24 = 0x17101803;
    public const uint PixelFormatArgb8888 = 0x16362004;
    public const uint PixelFormatAbgr8888 = 0x16762004; // bytes R, G, B, A in memory

    [LibraryImport(Lib, EntryPoint = "SDL_Init")]
    public static partial int Init(uint flags);

    [LibraryImport(Lib, EntryPoint = "SDL_QuitSubSystem")]
    public static partial void QuitSubSystem(uint flags);

    [LibraryImport(Lib, EntryPoint = "SDL_Quit")]
    public static partial void Quit();

    [LibraryImport(Lib, EntryPoint = "SDL_GetError")]
    private static partial byte* GetErrorNative();

    /// <summary>SDL's last error; SDL_ttf reports through it too.</summary>
    public static string GetError() => Marshal.PtrToStringUTF8((nint)GetErrorNative()) ?? "";

    [LibraryImport(Lib, EntryPoint = "SDL_SetHintWithPriority", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetHintWithPriority(string name, string value, int priority);

    [LibraryImport(Lib, EntryPoint = "SDL_GetCurrentVideoDriver")]
    private static partial byte* GetCurrentVideoDriverNative();

    public static string CurrentVideoDriver() => Marshal.PtrToStringUTF8((nint)GetCurrentVideoDriverNative()) ?? "";

    [LibraryImport(Lib, EntryPoint = "SDL_GL_SetAttribute")]
    public static partial int GlSetAttribute(int attribute, int value);

    [LibraryImport(Lib, EntryPoint = "SDL_GL_ResetAttributes")]
    public static partial void GlResetAttributes();

    [LibraryImport(Lib, EntryPoint = "SDL_CreateWindow", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint CreateWindow(string title, int x, int y, int w, int h, uint flags);

    /// <summary>The part of a display not taken by task bars and docks; 0 on success.</summary>
    [LibraryImport(Lib, EntryPoint = "SDL_GetDisplayUsableBounds")]
    public static partial int GetDisplayUsableBounds(int displayIndex, out SdlRect rect);

    [LibraryImport(Lib, EntryPoint = "SDL_DestroyWindow")]
    public static partial void DestroyWindow(nint window);

    public const uint WindowFullscreenDesktop = 0x1001;

    [LibraryImport(Lib, EntryPoint = "SDL_SetWindowFullscreen")]
    public static partial int SetWindowFullscreen(nint window, uint flags);

    [LibraryImport(Lib, EntryPoint = "SDL_SetWindowTitle", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetWindowTitle(nint window, string title);

    [LibraryImport(Lib, EntryPoint = "SDL_GL_CreateContext")]
    public static partial nint GlCreateContext(nint window);

    [LibraryImport(Lib, EntryPoint = "SDL_GL_DeleteContext")]
    public static partial void GlDeleteContext(nint context);

    [LibraryImport(Lib, EntryPoint = "SDL_GL_SwapWindow")]
    public static partial void GlSwapWindow(nint window);

    [LibraryImport(Lib, EntryPoint = "SDL_GL_SetSwapInterval")]
    public static partial int GlSetSwapInterval(int interval);

    [LibraryImport(Lib, EntryPoint = "SDL_GL_GetProcAddress", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GlGetProcAddress(string name);

    [LibraryImport(Lib, EntryPoint = "SDL_GL_GetDrawableSize")]
    public static partial void GlGetDrawableSize(nint window, out int w, out int h);

    [LibraryImport(Lib, EntryPoint = "SDL_PollEvent")]
    public static partial int PollEvent(SdlEvent* e);

    [LibraryImport(Lib, EntryPoint = "SDL_PushEvent")]
    public static partial int PushEvent(SdlEvent* e);

    [LibraryImport(Lib, EntryPoint = "SDL_GetMouseState")]
    public static partial uint GetMouseState(out int x, out int y);

    [LibraryImport(Lib, EntryPoint = "SDL_CreateRGBSurfaceWithFormatFrom")]
    public static partial SdlSurface* CreateRgbSurfaceWithFormatFrom(void* pixels, int w, int h, int depth, int pitch, uint format);

    [LibraryImport(Lib, EntryPoint = "SDL_ConvertSurfaceFormat")]
    public static partial SdlSurface* ConvertSurfaceFormat(SdlSurface* surface, uint format, uint flags);

    [LibraryImport(Lib, EntryPoint = "SDL_FreeSurface")]
    public static partial void FreeSurface(SdlSurface* surface);

    [LibraryImport(Lib, EntryPoint = "SDL_StartTextInput")]
    public static partial void StartTextInput();

    [LibraryImport(Lib, EntryPoint = "SDL_StopTextInput")]
    public static partial void StopTextInput();

    /// <summary>UTF-8 text SDL allocated (free it with <see cref="Free"/>); empty, never null, when there is none.</summary>
    [LibraryImport(Lib, EntryPoint = "SDL_GetClipboardText")]
    public static partial byte* GetClipboardText();

    [LibraryImport(Lib, EntryPoint = "SDL_free")]
    public static partial void Free(void* memory);
}
