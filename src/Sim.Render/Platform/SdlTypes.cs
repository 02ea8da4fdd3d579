using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>SDL_Surface's leading fields; only ever used through a pointer SDL owns.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SdlSurface
{
    public uint Flags;
    public SdlPixelFormat* Format;
    public int W;
    public int H;
    public int Pitch;
    public void* Pixels;
}

/// <summary>SDL_PixelFormat's first field, the format enum.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SdlRect
{
    public int X, Y, W, H;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SdlPixelFormat
{
    public uint Format;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SdlColor(byte r, byte g, byte b, byte a)
{
    public byte R = r, G = g, B = b, A = a;
}

/// <summary>
/// SDL_Event: a 56-byte union read by offset. Offsets follow SDL 2.0.x's SDL_events.h
/// (keyboard, mouse motion/button/wheel, window events).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 56)]
internal struct SdlEvent
{
    public const uint Quit = 0x100;
    public const uint WindowEvent = 0x200;
    public const uint KeyDown = 0x300;
    public const uint KeyUp = 0x301;
    public const uint TextInput = 0x303;
    public const uint MouseMotion = 0x400;
    public const uint MouseButtonDown = 0x401;
    public const uint MouseButtonUp = 0x402;
    public const uint MouseWheel = 0x403;

    public const byte WindowResized = 5;
    public const byte WindowSizeChanged = 6;
    public const byte WindowFocusLost = 13;
    public const byte WindowClose = 14;

    [FieldOffset(0)] public uint Type;

    // SDL_WindowEvent
    [FieldOffset(12)] public byte WindowEventId;
    [FieldOffset(16)] public int WindowData1;
    [FieldOffset(20)] public int WindowData2;

    // SDL_KeyboardEvent
    [FieldOffset(13)] public byte KeyRepeat;
    [FieldOffset(16)] public int KeyScancode;
    [FieldOffset(20)] public int KeySym;
    [FieldOffset(24)] public ushort KeyMod; // KMOD_SHIFT 0x0003, KMOD_CTRL 0x00C0: as held when this key went down

    // SDL_TextInputEvent: up to 32 bytes of UTF-8, NUL-terminated
    [FieldOffset(12)] public TextBytes Text;

    [System.Runtime.CompilerServices.InlineArray(32)]
    public struct TextBytes
    {
        private byte _first;
    }

    // SDL_MouseMotionEvent
    [FieldOffset(20)] public int MotionX;
    [FieldOffset(24)] public int MotionY;
    [FieldOffset(28)] public int MotionXRel;
    [FieldOffset(32)] public int MotionYRel;

    // SDL_MouseButtonEvent
    [FieldOffset(16)] public byte Button;
    [FieldOffset(20)] public int ButtonX;
    [FieldOffset(24)] public int ButtonY;

    // SDL_MouseWheelEvent (precise values exist since SDL 2.0.18)
    [FieldOffset(16)] public int WheelX;
    [FieldOffset(20)] public int WheelY;
    [FieldOffset(24)] public uint WheelDirection;
    [FieldOffset(28)] public float WheelPreciseX;
    [FieldOffset(32)] public float WheelPreciseY;
}
