namespace Sim.Render.Platform;

/// <summary>The uniforms of shaders/backdrop.frag in one program: whether its fragments hide behind the backdrop's depth.</summary>
internal readonly struct BackdropUniforms
{
    /// <summary>The texture unit the window binds a backdrop's depth to.</summary>
    public const int Unit = 1;

    private readonly int _on;

    public BackdropUniforms(ShaderProgram program)
    {
        program.Use();
        ShaderProgram.Set(program.Uniform("u_backdropDepth"), Unit);
        _on = program.Uniform("u_backdrop");
    }

    public void Set(bool hiddenBehind) => ShaderProgram.Set(_on, hiddenBehind ? 1 : 0);
}
