namespace Sim.Render.Scene.Panels;

/// <summary>
/// Where the panel column's parts go, by rule, so that the landscape keeps most of the window: a column
/// of 12 text heights (a quarter to a third of the width) whose text shrinks to fit it; the compact
/// legend at its top; then the open panels in the registry's order, each at least half the height it
/// wants. Panels that cannot get that much go to a second (and third) column to the left rather than
/// being crushed; what room is left over goes to the plots.
/// </summary>
public sealed class PanelLayout
{
    public const int MaxColumns = 3;
    private const float MinShare = 0.5f, MinPlotShare = 0.66f, MinTableShare = 0.4f, MaxPlotStretch = 1.6f;

    /// <summary>The legend's most of the column: less when panels share it (a ball a line then), more when it is alone.</summary>
    private const float LegendShareWithPanels = 0.3f, LegendShareAlone = 0.6f;

    private readonly PanelRect[] _rects = new PanelRect[PanelRegistry.All.Count];
    private readonly float[] _preferred = new float[PanelRegistry.All.Count];
    private readonly int[] _column = new int[PanelRegistry.All.Count];

    /// <summary>The panels' text height: the display's, or less if a column is too narrow for it.</summary>
    public int TextSize { get; private set; }

    public float ColumnWidth { get; private set; }
    public float Gap { get; private set; }
    public int Columns { get; private set; }
    public PanelRect Legend { get; private set; }

    /// <summary>Each panel's place, in the registry's order; empty for a closed one or one without a box.</summary>
    public ReadOnlySpan<PanelRect> Rects => _rects;

    /// <summary>Room the column takes at the window's right edge.</summary>
    public float Width => Columns == 0 ? 0 : Columns * (ColumnWidth + Gap) + Gap;

    public static float ColumnWidthFor(float windowWidth, int textSize) => Math.Clamp(12f * textSize, 0.24f * windowWidth, 0.36f * windowWidth);

    /// <summary>
    /// Lays out the open panels of <paramref name="panels"/> between <paramref name="top"/> and
    /// <paramref name="bottom"/> at the right of a window <paramref name="windowWidth"/> wide, with a
    /// legend as tall as <paramref name="legendHeight"/> says (given the text size and the room), or none.
    /// </summary>
    public void Arrange(IPanel[] panels, PanelSet open, in PanelContext context, float windowWidth, float top, float bottom,
        Func<int, float, float>? legendHeight)
    {
        Array.Clear(_rects);
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
            for (int i = 0; i < panels.Length && !anyPanel; i++) anyPanel = panels[i].HasBox && open.Has(PanelRegistry.All[i]);
            float h = legendHeight(TextSize, room * (anyPanel ? LegendShareWithPanels : LegendShareAlone));
            Legend = new PanelRect(windowWidth - Gap - ColumnWidth, top, ColumnWidth, h);
            firstTop = top + h + Gap;
        }
        // Which column each open panel goes to: the next one once this one's minimum heights are full.
        int column = 0, count = 0;
        float used = 0;
        for (int i = 0; i < panels.Length; i++)
        {
            _column[i] = -1;
            if (!panels[i].HasBox || !open.Has(PanelRegistry.All[i])) continue;
            _preferred[i] = panels[i].PreferredHeight(c);
            float capacity = bottom - (column == 0 ? firstTop : top);
            if (count > 0 && used + Gap + MinShare * _preferred[i] > capacity && column < MaxColumns - 1)
            {
                column++;
                used = 0;
                count = 0;
            }
            used += (count > 0 ? Gap : 0) + MinShare * _preferred[i];
            count++;
            _column[i] = column;
        }
        Columns = legendHeight is not null || column > 0 || count > 0 ? column + 1 : 0;
        for (int k = 0; k < Columns; k++) Place(panels, k, k == 0 ? firstTop : top, bottom, windowWidth);
    }

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
        // Still too much: the tables show fewer rows (down to 40%) before the plots go below two thirds,
        // where their axis labels would crowd.
        float tableScale = tables > 0 ? Math.Clamp((room - plots * plotScale) / tables, MinTableShare, 1) : 1;
        float needed = tables * tableScale + plots * plotScale;
        float shrink = needed > room ? room / needed : 1;
        float x = windowWidth - (column + 1) * (ColumnWidth + Gap), y = top;
        for (int i = 0; i < panels.Length; i++)
        {
            if (_column[i] != column) continue;
            float h = _preferred[i] * shrink * (PanelRegistry.All[i].IsPlot ? plotScale : tableScale);
            _rects[i] = new PanelRect(x, y, ColumnWidth, h);
            y += h + Gap;
        }
    }
}
