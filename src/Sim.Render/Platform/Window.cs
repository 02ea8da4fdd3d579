using System.Numerics;

namespace Sim.Render.Platform;

/// <summary>
/// The one window, its OpenGL 3.3 core context and its input, with drawing calls in raylib's vocabulary
/// (see Window.Drawing.cs). SDL2 underneath; one window per process at a time, used from the thread that opened it.
/// </summary>
public sealed unsafe partial class Window : IDisposable
{
    private static int s_openCount;

    private nint _window, _context;
    private readonly int _ownerThread;
    private bool _disposed;

    /// <summary>Drawable size in pixels (may exceed the requested size on high-DPI screens).</summary>
    public int Width { get; private set; }
    public int Height { get; private set; }

    public Input Input { get; } = new();

    /// <summary>SDL's video driver in use, e.g. "x11" or "offscreen".</summary>
    public string VideoDriver { get; }

    /// <summary>GL_RENDERER and GL_VERSION, for a log line.</summary>
    public string GlRenderer { get; }
    public string GlVersion { get; }

    /// <summary>Multisample count actually obtained.</summary>
    public int Samples { get; }

    /// <summary>Room kept for the title bar and the window's frame when the display is small.</summary>
    public const int FrameAllowance = 48;

    /// <summary>
    /// A window of the requested size, or one cut down to the display it opens on (a 1280×720 request on
    /// a 1024×768 projector opens 1024×720: the layout reflows to any shape), title bar and task bar included.
    /// </summary>
    private static (int Width, int Height) FitScreen(int width, int height)
    {
        if (Sdl.GetDisplayUsableBounds(0, out var usable) != 0 || usable.W <= 0 || usable.H <= 0) return (width, height);
        return Fit(width, height, usable.W, usable.H - FrameAllowance);
    }

    /// <summary><paramref name="width"/>×<paramref name="height"/> cut down to <paramref name="roomWidth"/>×<paramref name="roomHeight"/> where larger (at least 320×240).</summary>
    public static (int Width, int Height) Fit(int width, int height, int roomWidth, int roomHeight) =>
        (Math.Max(Math.Min(width, roomWidth), 320), Math.Max(Math.Min(height, roomHeight), 240));

    private Window(string title, int width, int height, WindowOptions options)
    {
        NativeLibraries.RequireSdl();
        if (options.Mode == WindowMode.Headless)
            Sdl.SetHintWithPriority("SDL_VIDEODRIVER", "offscreen", Sdl.HintOverride);
        else if (!HasDisplay())
            throw NoDisplay("no DISPLAY or WAYLAND_DISPLAY set");
        else if (NativeLibraries.Current == NativePlatform.Linux && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SDL_VIDEODRIVER")))
            // Only the display the environment names: SDL would otherwise fall through to other drivers,
            // print their complaints, and might end up with a window nobody can see.
            Sdl.SetHintWithPriority("SDL_VIDEODRIVER",
                string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")) ? "x11" : "wayland,x11", Sdl.HintOverride);

        if (Sdl.Init(Sdl.InitVideo | Sdl.InitEvents) != 0)
            throw NoDisplay(options.Mode == WindowMode.Headless ? Sdl.GetError() : $"cannot open {DisplayName()}: {Sdl.GetError()}");
        try
        {
            VideoDriver = Sdl.CurrentVideoDriver();
            if (options.Mode != WindowMode.Headless && VideoDriver is "offscreen" or "dummy"
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SDL_VIDEODRIVER")))
                throw NoDisplay($"SDL found only its {VideoDriver} driver");
            uint flags = Sdl.WindowOpenGL | Sdl.WindowAllowHighDpi
                | (options.Mode == WindowMode.Visible ? Sdl.WindowShown : Sdl.WindowHidden)
                | (options.Resizable ? Sdl.WindowResizable : 0);

            if (options.Mode == WindowMode.Visible) (width, height) = FitScreen(width, height);
            // Some drivers refuse a multisampled visual or config; fall back to none rather than fail.
            string error = "";
            foreach (int samples in options.Samples > 0 ? [options.Samples, 0] : new[] { 0 })
            {
                SetContextAttributes(samples);
                _window = Sdl.CreateWindow(title, Sdl.WindowPosCentered, Sdl.WindowPosCentered, width, height, flags);
                if (_window == 0)
                {
                    error = Sdl.GetError();
                    continue;
                }
                _context = Sdl.GlCreateContext(_window);
                if (_context != 0)
                {
                    Samples = samples;
                    break;
                }
                error = Sdl.GetError();
                Sdl.DestroyWindow(_window);
                _window = 0;
            }
            if (_window == 0) throw new PlatformError($"cannot create an OpenGL 3.3 core context ({VideoDriver}; the driver may offer only an older OpenGL): {error}");

            Gl.Load();
            int major = Gl.Integer(Gl.MajorVersion), minor = Gl.Integer(Gl.MinorVersion);
            GlRenderer = Gl.String(Gl.Renderer);
            GlVersion = Gl.String(Gl.Version);
            if (major * 10 + minor < 33)
                throw new PlatformError($"OpenGL {major}.{minor} context ({GlRenderer}); 3.3 core or newer is required");

            Sdl.GlSetSwapInterval(options.VSync && options.Mode != WindowMode.Headless ? 1 : 0);
            _ownerThread = Environment.CurrentManagedThreadId;
            UpdateSize();
            Sdl.GetMouseState(out int mx, out int my);
            Input.MouseMoved(new Vector2(mx, my), Vector2.Zero);
            CreateRenderers();
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <summary>
    /// Opens the window. <see cref="WindowMode.Headless"/> needs no X server (SDL's offscreen driver over EGL);
    /// the other modes need a display.
    /// </summary>
    public static Window InitWindow(int width, int height, string title, WindowOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (Interlocked.Increment(ref s_openCount) != 1)
        {
            Interlocked.Decrement(ref s_openCount);
            throw new InvalidOperationException("a window is already open; close it first (one GL context per process)");
        }
        try
        {
            return new Window(title, width, height, options ?? new WindowOptions());
        }
        catch
        {
            Interlocked.Decrement(ref s_openCount);
            throw;
        }
    }

    /// <summary>Windows and macOS always have their one display; on Linux a desktop session names its X or Wayland display.</summary>
    private static bool HasDisplay() =>
        NativeLibraries.Current != NativePlatform.Linux
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SDL_VIDEODRIVER"));

    private static string DisplayName() =>
        Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is { Length: > 0 } w ? $"Wayland display '{w}'"
        : Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } x ? $"X display '{x}'"
        : "a display";

    private static PlatformError NoDisplay(string detail) =>
        new($"no display available ({detail}): use `sim render` for headless output, or set SDL_VIDEODRIVER=offscreen");

    private static void SetContextAttributes(int samples)
    {
        Sdl.GlResetAttributes();
        Sdl.GlSetAttribute(Sdl.GlContextMajorVersion, 3);
        Sdl.GlSetAttribute(Sdl.GlContextMinorVersion, 3);
        Sdl.GlSetAttribute(Sdl.GlContextProfileMask, Sdl.GlContextProfileCore);
        // macOS gives a 3.3 core context only to a forward-compatible request.
        if (NativeLibraries.Current == NativePlatform.MacOS) Sdl.GlSetAttribute(Sdl.GlContextFlags, Sdl.GlContextForwardCompatible);
        Sdl.GlSetAttribute(Sdl.GlDoubleBuffer, 1);
        Sdl.GlSetAttribute(Sdl.GlRedSize, 8);
        Sdl.GlSetAttribute(Sdl.GlGreenSize, 8);
        Sdl.GlSetAttribute(Sdl.GlBlueSize, 8);
        Sdl.GlSetAttribute(Sdl.GlDepthSize, 24);
        Sdl.GlSetAttribute(Sdl.GlMultisampleBuffers, samples > 0 ? 1 : 0);
        Sdl.GlSetAttribute(Sdl.GlMultisampleSamples, samples);
    }

    private void UpdateSize()
    {
        Sdl.GlGetDrawableSize(_window, out int w, out int h);
        Width = Math.Max(w, 1);
        Height = Math.Max(h, 1);
    }

    /// <summary>Borderless full screen at the desktop's resolution, or back to the window.</summary>
    public bool Fullscreen
    {
        get => _fullscreen;
        set
        {
            CheckThread();
            if (value == _fullscreen) return;
            // A driver without full screen (offscreen) refuses; stay windowed rather than fail.
            if (Sdl.SetWindowFullscreen(_window, value ? Sdl.WindowFullscreenDesktop : 0) == 0) _fullscreen = value;
            UpdateSize();
        }
    }

    private bool _fullscreen;

    public void SetTitle(string title)
    {
        CheckThread();
        Sdl.SetWindowTitle(_window, title);
    }

    /// <summary>Whether typed text is wanted (SDL's text input: an input method may open); <see cref="Input.Text"/> carries it.</summary>
    public bool TextInput
    {
        get => _textInput;
        set
        {
            CheckThread();
            if (value) Sdl.StartTextInput();
            else Sdl.StopTextInput();
            _textInput = value;
        }
    }

    private bool _textInput;

    /// <summary>The clipboard's text, or null if it holds none.</summary>
    public string? GetClipboardText()
    {
        CheckThread();
        byte* text = Sdl.GetClipboardText();
        if (text is null) return null;
        try
        {
            string s = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)text) ?? "";
            return s.Length == 0 ? null : s;
        }
        finally
        {
            Sdl.Free(text);
        }
    }

    /// <summary>True once the user asked to close the window; read after <see cref="PollInputEvents"/>.</summary>
    public bool WindowShouldClose() => Input.QuitRequested;

    /// <summary>Reads pending events into <see cref="Input"/>; call once per frame before drawing.</summary>
    public Input PollInputEvents()
    {
        CheckThread();
        Input.BeginFrame();
        SdlEvent e;
        while (Sdl.PollEvent(&e) != 0)
        {
            Input.Events++;
            switch (e.Type)
            {
                case SdlEvent.Quit:
                    Input.QuitRequested = true;
                    break;
                case SdlEvent.WindowEvent:
                    if (e.WindowEventId == SdlEvent.WindowClose) Input.QuitRequested = true;
                    else if (e.WindowEventId is SdlEvent.WindowResized or SdlEvent.WindowSizeChanged)
                    {
                        UpdateSize();
                        Input.Resized = true;
                    }
                    else if (e.WindowEventId == SdlEvent.WindowFocusLost) Input.ReleaseAll();
                    break;
                case SdlEvent.KeyDown:
                    Input.KeyDown((Key)e.KeySym, e.KeyRepeat != 0, (e.KeyMod & 0x0003) != 0, (e.KeyMod & 0x00C0) != 0);
                    break;
                case SdlEvent.KeyUp:
                    Input.KeyUp((Key)e.KeySym);
                    break;
                case SdlEvent.TextInput:
                    Input.Typed(e.Text);
                    break;
                case SdlEvent.MouseMotion:
                    Input.MouseMoved(new Vector2(e.MotionX, e.MotionY), new Vector2(e.MotionXRel, e.MotionYRel));
                    break;
                case SdlEvent.MouseButtonDown:
                case SdlEvent.MouseButtonUp:
                    Input.Button(e.Button, e.Type == SdlEvent.MouseButtonDown);
                    break;
                case SdlEvent.MouseWheel:
                    // Flipped wheels (direction 1) report inverted values.
                    float amount = e.WheelPreciseY != 0 ? e.WheelPreciseY : e.WheelY;
                    Input.Wheel(e.WheelDirection == 1 ? -amount : amount);
                    break;
            }
        }
        return Input;
    }

    private void CheckThread()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Environment.CurrentManagedThreadId != _ownerThread)
            throw new InvalidOperationException("the window's GL context belongs to the thread that opened it");
    }

    public void CloseWindow() => Dispose();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Release();
        Interlocked.Decrement(ref s_openCount);
    }

    private void Release()
    {
        if (_context != 0) DisposeRenderers();
        if (_context != 0) Sdl.GlDeleteContext(_context);
        Gl.Unload();
        if (_window != 0) Sdl.DestroyWindow(_window);
        _context = _window = 0;
        Sdl.Quit();
    }
}
