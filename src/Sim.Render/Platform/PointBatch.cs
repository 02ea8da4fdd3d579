using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>One point of a cloud: where it is and its colour.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PointVertex(Vector3 position, Color color)
{
    public Vector3 Position = position;
    public Color Color = color;
}

/// <summary>
/// Draws many points as round dots of one size in a single GL_POINTS call from one vertex buffer,
/// refilled each frame in place (grown only when a cloud outgrows it): ten thousand swarm points
/// are one draw call and 160 KB of upload, no per-point geometry.
/// </summary>
internal sealed unsafe class PointBatch : IDisposable
{
    private readonly ShaderProgram _program;
    private readonly int _viewProj, _size;
    private readonly BackdropUniforms _backdrop;
    private readonly uint _vao, _vbo;
    private int _capacity;

    public PointBatch()
    {
        _program = ShaderProgram.Load("point.vert", "point.frag", "backdrop.frag");
        _backdrop = new BackdropUniforms(_program);
        _viewProj = _program.Uniform("u_viewProj");
        _size = _program.Uniform("u_size");
        _vao = Gl.GenVertexArray();
        Gl.BindVertexArray(_vao);
        _vbo = Gl.GenBuffer();
        Gl.BindBuffer(Gl.ArrayBuffer, _vbo);
        int stride = sizeof(PointVertex);
        Gl.VertexAttribPointer(0, 3, Gl.Float, 0, stride, 0);
        Gl.EnableVertexAttribArray(0);
        Gl.VertexAttribPointer(1, 4, Gl.UnsignedByte, 1, stride, 12);
        Gl.EnableVertexAttribArray(1);
        Gl.BindVertexArray(0);
    }

    public void Draw(ReadOnlySpan<PointVertex> points, float size, Matrix4x4 viewProj, bool behindBackdrop)
    {
        if (points.IsEmpty) return;
        _program.Use();
        ShaderProgram.Set(_viewProj, viewProj);
        ShaderProgram.Set(_size, Math.Max(size, 1f));
        _backdrop.Set(behindBackdrop);
        Gl.BindVertexArray(_vao);
        Gl.BindBuffer(Gl.ArrayBuffer, _vbo);
        fixed (PointVertex* p = points)
        {
            nint bytes = points.Length * sizeof(PointVertex);
            if (points.Length > _capacity)
            {
                Gl.BufferData(Gl.ArrayBuffer, bytes, p, Gl.StreamDraw);
                _capacity = points.Length;
            }
            else Gl.BufferSubData(Gl.ArrayBuffer, 0, bytes, p);
        }
        Gl.Enable(Gl.ProgramPointSize);
        Gl.DrawArrays(Gl.Points, 0, points.Length);
        Gl.Disable(Gl.ProgramPointSize);
        Gl.BindVertexArray(0);
    }

    public void Dispose()
    {
        _program.Dispose();
        Gl.DeleteBuffer(_vbo);
        Gl.DeleteVertexArray(_vao);
    }
}
