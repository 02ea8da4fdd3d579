namespace Sim.Render.Scene.Panels;

/// <summary>Which panels are open: one bit per <see cref="PanelKind.Index"/>. A value, so asking costs nothing per frame.</summary>
public readonly record struct PanelSet(uint Bits)
{
    public const int Capacity = 32;

    public static PanelSet None => default;

    public static PanelSet Of(params ReadOnlySpan<PanelKind> kinds)
    {
        var set = None;
        foreach (var kind in kinds) set = set.With(kind);
        return set;
    }

    public bool Has(PanelKind kind) => (Bits & Bit(kind)) != 0;
    public PanelSet With(PanelKind kind) => new(Bits | Bit(kind));
    public PanelSet Without(PanelKind kind) => new(Bits & ~Bit(kind));
    public PanelSet Toggle(PanelKind kind) => new(Bits ^ Bit(kind));
    public bool IsEmpty => Bits == 0;

    public static PanelSet operator |(PanelSet a, PanelSet b) => new(a.Bits | b.Bits);

    private static uint Bit(PanelKind kind) => 1u << kind.Index;

    /// <summary>The open panels' names, as <c>--panels</c> takes them.</summary>
    public override string ToString() => string.Join(",", PanelRegistry.All.Where(Has).Select(k => k.CliName));
}
