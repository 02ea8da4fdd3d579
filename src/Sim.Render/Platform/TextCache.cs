namespace Sim.Render.Platform;

/// <summary>
/// Text rendered by SDL_ttf into GL textures, kept while in use. Text is rendered white and tinted
/// when drawn, so the cache is keyed by (text, size) and a colour change costs nothing.
/// Entries unused for a while are dropped once the cache grows past its capacity.
/// </summary>
internal sealed unsafe class TextCache : IDisposable
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public readonly record struct Entry(uint Texture, int Width, int Height, long LastUsedFrame);

    private readonly Dictionary<(string Text, int Size), Entry> _entries = new();
    private readonly Dictionary<int, nint> _fonts = new();
    private readonly List<(string, int)> _stale = new();
    private long _frame;

    /// <summary>Past this many entries, ones unused for <see cref="KeepFrames"/> frames are evicted.</summary>
    public int Capacity { get; init; } = 512;
    public int KeepFrames { get; init; } = 120;
    public int Count => _entries.Count;

    public TextCache()
    {
        NativeLibraries.RequireTtf();
        if (!File.Exists(FontPath)) throw new PlatformError($"font {FontPath} not found: apt-get install fonts-dejavu-core");
        if (Ttf.Init() != 0) throw new PlatformError($"SDL_ttf failed to start: {Sdl.GetError()}");
    }

    /// <summary>The texture for a string at a pixel size, rendering it on first use; null for empty text.</summary>
    public Entry? Get(string text, int size)
    {
        if (string.IsNullOrEmpty(text)) return null;
        size = Math.Clamp(size, 4, 512);
        if (_entries.TryGetValue((text, size), out var e))
        {
            if (e.LastUsedFrame != _frame) _entries[(text, size)] = e with { LastUsedFrame = _frame };
            return e;
        }
        e = Render(text, size);
        _entries[(text, size)] = e;
        return e;
    }

    private Entry Render(string text, int size)
    {
        var surface = Ttf.RenderUtf8BlendedWrapped(Font(size), text, new SdlColor(255, 255, 255, 255), 0);
        if (surface == null) throw new PlatformError($"SDL_ttf could not render text: {Sdl.GetError()}");
        try
        {
            // Blended output is ARGB8888 (B, G, R, A bytes); convert defensively if a build differs.
            if (surface->Format->Format != Sdl.PixelFormatArgb8888)
            {
                var converted = Sdl.ConvertSurfaceFormat(surface, Sdl.PixelFormatArgb8888, 0);
                Sdl.FreeSurface(surface);
                surface = converted;
                if (surface == null) throw new PlatformError($"SDL could not convert text surface: {Sdl.GetError()}");
            }
            uint texture = Gl.GenTexture();
            Gl.BindTexture(Gl.Texture2D, texture);
            Gl.PixelStorei(Gl.UnpackRowLength, surface->Pitch / 4);
            Gl.PixelStorei(Gl.UnpackAlignment, 4);
            Gl.TexImage2D(Gl.Texture2D, 0, (int)Gl.Rgba8, surface->W, surface->H, 0, Gl.Bgra, Gl.UnsignedByte, surface->Pixels);
            Gl.PixelStorei(Gl.UnpackRowLength, 0);
            Gl.TexParameteri(Gl.Texture2D, Gl.TextureMinFilter, Gl.Linear);
            Gl.TexParameteri(Gl.Texture2D, Gl.TextureMagFilter, Gl.Linear);
            Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapS, Gl.ClampToEdge);
            Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapT, Gl.ClampToEdge);
            return new Entry(texture, surface->W, surface->H, _frame);
        }
        finally
        {
            if (surface != null) Sdl.FreeSurface(surface);
        }
    }

    private nint Font(int size)
    {
        if (_fonts.TryGetValue(size, out var font)) return font;
        font = Ttf.OpenFont(FontPath, size);
        if (font == 0) throw new PlatformError($"SDL_ttf could not open {FontPath}: {Sdl.GetError()}");
        _fonts[size] = font;
        return font;
    }

    /// <summary>Ends a frame: evicts stale entries if the cache is over capacity.</summary>
    public void EndFrame()
    {
        if (_entries.Count > Capacity)
        {
            foreach (var (key, e) in _entries)
                if (_frame - e.LastUsedFrame > KeepFrames) _stale.Add(key);
            foreach (var key in _stale)
            {
                Gl.DeleteTexture(_entries[key].Texture);
                _entries.Remove(key);
            }
            _stale.Clear();
        }
        _frame++;
    }

    public void Dispose()
    {
        foreach (var e in _entries.Values) Gl.DeleteTexture(e.Texture);
        _entries.Clear();
        foreach (var f in _fonts.Values) Ttf.CloseFont(f);
        _fonts.Clear();
        Ttf.Quit();
    }
}
