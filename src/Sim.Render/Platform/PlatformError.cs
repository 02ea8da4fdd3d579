namespace Sim.Render.Platform;

/// <summary>
/// The machine cannot show or render: a native library is missing, there is no display,
/// or the GL context is too old. The message is one line that says what to do.
/// </summary>
public sealed class PlatformError(string message, Exception? inner = null) : Exception(message, inner);
