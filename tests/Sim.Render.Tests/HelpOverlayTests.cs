using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The help overlay on a projector (inside the window at every text scale, growing with it) and the bottom line that points to it.</summary>
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

    [Fact]
    public void At_large_text_the_frame_time_gives_way_before_the_arrows_legend_is_cut()
    {
        // Measured before: at ×2.5 on 1024×768 the bottom line read "white arro…   frame 38.0 ms   H or F1: help".
        using var window = Window.InitWindow(1024, 768, "bottom line", WindowOptions.Headless with { Samples = 0 });
        var world = Sim.Core.Scenarios.DefaultScene.Scenario.CreateWorld();
        using var renderer = new SceneRenderer(window, world.Landscape, ClassroomKeys.HelpRows);
        float HelpTargetWidth(float scale)
        {
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(world, renderer.DefaultCamera(world, scale), new FrameInfo { TextScale = scale, FrameMilliseconds = 38 });
            window.EndDrawing();
            for (int i = 0; i < renderer.Targets.Count; i++)
                if (renderer.Targets[i].Key == Key.H) return renderer.Targets[i].Area.Width;
            throw new InvalidOperationException("no help target");
        }
        int small(float scale) => HeadsUpDisplay.TextSize(window.Height, scale) * 4 / 5;
        float help = window.MeasureText("H or F1: help", small(AppState.MaxTextScale)).X;
        Assert.True(HelpTargetWidth(AppState.MaxTextScale) < help * 1.2f, "at ×2.5 the bottom right says only where help is");
        Assert.True(HelpTargetWidth(1) > window.MeasureText("H or F1: help", small(1)).X * 1.5f, "at ×1 the frame time has room");
    }
}
