using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>A 3D line segment with a colour at each end (colours blend along it, e.g. for fading trails).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LineSegment(Vector3 a, Vector3 b, Color colorA, Color colorB)
{
    public Vector3 A = a;
    public Vector3 B = b;
    public Color ColorA = colorA;
    public Color ColorB = colorB;

    public LineSegment(Vector3 a, Vector3 b, Color color) : this(a, b, color, color) { }
}

/// <summary>
/// Draws segments as screen-space quads, one instance each, expanded in the vertex shader:
/// core-profile GL does not promise glLineWidth above 1, and this gives anti-aliased thick lines.
/// </summary>
internal sealed unsafe class LineBatch : IDisposable
{
    private readonly ShaderProgram _program;
    private readonly int _viewProj, _viewport, _width, _outline, _outlineColor;
    private readonly uint _vao, _instanceVbo;
    private readonly BackdropUniforms _backdrop;

    public LineBatch()
    {
        _program = ShaderProgram.Load("line.vert", "line.frag", "backdrop.frag");
        _backdrop = new BackdropUniforms(_program);
        _viewProj = _program.Uniform("u_viewProj");
        _viewport = _program.Uniform("u_viewport");
        _width = _program.Uniform("u_width");
        _outline = _program.Uniform("u_outline");
        _outlineColor = _program.Uniform("u_outlineColor");

        _vao = Gl.GenVertexArray();
        Gl.BindVertexArray(_vao);
        _instanceVbo = Gl.GenBuffer();
        Gl.BindBuffer(Gl.ArrayBuffer, _instanceVbo);
        int stride = sizeof(LineSegment);
        Gl.VertexAttribPointer(0, 3, Gl.Float, 0, stride, 0);
        Gl.VertexAttribPointer(1, 3, Gl.Float, 0, stride, 12);
        Gl.VertexAttribPointer(2, 4, Gl.UnsignedByte, 1, stride, 24);
        Gl.VertexAttribPointer(3, 4, Gl.UnsignedByte, 1, stride, 28);
        for (uint i = 0; i < 4; i++)
        {
            Gl.EnableVertexAttribArray(i);
            Gl.VertexAttribDivisor(i, 1);
        }
        Gl.BindVertexArray(0);
    }

    public void Draw(ReadOnlySpan<LineSegment> segments, float width, float outline, Color outlineColor, Matrix4x4 viewProj, Vector2 viewport, bool behindBackdrop)
    {
        if (segments.IsEmpty) return;
        _program.Use();
        ShaderProgram.Set(_viewProj, viewProj);
        ShaderProgram.Set(_viewport, viewport);
        ShaderProgram.Set(_width, Math.Max(width, 0.5f));
        ShaderProgram.Set(_outline, Math.Max(outline, 0f));
        ShaderProgram.Set(_outlineColor, outlineColor.ToVector4());
        _backdrop.Set(behindBackdrop);
        Gl.BindVertexArray(_vao);
        Gl.BindBuffer(Gl.ArrayBuffer, _instanceVbo);
        Gl.Upload(Gl.ArrayBuffer, segments, Gl.StreamDraw);
        // Translucent edges must not hide what is drawn after them.
        Gl.DepthMask(0);
        Gl.DrawArraysInstanced(Gl.Triangles, 0, 6, segments.Length);
        Gl.DepthMask(1);
        Gl.BindVertexArray(0);
    }

    public void Dispose()
    {
        _program.Dispose();
        Gl.DeleteBuffer(_instanceVbo);
        Gl.DeleteVertexArray(_vao);
    }
}
