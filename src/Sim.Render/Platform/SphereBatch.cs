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

/// <summary>
/// Draws any number of spheres in one instanced call: each is a quad facing the viewer whose fragment
/// shader ray-traces the exact sphere (normal and depth), so a sphere costs two triangles however
/// many there are, and its outline is round at any size.
/// </summary>
internal sealed unsafe class SphereBatch : IDisposable
{
    private readonly ShaderProgram _program;
    private readonly int _viewProj, _eye, _viewDir, _orthographic, _light;
    private readonly uint _vao, _cornerVbo, _instanceVbo;
    private readonly BackdropUniforms _backdrop;

    public SphereBatch()
    {
        _program = ShaderProgram.Load("sphere.vert", "sphere.frag", "backdrop.frag");
        _backdrop = new BackdropUniforms(_program);
        _viewProj = _program.Uniform("u_viewProj");
        _eye = _program.Uniform("u_eye");
        _viewDir = _program.Uniform("u_viewDir");
        _orthographic = _program.Uniform("u_orthographic");
        _light = _program.Uniform("u_lightDir");

        ReadOnlySpan<Vector2> corners = [new(-1, -1), new(1, -1), new(1, 1), new(-1, -1), new(1, 1), new(-1, 1)];
        _vao = Gl.GenVertexArray();
        Gl.BindVertexArray(_vao);
        _cornerVbo = Gl.GenBuffer();
        Gl.BindBuffer(Gl.ArrayBuffer, _cornerVbo);
        Gl.Upload(Gl.ArrayBuffer, corners, Gl.StaticDraw);
        Gl.VertexAttribPointer(0, 2, Gl.Float, 0, 8, 0);
        Gl.EnableVertexAttribArray(0);

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

    public void Draw(ReadOnlySpan<SphereInstance> spheres, Matrix4x4 viewProj, Vector3 eye, Vector3 viewDirection, bool orthographic, Vector3 lightDirection, bool behindBackdrop)
    {
        if (spheres.IsEmpty) return;
        _program.Use();
        ShaderProgram.Set(_viewProj, viewProj);
        ShaderProgram.Set(_eye, eye);
        ShaderProgram.Set(_viewDir, Vector3.Normalize(viewDirection));
        ShaderProgram.Set(_orthographic, orthographic ? 1 : 0);
        ShaderProgram.Set(_light, Vector3.Normalize(lightDirection));
        _backdrop.Set(behindBackdrop);
        Gl.BindVertexArray(_vao);
        Gl.BindBuffer(Gl.ArrayBuffer, _instanceVbo);
        Gl.Upload(Gl.ArrayBuffer, spheres, Gl.StreamDraw);
        Gl.DrawArraysInstanced(Gl.Triangles, 0, 6, spheres.Length);
        Gl.BindVertexArray(0);
    }

    public void Dispose()
    {
        _program.Dispose();
        Gl.DeleteBuffer(_cornerVbo);
        Gl.DeleteBuffer(_instanceVbo);
        Gl.DeleteVertexArray(_vao);
    }
}
