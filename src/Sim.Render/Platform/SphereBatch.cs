using System.Numerics;
using System.Runtime.InteropServices;

namespace Sim.Render.Platform;

/// <summary>One sphere to draw: centre, radius and colour, laid out as the instance buffer reads it.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SphereInstance(Vector3 position, float radius, Color color)
{
    public Vector3 Position = position;
    public float Radius = radius;
    public Color Color = color;
}

/// <summary>Draws any number of spheres in one instanced call of a shared unit UV sphere.</summary>
internal sealed unsafe class SphereBatch : IDisposable
{
    private const int Slices = 32, Stacks = 20;

    private readonly ShaderProgram _program;
    private readonly int _viewProj, _eye, _light;
    private readonly uint _vao, _meshVbo, _ebo, _instanceVbo;
    private readonly int _indexCount;

    public SphereBatch()
    {
        _program = ShaderProgram.Load("sphere.vert", "sphere.frag");
        _viewProj = _program.Uniform("u_viewProj");
        _eye = _program.Uniform("u_eye");
        _light = _program.Uniform("u_lightDir");

        // Unit sphere: position doubles as normal.
        var vertices = new Vector3[(Slices + 1) * (Stacks + 1)];
        for (int i = 0; i <= Stacks; i++)
        {
            float phi = MathF.PI * i / Stacks;
            for (int j = 0; j <= Slices; j++)
            {
                float theta = 2 * MathF.PI * j / Slices;
                vertices[i * (Slices + 1) + j] = new Vector3(MathF.Sin(phi) * MathF.Cos(theta), MathF.Cos(phi), MathF.Sin(phi) * MathF.Sin(theta));
            }
        }
        var indices = new List<uint>(Slices * Stacks * 6);
        for (int i = 0; i < Stacks; i++)
            for (int j = 0; j < Slices; j++)
            {
                uint a = (uint)(i * (Slices + 1) + j), b = a + Slices + 1;
                indices.AddRange([a, b, a + 1, a + 1, b, b + 1]);
            }
        _indexCount = indices.Count;

        _vao = Gl.GenVertexArray();
        Gl.BindVertexArray(_vao);
        _meshVbo = Gl.GenBuffer();
        Gl.BindBuffer(Gl.ArrayBuffer, _meshVbo);
        Gl.Upload<Vector3>(Gl.ArrayBuffer, vertices, Gl.StaticDraw);
        Gl.VertexAttribPointer(0, 3, Gl.Float, 0, 12, 0);
        Gl.EnableVertexAttribArray(0);
        _ebo = Gl.GenBuffer();
        Gl.BindBuffer(Gl.ElementArrayBuffer, _ebo);
        Gl.Upload<uint>(Gl.ElementArrayBuffer, CollectionsMarshal.AsSpan(indices), Gl.StaticDraw);

        _instanceVbo = Gl.GenBuffer();
        Gl.BindBuffer(Gl.ArrayBuffer, _instanceVbo);
        int stride = sizeof(SphereInstance);
        Gl.VertexAttribPointer(1, 4, Gl.Float, 0, stride, 0); // centre + radius
        Gl.EnableVertexAttribArray(1);
        Gl.VertexAttribDivisor(1, 1);
        Gl.VertexAttribPointer(2, 4, Gl.UnsignedByte, 1, stride, 16); // colour, normalised
        Gl.EnableVertexAttribArray(2);
        Gl.VertexAttribDivisor(2, 1);
        Gl.BindVertexArray(0);
    }

    public void Draw(ReadOnlySpan<SphereInstance> spheres, Matrix4x4 viewProj, Vector3 eye, Vector3 lightDirection)
    {
        if (spheres.IsEmpty) return;
        _program.Use();
        ShaderProgram.Set(_viewProj, viewProj);
        ShaderProgram.Set(_eye, eye);
        ShaderProgram.Set(_light, Vector3.Normalize(lightDirection));
        Gl.BindVertexArray(_vao);
        Gl.BindBuffer(Gl.ArrayBuffer, _instanceVbo);
        Gl.Upload(Gl.ArrayBuffer, spheres, Gl.StreamDraw);
        Gl.DrawElementsInstanced(Gl.Triangles, _indexCount, Gl.UnsignedInt, 0, spheres.Length);
        Gl.BindVertexArray(0);
    }

    public void Dispose()
    {
        _program.Dispose();
        Gl.DeleteBuffer(_meshVbo);
        Gl.DeleteBuffer(_ebo);
        Gl.DeleteBuffer(_instanceVbo);
        Gl.DeleteVertexArray(_vao);
    }
}
