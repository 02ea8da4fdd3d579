namespace Sim.Render.Scene.Panels;

/// <summary>
/// Where the panel column's parts go, by rule, so that the landscape keeps most of the window: a column
/// of 12 text heights (a quarter to a third of the width) whose text shrinks to fit it; the compact
/// legend at its top; then the open panels (the last one opened or clicked first, then the registry's
/// order), each at least two thirds (a plot) or three quarters (a table) of the height it wants, and never less
/// than its <see cref="IPanel.LeastHeight"/> (a table's first row). Panels that cannot get that much go to a second (and third) column to the left rather than
/// being crushed, but the columns together never take more than <see cref="MaxRoomShare"/> of the
/// window's width: at large text or on a small projector, the panels that do not fit even at their least height fold into a
/// one-line title at the column's foot (a click on it lays it out first, in place of others),
/// so the landscape stays the largest thing on screen. What room is left over goes to the plots.
/// </summary>
public sealed class PanelLayout
{
    public const int MaxColumns = 3;

    /// <summary>The most of the window's width the panel columns may take together.</summary>
    public const float MaxRoomShare = 0.5f;
    private const float MinPlotShare = 0.66f, MinTableShare = 0.75f, MaxPlotStretch = 1.6f;

    /// <summary>The legend's most of the column: less when panels share it (a ball a line then), more when it is alone.</summary>
    private const float LegendShareWithPanels = 0.3f, LegendShareAlone = 0.6f;

    private readonly PanelRect[] _rects = new PanelRect[PanelRegistry.All.Count];
    private readonly float[] _preferred = new float[PanelRegistry.All.Count];
    private readonly float[] _least = new float[PanelRegistry.All.Count];
    private readonly int[] _column = new int[PanelRegistry.All.Count];
    private readonly PanelRect[] _folded = new PanelRect[PanelRegistry.All.Count];

    /// <summary>The panels' text height: the display's, or less if a column is too narrow for it.</summary>
    public int TextSize { get; private set; }

    public float ColumnWidth { get; private set; }
    public float Gap { get; private set; }
    public int Columns { get; private set; }
    public PanelRect Legend { get; private set; }

    /// <summary>Each panel's place, in the registry's order; empty for a closed one or one without a box.</summary>
    public ReadOnlySpan<PanelRect> Rects => _rects;

    /// <summary>Each panel that did not fit, as its one-line title's place, in the registry's order; empty for the others.</summary>
    public ReadOnlySpan<PanelRect> Folded => _folded;

    /// <summary>Whether <paramref name="kind"/> has a box in the column (open, and not folded).</summary>
    public bool IsLaidOut(PanelKind kind) => _rects[kind.Index].Height > 0;

    /// <summary>Height of a folded panel's title line.</summary>
    public float FoldedHeight => TextSize * 1.3f;

    /// <summary>The folded panel whose title line is at (x, y), or null.</summary>
    public PanelKind? FoldedAt(float x, float y)
    {
        for (int i = 0; i < _folded.Length; i++)
            if (_folded[i].Height > 0 && _folded[i].Overlaps(new PanelRect(x, y, 0.5f, 0.5f))) return PanelRegistry.All[i];
        return null;
    }

    /// <summary>Room the column takes at the window's right edge.</summary>
    public float Width => Columns == 0 ? 0 : Columns * (ColumnWidth + Gap) + Gap;

    public static float ColumnWidthFor(float windowWidth, int textSize) => Math.Clamp(12f * textSize, 0.24f * windowWidth, 0.36f * windowWidth);

    /// <summary>
    /// Lays out the open panels of <paramref name="panels"/> between <paramref name="top"/> and
    /// <paramref name="bottom"/> at the right of a window <paramref name="windowWidth"/> wide, with a
    /// legend as tall as <paramref name="legendHeight"/> says (given the text size and the room), or none.
    /// </summary>
    public void Arrange(IPanel[] panels, PanelSet open, in PanelContext context, float windowWidth, float top, float bottom,
        Func<int, float, float>? legendHeight, PanelKind? first = null)
    {
        Array.Clear(_rects);
        Array.Clear(_folded);
        ColumnWidth = ColumnWidthFor(windowWidth, context.TextSize);
        TextSize = Math.Max(Math.Min(context.TextSize, (int)(ColumnWidth / 12)), 10);
        Gap = TextSize * 0.35f;
        var c = context with { TextSize = TextSize };
        float room = bottom - top;
        Legend = default;
        float firstTop = top;
        if (legendHeight is not null)
        {
            bool anyPanel = false;
            for (int i = 0; i < panels.Length && !anyPanel; i++) anyPanel = panels[i].HasBox && open.Has(PanelRegistry.All[i]) && PanelRegistry.All[i].ShowsOn(c.World);
            float h = legendHeight(TextSize, room * (anyPanel ? LegendShareWithPanels : LegendShareAlone));
            Legend = new PanelRect(windowWidth - Gap - ColumnWidth, top, ColumnWidth, h);
            firstTop = top + h + Gap;
        }
        int allowed = AllowedColumns(windowWidth);
        // Folded titles take room at the last column's foot, which may fold more: settle in a few rounds.
        int column = 0, count = 0, folded = 0;
        for (int round = 0; round < 3; round++)
        {
            int before = folded;
            (column, count, folded) = Assign(panels, open, c, allowed, firstTop, top, bottom, folded * (FoldedHeight + Gap), first);
            if (folded == before) break;
        }
        Columns = legendHeight is not null || column > 0 || count > 0 || folded > 0 ? column + 1 : 0;
        // The folded titles at the last column's foot, closer together if even they do not fit.
        float lastTop = Columns == 1 ? firstTop : top;
        float pitch = folded > 0 ? Math.Min(FoldedHeight + Gap, (bottom - lastTop + Gap) / folded) : 0;
        float foldTop = bottom - folded * pitch + Gap;
        for (int k = 0; k < Columns; k++)
            Place(panels, k, k == 0 ? firstTop : top, k == Columns - 1 && folded > 0 ? foldTop - Gap : bottom, windowWidth);
        float x = windowWidth - Columns * (ColumnWidth + Gap);
        for (int i = 0; i < panels.Length; i++)
        {
            if (_column[i] != FoldedColumn) continue;
            _folded[i] = new PanelRect(x, foldTop, ColumnWidth, pitch - Gap);
            foldTop += pitch;
        }
    }

    private const int FoldedColumn = -2;

    /// <summary>
    /// Which column each open panel goes to (the one asked for first, then the registry's order): the next
    /// once this one's minimum heights are full; past the last allowed column (less <paramref name="reserve"/>
    /// at its foot), folded. Returns the last column, its panel count and how many were folded.
    /// </summary>
    private (int Column, int Count, int Folded) Assign(IPanel[] panels, PanelSet open, in PanelContext c, int allowed,
        float firstTop, float top, float bottom, float reserve, PanelKind? first)
    {
        int column = 0, count = 0, folded = 0;
        float used = 0;
        for (int n = -1; n < panels.Length; n++)
        {
            int i = n < 0 ? (first is { } f ? f.Index : -1) : n;
            if (i < 0 || (n >= 0 && first is { } g && g.Index == i)) continue;
            _column[i] = -1;
            if (!panels[i].HasBox || !open.Has(PanelRegistry.All[i]) || !PanelRegistry.All[i].ShowsOn(c.World)) continue;
            _preferred[i] = panels[i].PreferredHeight(c);
            _least[i] = Math.Min(panels[i].LeastHeight(c), _preferred[i]);
            float least = Math.Max((PanelRegistry.All[i].IsPlot ? MinPlotShare : MinTableShare) * _preferred[i], _least[i]);
            float capacity = bottom - (column == 0 ? firstTop : top) - (column == allowed - 1 ? reserve : 0);
            // The panel asked for is shown whatever its room; any other that cannot have its share is moved on,
            // or in the last column drawn as small as it can still be read; only what not even that fits folds.
            bool asked = n < 0;
            if (!asked && used + (count > 0 ? Gap : 0) + least > capacity)
            {
                if (column == allowed - 1)
                {
                    if (used + (count > 0 ? Gap : 0) + _least[i] > capacity)
                    {
                        _column[i] = FoldedColumn;
                        folded++;
                        continue;
                    }
                    least = _least[i];
                }
                else if (count > 0) // an empty column is as tall as the next: stay
                {
                    column++;
                    used = 0;
                    count = 0;
                }
            }
            used += (count > 0 ? Gap : 0) + least;
            count++;
            _column[i] = column;
        }
        return (column, count, folded);
    }

    /// <summary>As many columns as fit in <see cref="MaxRoomShare"/> of the width, at least one, at most <see cref="MaxColumns"/>.</summary>
    private int AllowedColumns(float windowWidth) =>
        Math.Clamp((int)((MaxRoomShare * windowWidth - Gap) / (ColumnWidth + Gap)), 1, MaxColumns);

    private void Place(IPanel[] panels, int column, float top, float bottom, float windowWidth)
    {
        float preferred = 0, plots = 0;
        int count = 0;
        for (int i = 0; i < panels.Length; i++)
        {
            if (_column[i] != column) continue;
            preferred += _preferred[i];
            if (PanelRegistry.All[i].IsPlot) plots += _preferred[i];
            count++;
        }
        if (count == 0) return;
        float room = bottom - top - Gap * (count - 1), tables = preferred - plots;
        // Room to spare: the plots grow into it. Too little: the plots give way first (a plot reads at 60%
        // of its height, a table with rows cut does not), then everything gives up the same share.
        float plotScale = plots > 0 ? Math.Clamp((room - tables) / plots, MinPlotShare, preferred < room ? MaxPlotStretch : 1) : 1;
        // Still too much: the tables show fewer rows (down to 75%) before the plots go below two thirds,
        // where their axis labels would crowd.
        float tableScale = tables > 0 ? Math.Clamp((room - plots * plotScale) / tables, MinTableShare, 1) : 1;
        float needed = tables * tableScale + plots * plotScale;
        float shrink = needed > room ? room / needed : 1;
        float x = windowWidth - (column + 1) * (ColumnWidth + Gap), y = top;
        float deficit = 0, spare = 0;
        for (int i = 0; i < panels.Length; i++)
        {
            if (_column[i] != column) continue;
            _rects[i] = new PanelRect(0, 0, 0, _preferred[i] * shrink * (PanelRegistry.All[i].IsPlot ? plotScale : tableScale));
            deficit += Math.Max(_least[i] - _rects[i].Height, 0);
            spare += Math.Max(_rects[i].Height - _least[i], 0);
        }
        // No panel below its least height: what one lacks, the others give from what they have above theirs.
        float give = spare > 0 ? Math.Min(deficit / spare, 1) : 0;
        for (int i = 0; i < panels.Length; i++)
        {
            if (_column[i] != column) continue;
            float h = _rects[i].Height;
            h = h < _least[i] ? _least[i] : h - (h - _least[i]) * give;
            _rects[i] = new PanelRect(x, y, ColumnWidth, h);
            y += h + Gap;
        }
    }
}
