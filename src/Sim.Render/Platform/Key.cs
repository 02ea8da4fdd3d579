namespace Sim.Render.Platform;

/// <summary>
/// Keys by what they type (layout-aware). Values are SDL keycodes, so events map without a table;
/// keys without a character are their scancode with bit 30 set, as in SDL.
/// </summary>
public enum Key
{
    None = 0,
    Backspace = 8, Tab = 9, Enter = 13, Escape = 27, Space = 32,
    Comma = 44, Minus = 45, Period = 46, Slash = 47,
    D0 = 48, D1, D2, D3, D4, D5, D6, D7, D8, D9,
    Equals = 61, LeftBracket = 91, Backslash = 92, RightBracket = 93,
    A = 97, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    Delete = 127,

    F1 = (1 << 30) | 58, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    Home = (1 << 30) | 74, PageUp = (1 << 30) | 75, End = (1 << 30) | 77, PageDown = (1 << 30) | 78,
    Right = (1 << 30) | 79, Left = (1 << 30) | 80, Down = (1 << 30) | 81, Up = (1 << 30) | 82,
    KeypadMinus = (1 << 30) | 86, KeypadPlus = (1 << 30) | 87, KeypadEnter = (1 << 30) | 88,
    LeftControl = (1 << 30) | 224, LeftShift = (1 << 30) | 225, LeftAlt = (1 << 30) | 226,
    RightControl = (1 << 30) | 228, RightShift = (1 << 30) | 229, RightAlt = (1 << 30) | 230,
}

/// <summary>Mouse buttons, numbered as SDL numbers them.</summary>
public enum MouseButton
{
    Left = 1,
    Middle = 2,
    Right = 3,
}
