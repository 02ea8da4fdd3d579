using System.Numerics;

namespace Sim.Render.Platform;

/// <summary>Draws a <see cref="Mesh"/> lit, colour-mapped by level, with contour lines (surface.vert/frag).</summary>
internal sealed unsafe class SurfacePass : IDisposable
{
    private readonly ShaderProgram _program;
    private readonly int _viewProj, _eye, _light, _ambient, _contours, _contourWidth, _contourStrength, _opacity, _drape, _drapeOn, _drapeRect;

    public SurfacePass()
    {
        _program = ShaderProgram.Load("surface.vert", "surface.frag");
        _viewProj = _program.Uniform("u_viewProj");
        _eye = _program.Uniform("u_eye");
        _light = _program.Uniform("u_lightDir");
        _ambient = _program.Uniform("u_ambient");
        _contours = _program.Uniform("u_contours");
        _contourWidth = _program.Uniform("u_contourWidth");
        _contourStrength = _program.Uniform("u_contourStrength");
        _opacity = _program.Uniform("u_opacity");
        _drape = _program.Uniform("u_drape");
        _drapeOn = _program.Uniform("u_drapeOn");
        _drapeRect = _program.Uniform("u_drapeRect");
    }

    public void Draw(Mesh mesh, in SurfaceStyle style, Matrix4x4 viewProj, Vector3 eye, Vector3 lightDirection)
    {
        _program.Use();
        ShaderProgram.Set(_viewProj, viewProj);
        ShaderProgram.Set(_eye, eye);
        ShaderProgram.Set(_light, Vector3.Normalize(lightDirection));
        ShaderProgram.Set(_ambient, style.Ambient);
        ShaderProgram.Set(_contours, style.ContourCount);
        ShaderProgram.Set(_contourWidth, style.ContourWidth);
        ShaderProgram.Set(_contourStrength, style.ContourStrength);
        ShaderProgram.Set(_opacity, style.Opacity);
        SetDrape(style.Drape);
        // Push the surface back a little so lines and trails lying on it win the depth test.
        Gl.Enable(Gl.PolygonOffsetFill);
        Gl.PolygonOffset(1f, 1f);
        mesh.Draw();
        Gl.Disable(Gl.PolygonOffsetFill);
    }

    private void SetDrape(SurfaceDrape? drape)
    {
        ShaderProgram.Set(_drapeOn, drape is null || drape.Value.Texture.Id == 0 ? 0 : 1);
        if (drape is not { } d || d.Texture.Id == 0) return;
        Gl.ActiveTexture(Gl.Texture0);
        Gl.BindTexture(Gl.Texture2D, d.Texture.Id);
        ShaderProgram.Set(_drape, 0);
        ShaderProgram.Set(_drapeRect, new Vector4(d.XMin, d.YMin, d.XMax - d.XMin, d.YMax - d.YMin));
    }

    public void Dispose() => _program.Dispose();
}
