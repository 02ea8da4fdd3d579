using System.Numerics;
using System.Text;

namespace Sim.Render.Platform;

/// <summary>A linked GLSL program built from a vertex and fragment source of the repo's shaders/ folder.</summary>
internal sealed unsafe class ShaderProgram : IDisposable
{
    public uint Id { get; private set; }

    private ShaderProgram(uint id) => Id = id;

    /// <summary>
    /// A shader's source, embedded in this assembly as <c>shaders/FILE</c> (see Sim.Render.csproj), so a single-file
    /// build carries its shaders and runs from any folder.
    /// </summary>
    public static string Source(string file)
    {
        using var stream = typeof(ShaderProgram).Assembly.GetManifestResourceStream($"shaders/{file}")
            ?? throw new PlatformError($"shader not found: shaders/{file} is not embedded in {typeof(ShaderProgram).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Links a vertex shader with one or more fragment shader files: a fragment shader may call a function
    /// another one defines (declared by its prototype), so a rule shared by several programs is written once.
    /// </summary>
    public static ShaderProgram Load(string vertexFile, params string[] fragmentFiles)
    {
        uint program = Gl.CreateProgram();
        uint vs = Compile(Gl.VertexShader, vertexFile);
        Gl.AttachShader(program, vs);
        Gl.DeleteShader(vs); // deleted once the program is
        foreach (var file in fragmentFiles)
        {
            uint fs = Compile(Gl.FragmentShader, file);
            Gl.AttachShader(program, fs);
            Gl.DeleteShader(fs);
        }
        Gl.LinkProgram(program);
        int ok;
        Gl.GetProgramiv(program, Gl.LinkStatus, &ok);
        if (ok == 0)
        {
            string log = InfoLog(program, isProgram: true);
            Gl.DeleteProgram(program);
            throw new PlatformError($"shader link failed ({vertexFile} + {string.Join(" + ", fragmentFiles)}): {log}");
        }
        return new ShaderProgram(program);
    }

    private static uint Compile(uint kind, string file)
    {
        byte[] source = Encoding.UTF8.GetBytes(Source(file));
        uint shader = Gl.CreateShader(kind);
        fixed (byte* s = source)
        {
            byte* ptr = s;
            int len = source.Length;
            Gl.ShaderSource(shader, 1, &ptr, &len);
        }
        Gl.CompileShader(shader);
        int ok;
        Gl.GetShaderiv(shader, Gl.CompileStatus, &ok);
        if (ok == 0)
        {
            string log = InfoLog(shader, isProgram: false);
            Gl.DeleteShader(shader);
            throw new PlatformError($"shader compile failed ({file}): {log.Trim().Replace('\n', ' ')}");
        }
        return shader;
    }

    private static string InfoLog(uint id, bool isProgram)
    {
        int length;
        if (isProgram) Gl.GetProgramiv(id, Gl.InfoLogLength, &length);
        else Gl.GetShaderiv(id, Gl.InfoLogLength, &length);
        if (length <= 1) return "(no log)";
        var buffer = new byte[length];
        fixed (byte* b = buffer)
        {
            if (isProgram) Gl.GetProgramInfoLog(id, length, null, b);
            else Gl.GetShaderInfoLog(id, length, null, b);
        }
        return Encoding.UTF8.GetString(buffer, 0, length - 1);
    }

    /// <summary>Looks a uniform up once; callers keep the location so frames do no string work.</summary>
    public int Uniform(string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* b = bytes) return Gl.GetUniformLocation(Id, b);
    }

    public void Use() => Gl.UseProgram(Id);

    public static void Set(int location, Matrix4x4 m) => Gl.UniformMatrix4fv(location, 1, 0, &m.M11);
    public static void Set(int location, Vector3 v) => Gl.Uniform3f(location, v.X, v.Y, v.Z);
    public static void Set(int location, Vector2 v) => Gl.Uniform2f(location, v.X, v.Y);
    public static void Set(int location, Vector4 v) => Gl.Uniform4f(location, v.X, v.Y, v.Z, v.W);
    public static void Set(int location, float v) => Gl.Uniform1f(location, v);
    public static void Set(int location, int v) => Gl.Uniform1i(location, v);

    public void Dispose()
    {
        if (Id != 0) Gl.DeleteProgram(Id);
        Id = 0;
    }
}
