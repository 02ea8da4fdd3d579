namespace Sim.Render.Scene;

/// <summary>
/// A formatted string remembered with the values it was made from, remade only when they change:
/// the heads-up display then allocates when the simulation steps, not on every frame.
/// Give it a static lambda, which allocates nothing either.
/// </summary>
public sealed class TextMemo<TKey> where TKey : IEquatable<TKey>
{
    private TKey? _key;
    private string? _text;

    public string Get(TKey key, Func<TKey, string> format)
    {
        if (_text is null || !key.Equals(_key))
        {
            _key = key;
            _text = format(key);
        }
        return _text;
    }
}
