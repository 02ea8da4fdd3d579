using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

public class BottomLineTests
{
    [Fact]
    public void At_the_largest_text_scale_on_a_1024_projector_the_arrow_legend_fits_beside_the_help_hint()
    {
        // Before: the hint grew with Z to 51 pixels, larger than the caption, and cut the legend to "coloured a…".
        using var window = Window.InitWindow(1024, 768, "bottom line", WindowOptions.Headless with { Samples = 0 });
        int small = HeadsUpDisplay.BottomLineSize(768, HeadsUpDisplay.TextSize(768, AppState.MaxTextScale)), pad = small * 5 / 8;
        float room = 1024 - window.MeasureText("H or F1: help", small).X - 3 * pad;
        Assert.True(window.MeasureText(HeadsUpDisplay.ArrowLegend, small * 2 / 3).X <= room, $"the legend needs more than {room:F0} pixels at {small * 2 / 3}");
    }
}

public class TableRowsTests
{
    [Theory]
    [InlineData(12, 11, 10)] // the race's leaderboard at 1024×768: 11 rows fit, so 10 and "… and 2 more" (it drew 11 and left one out unsaid)
    [InlineData(4, 4, 4)]
    [InlineData(4, 9, 4)]
    [InlineData(3, 1, 0)]
    public void A_table_that_cannot_show_every_ball_keeps_its_last_line_to_say_how_many_more(int count, int fit, int shown)
    {
        Assert.Equal(shown, Sim.Render.Scene.Panels.PanelChrome.RowsShown(count, fit));
        Assert.True(shown == count || shown < fit, "room for the \"… and N more\" line");
    }
}
