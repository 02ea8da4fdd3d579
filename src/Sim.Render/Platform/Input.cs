using System.Numerics;

namespace Sim.Render.Platform;

/// <summary>
/// What the user did since the previous poll, plus what is held down now.
/// One instance per window, refilled in place each frame so polling allocates nothing.
/// </summary>
public sealed class Input
{
    private readonly HashSet<Key> _down = new(64);
    private readonly List<Key> _pressed = new(16);
    private readonly List<Key> _repeated = new(16);
    private readonly List<Key> _released = new(16);
    private readonly bool[] _buttonDown = new bool[8];
    private readonly bool[] _buttonPressed = new bool[8];
    private readonly bool[] _buttonReleased = new bool[8];

    /// <summary>Events of any kind since the previous poll (keys, mouse, the window shown, resized, exposed).</summary>
    public int Events { get; internal set; }

    /// <summary>The window was asked to close (close button, window manager, SIGINT).</summary>
    public bool QuitRequested { get; internal set; }

    /// <summary>The drawable size changed this frame; <see cref="Window.Width"/> and Height hold the new size.</summary>
    public bool Resized { get; internal set; }

    /// <summary>Pointer position in window pixels, origin top-left.</summary>
    public Vector2 MousePosition { get; internal set; }

    /// <summary>Pointer movement since the previous poll.</summary>
    public Vector2 MouseDelta { get; internal set; }

    /// <summary>Wheel movement since the previous poll; positive is away from the user.</summary>
    public float MouseWheel { get; internal set; }

    /// <summary>Keys that went down this frame, in order (auto-repeat excluded).</summary>
    public IReadOnlyList<Key> KeysPressed => _pressed;

    /// <summary>Keys auto-repeated this frame while held, in order: for stepping a value by holding a key.</summary>
    public IReadOnlyList<Key> KeysRepeated => _repeated;

    public bool IsKeyDown(Key key) => _down.Contains(key);
    public bool IsKeyPressed(Key key) => _pressed.Contains(key);

    /// <summary>Pressed this frame or auto-repeated while held: for stepping a value by holding a key.</summary>
    public bool IsKeyPressedOrRepeated(Key key) => _pressed.Contains(key) || _repeated.Contains(key);

    public bool IsKeyReleased(Key key) => _released.Contains(key);
    public bool IsShiftDown => _down.Contains(Key.LeftShift) || _down.Contains(Key.RightShift);
    public bool IsControlDown => _down.Contains(Key.LeftControl) || _down.Contains(Key.RightControl);

    public bool IsMouseButtonDown(MouseButton b) => _buttonDown[(int)b];
    public bool IsMouseButtonPressed(MouseButton b) => _buttonPressed[(int)b];
    public bool IsMouseButtonReleased(MouseButton b) => _buttonReleased[(int)b];

    /// <summary>Forgets the per-frame events; held state carries over.</summary>
    internal void BeginFrame()
    {
        _pressed.Clear();
        _repeated.Clear();
        _released.Clear();
        Array.Clear(_buttonPressed);
        Array.Clear(_buttonReleased);
        MouseDelta = Vector2.Zero;
        MouseWheel = 0;
        Resized = false;
        Events = 0;
    }

    internal void KeyDown(Key key, bool repeat)
    {
        if (repeat)
        {
            _repeated.Add(key);
            return;
        }
        _down.Add(key);
        _pressed.Add(key);
    }

    internal void KeyUp(Key key)
    {
        _down.Remove(key);
        _released.Add(key);
    }

    internal void Button(int button, bool down)
    {
        if ((uint)button >= _buttonDown.Length) return;
        _buttonDown[button] = down;
        if (down) _buttonPressed[button] = true;
        else _buttonReleased[button] = true;
    }

    internal void MouseMoved(Vector2 position, Vector2 delta)
    {
        MousePosition = position;
        MouseDelta += delta;
    }

    internal void Wheel(float amount) => MouseWheel += amount;

    /// <summary>Keys still held when focus is lost would otherwise stay down forever.</summary>
    internal void ReleaseAll()
    {
        foreach (var k in _down) _released.Add(k);
        _down.Clear();
        Array.Clear(_buttonDown);
    }
}
