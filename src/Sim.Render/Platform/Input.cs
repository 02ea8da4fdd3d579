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
    private readonly List<(bool Shift, bool Control)> _pressedModifiers = new(16), _repeatedModifiers = new(16);
    private readonly char[] _text = new char[256];
    private int _textLength;
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

    /// <summary>
    /// Whether Shift and Ctrl were held when key press <paramref name="index"/> (of <see cref="KeysPressed"/>, or of
    /// <see cref="KeysRepeated"/> if <paramref name="repeat"/>) happened: a quick Shift+P then P in one frame
    /// are two different keys, whatever is held when the frame is read.
    /// </summary>
    public (bool Shift, bool Control) ModifiersOf(int index, bool repeat) => repeat ? _repeatedModifiers[index] : _pressedModifiers[index];

    /// <summary>Text typed this frame (SDL's text input: layout, dead keys and input methods applied), in order.</summary>
    public ReadOnlySpan<char> Text => _text.AsSpan(0, _textLength);

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
        _pressedModifiers.Clear();
        _repeatedModifiers.Clear();
        _released.Clear();
        _textLength = 0;
        Array.Clear(_buttonPressed);
        Array.Clear(_buttonReleased);
        MouseDelta = Vector2.Zero;
        MouseWheel = 0;
        Resized = false;
        Events = 0;
    }

    internal void KeyDown(Key key, bool repeat, bool shift = false, bool control = false)
    {
        if (repeat)
        {
            _repeated.Add(key);
            _repeatedModifiers.Add((shift, control));
            return;
        }
        _down.Add(key);
        _pressed.Add(key);
        _pressedModifiers.Add((shift, control));
    }

    /// <summary>One text-input event's UTF-8 bytes; what does not fit this frame's buffer is dropped.</summary>
    internal void Typed(ReadOnlySpan<byte> utf8)
    {
        int end = utf8.IndexOf((byte)0);
        if (end >= 0) utf8 = utf8[..end];
        if (System.Text.Encoding.UTF8.GetMaxCharCount(utf8.Length) > _text.Length - _textLength) return;
        _textLength += System.Text.Encoding.UTF8.GetChars(utf8, _text.AsSpan(_textLength));
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
