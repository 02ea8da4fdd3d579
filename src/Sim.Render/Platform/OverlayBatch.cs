using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>
/// Collects 2D textured quads in pixel coordinates (origin top-left) and draws them in as few calls
/// as texture changes allow. Rectangles use a 1×1 white texture so text and boxes share one shader.
/// </summary>
internal sealed unsafe class OverlayBatch : IDisposable
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Vertex(Vector2 position, Vector2 uv, Color color)
    {
        public Vector2 Position = position;
        public Vector2 Uv = uv;
        public Color Color = color;
    }

    private readonly ShaderProgram _program;
    private readonly int _screen, _texture;
    private readonly uint _vao, _vbo;
    private Vertex[] _vertices = new Vertex[6 * 256];
    private int _count;
    private uint _boundTexture;
    private Vector2 _screenSize;

    public uint WhiteTexture { get; }

    /// <summary>Whether a 3D scope is open, so a flush in the middle of it gives depth testing back.</summary>
    public bool InsideMode3D { get; set; }

    public OverlayBatch()
    {
        _program = ShaderProgram.Load("overlay.vert", "overlay.frag");
        _screen = _program.Uniform("u_screen");
        _texture = _program.Uniform("u_texture");

        _vao = Gl.GenVertexArray();
        Gl.BindVertexArray(_vao);
        _vbo = Gl.GenBuffer();
        Gl.BindBuffer(Gl.ArrayBuffer, _vbo);
        int stride = sizeof(Vertex);
        Gl.VertexAttribPointer(0, 2, Gl.Float, 0, stride, 0);
        Gl.EnableVertexAttribArray(0);
        Gl.VertexAttribPointer(1, 2, Gl.Float, 0, stride, 8);
        Gl.EnableVertexAttribArray(1);
        Gl.VertexAttribPointer(2, 4, Gl.UnsignedByte, 1, stride, 16);
        Gl.EnableVertexAttribArray(2);
        Gl.BindVertexArray(0);

        WhiteTexture = Gl.GenTexture();
        Gl.BindTexture(Gl.Texture2D, WhiteTexture);
        uint white = 0xFFFFFFFF;
        Gl.TexImage2D(Gl.Texture2D, 0, (int)Gl.Rgba8, 1, 1, 0, Gl.Rgba, Gl.UnsignedByte, &white);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMinFilter, Gl.Nearest);
        Gl.TexParameteri(Gl.Texture2D, Gl.TextureMagFilter, Gl.Nearest);
    }

    /// <summary>Starts a frame for a screen of the given size in pixels.</summary>
    public void Begin(Vector2 screenSize)
    {
        _screenSize = screenSize;
        _count = 0;
    }

    public void Quad(uint texture, float x, float y, float w, float h, Color color) => Quad(texture, x, y, w, h, color, 0, 0, 1, 1);

    /// <summary>A quad showing the part (u0, v0)–(u1, v1) of the texture, e.g. one glyph of an atlas.</summary>
    public void Quad(uint texture, float x, float y, float w, float h, Color color, float u0, float v0, float u1, float v1)
    {
        if (texture != _boundTexture && _count > 0) Flush();
        _boundTexture = texture;
        if (_count + 6 > _vertices.Length) Array.Resize(ref _vertices, _vertices.Length * 2);
        Vertex a = new(new(x, y), new(u0, v0), color), b = new(new(x + w, y), new(u1, v0), color);
        Vertex c = new(new(x + w, y + h), new(u1, v1), color), d = new(new(x, y + h), new(u0, v1), color);
        _vertices[_count++] = a;
        _vertices[_count++] = b;
        _vertices[_count++] = c;
        _vertices[_count++] = a;
        _vertices[_count++] = c;
        _vertices[_count++] = d;
    }

    public void Flush()
    {
        if (_count == 0) return;
        _program.Use();
        ShaderProgram.Set(_screen, _screenSize);
        ShaderProgram.Set(_texture, 0);
        Gl.ActiveTexture(Gl.Texture0);
        Gl.BindTexture(Gl.Texture2D, _boundTexture);
        Gl.Disable(Gl.DepthTest);
        Gl.BindVertexArray(_vao);
        Gl.BindBuffer(Gl.ArrayBuffer, _vbo);
        Gl.Upload<Vertex>(Gl.ArrayBuffer, _vertices.AsSpan(0, _count), Gl.StreamDraw);
        Gl.DrawArrays(Gl.Triangles, 0, _count);
        Gl.BindVertexArray(0);
        if (InsideMode3D) Gl.Enable(Gl.DepthTest);
        _count = 0;
    }

    public void Dispose()
    {
        _program.Dispose();
        Gl.DeleteBuffer(_vbo);
        Gl.DeleteVertexArray(_vao);
        Gl.DeleteTexture(WhiteTexture);
    }
}
