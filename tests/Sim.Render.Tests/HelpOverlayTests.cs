using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The help overlay on a projector: inside the window at every text scale, and growing with it.</summary>
public class HelpOverlayTests
{
    private static HelpOverlay Drawn(Window window, float scale)
    {
        var help = new HelpOverlay(ClassroomKeys.HelpRows) { Scale = scale };
        window.BeginDrawing(Theme.Standard.Background);
        help.Draw(window, Theme.Standard, 300);
        window.EndDrawing();
        return help;
    }

    [Fact]
    public void At_1024_by_768_the_help_stays_inside_the_window_and_grows_with_the_text_scale()
    {
        // Measured before: every row at 10 pixels whatever the scale, the third column running off the right edge.
        using var window = Window.InitWindow(1024, 768, "help", WindowOptions.Headless with { Samples = 0 });
        var plain = Drawn(window, 1);
        Assert.Equal(ClassroomKeys.HelpRows.Count, plain.Laid.Shown);
        var large = Drawn(window, AppState.MaxTextScale);
        Assert.True(large.Laid.Size >= HelpOverlay.MinSize * AppState.MaxTextScale, $"text {large.Laid.Size} px at the largest scale");
        Assert.True(large.Laid.Size > 1.5 * plain.Laid.Size, $"{large.Laid.Size} px against {plain.Laid.Size} px");
        Assert.InRange(large.Laid.Shown, 10, ClassroomKeys.HelpRows.Count - 1); // the rest named in a last line
        foreach (var help in new[] { plain, large })
        {
            var (x, y, w, h) = help.Bounds;
            Assert.True(x >= 0 && y >= 0 && x + w <= window.Width && y + h <= window.Height, $"{help.Bounds} is cut by the window");
        }
    }
}
