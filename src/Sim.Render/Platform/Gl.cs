namespace Sim.Render.Platform;

/// <summary>
/// OpenGL 3.3 core entry points, loaded through SDL_GL_GetProcAddress once a context is current.
/// Static because the platform layer has one window and one context at a time.
/// </summary>
internal static unsafe class Gl
{
    public const uint DepthBufferBit = 0x100, ColorBufferBit = 0x4000;
    public const uint Triangles = 0x4, Lines = 0x1, Points = 0x0;
    public const uint ProgramPointSize = 0x8642;
    public const uint DepthTest = 0xB71, Blend = 0xBE2, CullFace = 0xB44, Multisample = 0x809D, PolygonOffsetFill = 0x8037, ScissorTest = 0xC11;
    public const uint Less = 0x201, Lequal = 0x203;
    public const uint SrcAlpha = 0x302, OneMinusSrcAlpha = 0x303, One = 1;
    public const uint UnsignedByte = 0x1401, UnsignedInt = 0x1405, Float = 0x1406;
    public const uint ArrayBuffer = 0x8892, ElementArrayBuffer = 0x8893;
    public const uint StaticDraw = 0x88E4, StreamDraw = 0x88E0, DynamicDraw = 0x88E8;
    public const uint VertexShader = 0x8B31, FragmentShader = 0x8B30;
    public const uint CompileStatus = 0x8B81, LinkStatus = 0x8B82, InfoLogLength = 0x8B84;
    public const uint Texture2D = 0xDE1, Texture0 = 0x84C0;
    public const uint TextureMinFilter = 0x2801, TextureMagFilter = 0x2800, TextureWrapS = 0x2802, TextureWrapT = 0x2803;
    public const int Linear = 0x2601, Nearest = 0x2600, ClampToEdge = 0x812F;
    public const uint Rgba = 0x1908, Rgb = 0x1907, Bgra = 0x80E1, Rgba8 = 0x8058;
    public const uint UnpackRowLength = 0xCF2, UnpackAlignment = 0xCF5, PackAlignment = 0xD05;
    public const uint Back = 0x405;
    public const uint MajorVersion = 0x821B, MinorVersion = 0x821C, Samples = 0x80A9;
    public const uint Vendor = 0x1F00, Renderer = 0x1F01, Version = 0x1F02;
    public const uint Framebuffer = 0x8D40, ReadFramebuffer = 0x8CA8, DrawFramebuffer = 0x8CA9, Renderbuffer = 0x8D41;
    public const uint ColorAttachment0 = 0x8CE0, DepthAttachment = 0x8D00, FramebufferComplete = 0x8CD5;
    public const uint DepthComponent24 = 0x81A6, DepthComponent = 0x1902, MaxSamples = 0x8D57;

    public static delegate* unmanaged<uint, byte*> GetString;
    public static delegate* unmanaged<uint, int*, void> GetIntegerv;
    public static delegate* unmanaged<uint> GetError;
    public static delegate* unmanaged<int, int, int, int, void> Viewport;
    public static delegate* unmanaged<int, int, int, int, void> Scissor;
    public static delegate* unmanaged<float, float, float, float, void> ClearColor;
    public static delegate* unmanaged<uint, void> Clear;
    public static delegate* unmanaged<void> Finish;
    public static delegate* unmanaged<uint, void> Enable;
    public static delegate* unmanaged<uint, void> Disable;
    public static delegate* unmanaged<uint, uint, void> BlendFunc;
    public static delegate* unmanaged<byte, void> DepthMask;
    public static delegate* unmanaged<uint, void> DepthFunc;
    public static delegate* unmanaged<float, float, void> PolygonOffset;

    public static delegate* unmanaged<uint, uint> CreateShader;
    public static delegate* unmanaged<uint, int, byte**, int*, void> ShaderSource;
    public static delegate* unmanaged<uint, void> CompileShader;
    public static delegate* unmanaged<uint, uint, int*, void> GetShaderiv;
    public static delegate* unmanaged<uint, int, int*, byte*, void> GetShaderInfoLog;
    public static delegate* unmanaged<uint, void> DeleteShader;
    public static delegate* unmanaged<uint> CreateProgram;
    public static delegate* unmanaged<uint, uint, void> AttachShader;
    public static delegate* unmanaged<uint, void> LinkProgram;
    public static delegate* unmanaged<uint, uint, int*, void> GetProgramiv;
    public static delegate* unmanaged<uint, int, int*, byte*, void> GetProgramInfoLog;
    public static delegate* unmanaged<uint, void> DeleteProgram;
    public static delegate* unmanaged<uint, void> UseProgram;
    public static delegate* unmanaged<uint, byte*, int> GetUniformLocation;
    public static delegate* unmanaged<int, int, void> Uniform1i;
    public static delegate* unmanaged<int, float, void> Uniform1f;
    public static delegate* unmanaged<int, float, float, void> Uniform2f;
    public static delegate* unmanaged<int, float, float, float, void> Uniform3f;
    public static delegate* unmanaged<int, float, float, float, float, void> Uniform4f;
    public static delegate* unmanaged<int, int, byte, float*, void> UniformMatrix4fv;

    public static delegate* unmanaged<int, uint*, void> GenVertexArrays;
    public static delegate* unmanaged<uint, void> BindVertexArray;
    public static delegate* unmanaged<int, uint*, void> DeleteVertexArrays;
    public static delegate* unmanaged<int, uint*, void> GenBuffers;
    public static delegate* unmanaged<uint, uint, void> BindBuffer;
    public static delegate* unmanaged<uint, nint, void*, uint, void> BufferData;
    public static delegate* unmanaged<uint, nint, nint, void*, void> BufferSubData;
    public static delegate* unmanaged<int, uint*, void> DeleteBuffers;
    public static delegate* unmanaged<uint, int, uint, byte, int, nint, void> VertexAttribPointer;
    public static delegate* unmanaged<uint, void> EnableVertexAttribArray;
    public static delegate* unmanaged<uint, uint, void> VertexAttribDivisor;

    public static delegate* unmanaged<uint, int, uint, nint, void> DrawElements;
    public static delegate* unmanaged<uint, int, int, void> DrawArrays;
    public static delegate* unmanaged<uint, int, uint, nint, int, void> DrawElementsInstanced;
    public static delegate* unmanaged<uint, int, int, int, void> DrawArraysInstanced;

    public static delegate* unmanaged<int, uint*, void> GenTextures;
    public static delegate* unmanaged<uint, uint, void> BindTexture;
    public static delegate* unmanaged<uint, void> ActiveTexture;
    public static delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void> TexImage2D;
    public static delegate* unmanaged<uint, uint, int, void> TexParameteri;
    public static delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void> TexSubImage2D;
    public static delegate* unmanaged<int, uint*, void> DeleteTextures;
    public static delegate* unmanaged<uint, int, void> PixelStorei;
    public static delegate* unmanaged<uint, void> ReadBuffer;
    public static delegate* unmanaged<uint, void> DrawBuffer;

    public static delegate* unmanaged<int, uint*, void> GenFramebuffers;
    public static delegate* unmanaged<uint, uint, void> BindFramebuffer;
    public static delegate* unmanaged<int, uint*, void> DeleteFramebuffers;
    public static delegate* unmanaged<uint, uint> CheckFramebufferStatus;
    public static delegate* unmanaged<uint, uint, uint, uint, void> FramebufferRenderbuffer;
    public static delegate* unmanaged<uint, uint, uint, uint, int, void> FramebufferTexture2D;
    public static delegate* unmanaged<int, uint*, void> GenRenderbuffers;
    public static delegate* unmanaged<uint, uint, void> BindRenderbuffer;
    public static delegate* unmanaged<int, uint*, void> DeleteRenderbuffers;
    public static delegate* unmanaged<uint, int, uint, int, int, void> RenderbufferStorageMultisample;
    public static delegate* unmanaged<int, int, int, int, int, int, int, int, uint, uint, void> BlitFramebuffer;
    public static delegate* unmanaged<int, int, int, int, uint, uint, void*, void> ReadPixels;

    /// <summary>
    /// Counts contexts made current so far; 0 while none is. GPU objects remember the context they were made in
    /// and skip deleting after it is gone (a mesh disposed after its window closed must not call into GL).
    /// </summary>
    public static int Context { get; private set; }
    private static int s_contexts;

    public static void Unload() => Context = 0;

    /// <summary>Resolves every entry point; call with the context current.</summary>
    public static void Load()
    {
        Context = ++s_contexts;
        GetString = (delegate* unmanaged<uint, byte*>)Proc("glGetString");
        GetIntegerv = (delegate* unmanaged<uint, int*, void>)Proc("glGetIntegerv");
        GetError = (delegate* unmanaged<uint>)Proc("glGetError");
        Viewport = (delegate* unmanaged<int, int, int, int, void>)Proc("glViewport");
        ClearColor = (delegate* unmanaged<float, float, float, float, void>)Proc("glClearColor");
        Scissor = (delegate* unmanaged<int, int, int, int, void>)Proc("glScissor");
        Clear = (delegate* unmanaged<uint, void>)Proc("glClear");
        Finish = (delegate* unmanaged<void>)Proc("glFinish");
        Enable = (delegate* unmanaged<uint, void>)Proc("glEnable");
        Disable = (delegate* unmanaged<uint, void>)Proc("glDisable");
        BlendFunc = (delegate* unmanaged<uint, uint, void>)Proc("glBlendFunc");
        DepthMask = (delegate* unmanaged<byte, void>)Proc("glDepthMask");
        DepthFunc = (delegate* unmanaged<uint, void>)Proc("glDepthFunc");
        PolygonOffset = (delegate* unmanaged<float, float, void>)Proc("glPolygonOffset");

        CreateShader = (delegate* unmanaged<uint, uint>)Proc("glCreateShader");
        ShaderSource = (delegate* unmanaged<uint, int, byte**, int*, void>)Proc("glShaderSource");
        CompileShader = (delegate* unmanaged<uint, void>)Proc("glCompileShader");
        GetShaderiv = (delegate* unmanaged<uint, uint, int*, void>)Proc("glGetShaderiv");
        GetShaderInfoLog = (delegate* unmanaged<uint, int, int*, byte*, void>)Proc("glGetShaderInfoLog");
        DeleteShader = (delegate* unmanaged<uint, void>)Proc("glDeleteShader");
        CreateProgram = (delegate* unmanaged<uint>)Proc("glCreateProgram");
        AttachShader = (delegate* unmanaged<uint, uint, void>)Proc("glAttachShader");
        LinkProgram = (delegate* unmanaged<uint, void>)Proc("glLinkProgram");
        GetProgramiv = (delegate* unmanaged<uint, uint, int*, void>)Proc("glGetProgramiv");
        GetProgramInfoLog = (delegate* unmanaged<uint, int, int*, byte*, void>)Proc("glGetProgramInfoLog");
        DeleteProgram = (delegate* unmanaged<uint, void>)Proc("glDeleteProgram");
        UseProgram = (delegate* unmanaged<uint, void>)Proc("glUseProgram");
        GetUniformLocation = (delegate* unmanaged<uint, byte*, int>)Proc("glGetUniformLocation");
        Uniform1i = (delegate* unmanaged<int, int, void>)Proc("glUniform1i");
        Uniform1f = (delegate* unmanaged<int, float, void>)Proc("glUniform1f");
        Uniform2f = (delegate* unmanaged<int, float, float, void>)Proc("glUniform2f");
        Uniform3f = (delegate* unmanaged<int, float, float, float, void>)Proc("glUniform3f");
        Uniform4f = (delegate* unmanaged<int, float, float, float, float, void>)Proc("glUniform4f");
        UniformMatrix4fv = (delegate* unmanaged<int, int, byte, float*, void>)Proc("glUniformMatrix4fv");

        GenVertexArrays = (delegate* unmanaged<int, uint*, void>)Proc("glGenVertexArrays");
        BindVertexArray = (delegate* unmanaged<uint, void>)Proc("glBindVertexArray");
        DeleteVertexArrays = (delegate* unmanaged<int, uint*, void>)Proc("glDeleteVertexArrays");
        GenBuffers = (delegate* unmanaged<int, uint*, void>)Proc("glGenBuffers");
        BindBuffer = (delegate* unmanaged<uint, uint, void>)Proc("glBindBuffer");
        BufferData = (delegate* unmanaged<uint, nint, void*, uint, void>)Proc("glBufferData");
        BufferSubData = (delegate* unmanaged<uint, nint, nint, void*, void>)Proc("glBufferSubData");
        DeleteBuffers = (delegate* unmanaged<int, uint*, void>)Proc("glDeleteBuffers");
        VertexAttribPointer = (delegate* unmanaged<uint, int, uint, byte, int, nint, void>)Proc("glVertexAttribPointer");
        EnableVertexAttribArray = (delegate* unmanaged<uint, void>)Proc("glEnableVertexAttribArray");
        VertexAttribDivisor = (delegate* unmanaged<uint, uint, void>)Proc("glVertexAttribDivisor");

        DrawElements = (delegate* unmanaged<uint, int, uint, nint, void>)Proc("glDrawElements");
        DrawArrays = (delegate* unmanaged<uint, int, int, void>)Proc("glDrawArrays");
        DrawElementsInstanced = (delegate* unmanaged<uint, int, uint, nint, int, void>)Proc("glDrawElementsInstanced");
        DrawArraysInstanced = (delegate* unmanaged<uint, int, int, int, void>)Proc("glDrawArraysInstanced");

        GenTextures = (delegate* unmanaged<int, uint*, void>)Proc("glGenTextures");
        BindTexture = (delegate* unmanaged<uint, uint, void>)Proc("glBindTexture");
        ActiveTexture = (delegate* unmanaged<uint, void>)Proc("glActiveTexture");
        TexImage2D = (delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void>)Proc("glTexImage2D");
        TexParameteri = (delegate* unmanaged<uint, uint, int, void>)Proc("glTexParameteri");
        TexSubImage2D = (delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void>)Proc("glTexSubImage2D");
        DeleteTextures = (delegate* unmanaged<int, uint*, void>)Proc("glDeleteTextures");
        PixelStorei = (delegate* unmanaged<uint, int, void>)Proc("glPixelStorei");
        ReadBuffer = (delegate* unmanaged<uint, void>)Proc("glReadBuffer");
        DrawBuffer = (delegate* unmanaged<uint, void>)Proc("glDrawBuffer");

        GenFramebuffers = (delegate* unmanaged<int, uint*, void>)Proc("glGenFramebuffers");
        BindFramebuffer = (delegate* unmanaged<uint, uint, void>)Proc("glBindFramebuffer");
        DeleteFramebuffers = (delegate* unmanaged<int, uint*, void>)Proc("glDeleteFramebuffers");
        CheckFramebufferStatus = (delegate* unmanaged<uint, uint>)Proc("glCheckFramebufferStatus");
        FramebufferRenderbuffer = (delegate* unmanaged<uint, uint, uint, uint, void>)Proc("glFramebufferRenderbuffer");
        FramebufferTexture2D = (delegate* unmanaged<uint, uint, uint, uint, int, void>)Proc("glFramebufferTexture2D");
        GenRenderbuffers = (delegate* unmanaged<int, uint*, void>)Proc("glGenRenderbuffers");
        BindRenderbuffer = (delegate* unmanaged<uint, uint, void>)Proc("glBindRenderbuffer");
        DeleteRenderbuffers = (delegate* unmanaged<int, uint*, void>)Proc("glDeleteRenderbuffers");
        RenderbufferStorageMultisample = (delegate* unmanaged<uint, int, uint, int, int, void>)Proc("glRenderbufferStorageMultisample");
        BlitFramebuffer = (delegate* unmanaged<int, int, int, int, int, int, int, int, uint, uint, void>)Proc("glBlitFramebuffer");
        ReadPixels = (delegate* unmanaged<int, int, int, int, uint, uint, void*, void>)Proc("glReadPixels");
    }

    private static void* Proc(string name)
    {
        var p = Sdl.GlGetProcAddress(name);
        if (p == 0) throw new PlatformError($"OpenGL entry point {name} missing: the driver does not provide OpenGL 3.3");
        return (void*)p;
    }

    public static string String(uint name) =>
        System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)GetString(name)) ?? "";

    public static int Integer(uint name)
    {
        int v = 0;
        GetIntegerv(name, &v);
        return v;
    }

    // Small conveniences for single objects, to keep call sites readable.
    public static uint GenBuffer() { uint id; GenBuffers(1, &id); return id; }
    public static uint GenVertexArray() { uint id; GenVertexArrays(1, &id); return id; }
    public static uint GenTexture() { uint id; GenTextures(1, &id); return id; }
    public static void DeleteBuffer(uint id) { if (id != 0) DeleteBuffers(1, &id); }
    public static void DeleteVertexArray(uint id) { if (id != 0) DeleteVertexArrays(1, &id); }
    public static void DeleteTexture(uint id) { if (id != 0) DeleteTextures(1, &id); }
    public static uint GenFramebuffer() { uint id; GenFramebuffers(1, &id); return id; }
    public static uint GenRenderbuffer() { uint id; GenRenderbuffers(1, &id); return id; }
    public static void DeleteFramebuffer(uint id) { if (id != 0) DeleteFramebuffers(1, &id); }
    public static void DeleteRenderbuffer(uint id) { if (id != 0) DeleteRenderbuffers(1, &id); }

    /// <summary>Replaces a buffer's contents, letting the driver orphan the old storage rather than stall.</summary>
    public static void Upload<T>(uint target, ReadOnlySpan<T> data, uint usage) where T : unmanaged
    {
        fixed (T* p = data)
            BufferData(target, (nint)(data.Length * sizeof(T)), p, usage);
    }
}
