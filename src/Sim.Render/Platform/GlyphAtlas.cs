using System.Numerics;
using System.Text;

namespace Sim.Render.Platform;

/// <summary>
/// Text drawn glyph by glyph from one texture: each glyph of each size is rendered by SDL_ttf once,
/// packed into the atlas, and reused. Text that changes every frame (a loss, a step count) then costs
/// a few quads rather than a font rendering and a texture upload, and drawing it allocates nothing.
/// Glyphs sit on whole pixels, one texel to one pixel, so text stays as crisp as SDL_ttf renders it.
/// </summary>
internal sealed unsafe class GlyphAtlas : IDisposable
{
    /// <summary>Side of the square atlas texture, in texels: room for thousands of glyphs.</summary>
    public const int Side = 1024;

    private readonly record struct Glyph(int X, int Y, int Width, int Height, int Advance);

    private sealed class Face(nint handle, int height, int lineSkip)
    {
        public readonly nint Handle = handle;
        public readonly int Height = height, LineSkip = lineSkip;
        public readonly Dictionary<int, Glyph> Glyphs = [];
    }

    private readonly Dictionary<int, Face> _faces = [];
    private readonly uint _texture;
    private readonly string _fontPath;
    private int _shelfX, _shelfY, _shelfHeight;

    public GlyphAtlas()
    {
        NativeLibraries.RequireTtf();
        _fontPath = SystemFont.Find();
        if (Ttf.Init() != 0) throw new PlatformError($"SDL_ttf failed to start: {Sdl.GetError()}");
        _texture = Gl.GenTexture();
        Gl.BindTexture(Gl.Texture2D, _texture);
        var clear = new byte[Side * Side * 4]; // transparent, so gaps between glyphs never show
        fixed (byte* p = clear)
            Gl.TexImage2D(Gl.Texture2D, 0, (int)Gl.Rgba8, Side, Side, 0, Gl.Rgba, Gl.UnsignedByte, p);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMinFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMagFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapS, Gl.ClampToEdge);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureWrapT, Gl.ClampToEdge);
    }

    /// <summary>Glyphs rendered so far, over all sizes.</summary>
    public int GlyphCount { get; private set; }

    /// <summary>Width and height of <paramref name="text"/> at <paramref name="size"/> pixels; '\n' starts a line.</summary>
    public Vector2 Measure(ReadOnlySpan<char> text, int size, OverlayBatch overlay)
    {
        if (text.IsEmpty) return Vector2.Zero;
        var face = FaceOf(size);
        int x = 0, width = 0, lines = 1;
        uint previous = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                lines++;
                x = 0;
                previous = 0;
                continue;
            }
            var g = GlyphOf(face, rune, overlay);
            if (previous != 0) x += Ttf.KerningSizeGlyphs32(face.Handle, previous, (uint)rune.Value);
            width = Math.Max(width, x + Math.Max(g.Width, g.Advance));
            x += g.Advance;
            previous = (uint)rune.Value;
        }
        return new Vector2(width, face.Height + (lines - 1) * face.LineSkip);
    }

    /// <summary>Queues the glyph quads of <paramref name="text"/> with its top-left corner at (x, y).</summary>
    public void Draw(OverlayBatch overlay, ReadOnlySpan<char> text, float x, float y, int size, Color color)
    {
        if (text.IsEmpty) return;
        var face = FaceOf(size);
        int left = (int)MathF.Round(x), penX = left, penY = (int)MathF.Round(y);
        uint previous = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                penX = left;
                penY += face.LineSkip;
                previous = 0;
                continue;
            }
            var g = GlyphOf(face, rune, overlay);
            if (previous != 0) penX += Ttf.KerningSizeGlyphs32(face.Handle, previous, (uint)rune.Value);
            if (g.Width > 0)
                overlay.Quad(_texture, penX, penY, g.Width, g.Height, color,
                    (float)g.X / Side, (float)g.Y / Side, (float)(g.X + g.Width) / Side, (float)(g.Y + g.Height) / Side);
            penX += g.Advance;
            previous = (uint)rune.Value;
        }
    }

    private Face FaceOf(int size)
    {
        size = Math.Clamp(size, 4, 512);
        if (_faces.TryGetValue(size, out var face)) return face;
        nint handle = Ttf.OpenFont(_fontPath, size);
        if (handle == 0) throw new PlatformError($"SDL_ttf could not open {_fontPath}: {Sdl.GetError()}");
        face = new Face(handle, Ttf.FontHeight(handle), Ttf.FontLineSkip(handle));
        _faces[size] = face;
        return face;
    }

    private Glyph GlyphOf(Face face, Rune rune, OverlayBatch overlay)
    {
        if (face.Glyphs.TryGetValue(rune.Value, out var glyph)) return glyph;
        uint ch = (uint)rune.Value;
        int minX, maxX, minY, maxY, advance;
        if (Ttf.GlyphMetrics32(face.Handle, ch, &minX, &maxX, &minY, &maxY, &advance) != 0) advance = 0;
        if (Rune.IsWhiteSpace(rune))
        {
            glyph = new Glyph(0, 0, 0, 0, advance);
            face.Glyphs[rune.Value] = glyph;
            return glyph;
        }
        var surface = Ttf.RenderGlyph32Blended(face.Handle, ch, new SdlColor(255, 255, 255, 255));
        if (surface == null) throw new PlatformError($"SDL_ttf could not render a glyph: {Sdl.GetError()}");
        try
        {
            // Blended output is ARGB8888 (B, G, R, A bytes); convert defensively if a build differs.
            if (surface->Format->Format != Sdl.PixelFormatArgb8888)
            {
                var converted = Sdl.ConvertSurfaceFormat(surface, Sdl.PixelFormatArgb8888, 0);
                Sdl.FreeSurface(surface);
                surface = converted;
                if (surface == null) throw new PlatformError($"SDL could not convert a glyph: {Sdl.GetError()}");
            }
            var (x, y) = Place(surface->W, surface->H, overlay);
            Gl.BindTexture(Gl.Texture2D, _texture);
            Gl.PixelStorei(Gl.UnpackRowLength, surface->Pitch / 4);
            Gl.PixelStorei(Gl.UnpackAlignment, 4);
            Gl.TexSubImage2D(Gl.Texture2D, 0, x, y, surface->W, surface->H, Gl.Bgra, Gl.UnsignedByte, surface->Pixels);
            Gl.PixelStorei(Gl.UnpackRowLength, 0);
            glyph = new Glyph(x, y, surface->W, surface->H, advance);
        }
        finally
        {
            if (surface != null) Sdl.FreeSurface(surface);
        }
        face.Glyphs[rune.Value] = glyph;
        GlyphCount++;
        return glyph;
    }

    /// <summary>A free w×h spot on the current shelf or a new one; a full atlas starts over (glyphs are re-rendered as needed).</summary>
    private (int X, int Y) Place(int w, int h, OverlayBatch overlay)
    {
        const int gap = 1; // keeps neighbours apart
        if (_shelfX + w + gap > Side)
        {
            _shelfY += _shelfHeight + gap;
            _shelfX = 0;
            _shelfHeight = 0;
        }
        if (_shelfY + h + gap > Side)
        {
            overlay.Flush(); // quads already queued point at glyphs about to be overwritten
            foreach (var face in _faces.Values) face.Glyphs.Clear();
            GlyphCount = 0;
            _shelfX = _shelfY = _shelfHeight = 0;
        }
        var spot = (_shelfX, _shelfY);
        _shelfX += w + gap;
        _shelfHeight = Math.Max(_shelfHeight, h);
        return spot;
    }

    public void Dispose()
    {
        Gl.DeleteTexture(_texture);
        foreach (var face in _faces.Values) Ttf.CloseFont(face.Handle);
        _faces.Clear();
        Ttf.Quit();
    }
}
