using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>
/// One vertex of a lit, colour-mapped mesh: position, unit normal, and a scalar in [0, 1]
/// that picks the colour-map entry and places contour lines.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MeshVertex(Vector3 position, Vector3 normal, float level)
{
    public Vector3 Position = position;
    public Vector3 Normal = normal;
    public float Level = level;
}

/// <summary>A triangle mesh held by the GPU; <see cref="Update"/> replaces its contents in the same buffers.</summary>
public sealed unsafe class Mesh : IDisposable
{
    private uint _vao, _vbo, _ebo;
    private readonly int _context = Gl.Context;

    public int VertexCount { get; private set; }
    public int IndexCount { get; private set; }

    internal Mesh(ReadOnlySpan<MeshVertex> vertices, ReadOnlySpan<uint> indices)
    {
        _vao = Gl.GenVertexArray();
        _vbo = Gl.GenBuffer();
        _ebo = Gl.GenBuffer();
        Gl.BindVertexArray(_vao);
        Gl.BindBuffer(Gl.ArrayBuffer, _vbo);
        int stride = sizeof(MeshVertex);
        Gl.VertexAttribPointer(0, 3, Gl.Float, 0, stride, 0);
        Gl.EnableVertexAttribArray(0);
        Gl.VertexAttribPointer(1, 3, Gl.Float, 0, stride, 12);
        Gl.EnableVertexAttribArray(1);
        Gl.VertexAttribPointer(2, 1, Gl.Float, 0, stride, 24);
        Gl.EnableVertexAttribArray(2);
        Gl.BindBuffer(Gl.ElementArrayBuffer, _ebo); // element binding is VAO state
        Gl.BindVertexArray(0);
        Update(vertices, indices);
    }

    public void Update(ReadOnlySpan<MeshVertex> vertices, ReadOnlySpan<uint> indices)
    {
        ObjectDisposedException.ThrowIf(_vao == 0 || _context != Gl.Context, this);
        Gl.BindVertexArray(_vao);
        Gl.BindBuffer(Gl.ArrayBuffer, _vbo);
        Gl.Upload(Gl.ArrayBuffer, vertices, Gl.StaticDraw);
        Gl.Upload(Gl.ElementArrayBuffer, indices, Gl.StaticDraw);
        Gl.BindVertexArray(0);
        VertexCount = vertices.Length;
        IndexCount = indices.Length;
    }

    internal void Draw()
    {
        Gl.BindVertexArray(_vao);
        Gl.DrawElements(Gl.Triangles, IndexCount, Gl.UnsignedInt, 0);
        Gl.BindVertexArray(0);
    }

    public void Dispose()
    {
        if (_vao == 0 || _context != Gl.Context) return; // its context is gone, and the objects with it
        Gl.DeleteBuffer(_vbo);
        Gl.DeleteBuffer(_ebo);
        Gl.DeleteVertexArray(_vao);
        _vao = _vbo = _ebo = 0;
    }
}
