using System.Numerics;
using Sim.Core.Lessons;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;
using Xunit.Abstractions;
using static Sim.Render.Tests.PictureChecks;

namespace Sim.Render.Tests;

/// <summary>Lessons and classroom panels drawn headless through the window's code path, checked on real pixels.</summary>
public class LessonPictureTests(ITestOutputHelper output)
{
    private sealed record Picture(Image Image, PanelRect[] Panels, PanelRect Caption, Vector2[] Balls, float Left, PanelRect Legend = default);

    private static string PicturePath(string name) => Path.Combine(Path.GetTempPath(), $"sim-lesson-{name}.png");

    private static Picture Draw(Window window, ClassroomSession session, string name, Theme? theme = null, int selected = -1, float textScale = 1)
    {
        string path = PicturePath(name);
        File.Delete(path);
        using var renderer = new SceneRenderer(window, session.World.Landscape, ClassroomKeys.HelpRows);
        var overlay = new ClassroomOverlay(session);
        renderer.Overlay = overlay;
        renderer.SetTitle(session.Title, session.World.Landscape);
        var camera = renderer.DefaultCamera(session.World, textScale);
        var frame = new FrameInfo { SelectedBall = selected, Theme = theme ?? Theme.Standard, TextScale = textScale };
        window.PollInputEvents();
        renderer.Update(session.World, frame);
        window.BeginDrawing(frame.Theme.Background);
        renderer.Draw(session.World, camera, frame);
        window.TakeScreenshot(path);
        window.EndDrawing();
        var balls = new List<Vector2>();
        for (int i = 0; i < session.World.Balls.Count; i++)
            if (renderer.Positions.IsPlaced(i)) balls.Add(camera.WorldToScreen(renderer.Positions.Centre(i), window.Width, window.Height));
        return new Picture(Image.Load(path), [.. overlay.PanelRects, .. overlay.Layout.Folded], overlay.CaptionRect, [.. balls], renderer.PanelWidth,
            renderer.Margins.HostsLegend ? overlay.Layout.Legend : default);
    }

    /// <summary>Pixels in a panel that differ from its background (its top-right corner): text, lines, swatches.</summary>
    private static int Ink(Image image, PanelRect r)
    {
        var background = image.GetPixel((int)r.Right - 3, (int)r.Y + 6);
        int n = 0;
        for (int y = (int)r.Y; y < (int)r.Bottom; y++)
            for (int x = (int)r.X; x < (int)r.Right; x++)
                if (Distance(image.GetPixel(x, y), background) > 80) n++;
        return n;
    }

    private static int Differing(Image a, Image b, PanelRect leaveOut)
    {
        int n = 0;
        for (int y = 0; y < a.Height; y += 2)
            for (int x = 0; x < a.Width; x += 2)
                if (!(y >= leaveOut.Y && y < leaveOut.Bottom) && Distance(a.GetPixel(x, y), b.GetPixel(x, y)) > 30) n++;
        return n;
    }

    /// <summary>
    /// Share of the frame that shows the landscape: pixels that are not the background and not under the
    /// side panel, a panel, the legend, the caption band or the line below it.
    /// </summary>
    private static double SurfaceShare(Picture p)
    {
        var image = p.Image;
        var background = Theme.Standard.Background;
        float below = p.Caption.Height > 0 ? p.Caption.Y : image.Height - image.Height / 30f * 1.3f;
        int n = 0, total = 0;
        for (int y = 0; y < image.Height; y += 2)
            for (int x = 0; x < image.Width; x += 2)
            {
                total++;
                if (x < p.Left || y >= below) continue;
                var spot = new PanelRect(x, y, 1, 1);
                if (p.Legend.Overlaps(spot) || p.Panels.Any(r => r.Overlaps(spot))) continue;
                if (Distance(image.GetPixel(x, y), background) > 24) n++;
            }
        return (double)n / total;
    }

    /// <summary>
    /// A session drawn through a renderer and its classroom overlay as the window draws it, the camera framed
    /// for the text scale, with no picture saved: for checks of where the overlay laid things out.
    /// </summary>
    private sealed class OverlayFrames : IDisposable
    {
        private readonly Window _window;
        private readonly ClassroomSession _session;

        public OverlayFrames(Window window, ClassroomSession session)
        {
            (_window, _session) = (window, session);
            Renderer = new SceneRenderer(window, session.World.Landscape, ClassroomKeys.HelpRows) { Overlay = Overlay = new ClassroomOverlay(session) };
        }

        public SceneRenderer Renderer { get; }
        public ClassroomOverlay Overlay { get; }

        public void Draw(float textScale)
        {
            _window.BeginDrawing(Theme.Standard.Background);
            Renderer.Draw(_session.World, Renderer.DefaultCamera(_session.World, textScale), new FrameInfo { TextScale = textScale });
            _window.EndDrawing();
        }

        public void Dispose() => Renderer.Dispose();
    }

    /// <summary>Step <paramref name="k"/> of <paramref name="lesson"/> opened as the window opens it, then run for its own steps.</summary>
    private static ClassroomSession RunStep(Lesson lesson, int k)
    {
        var step = lesson.Step(k);
        var session = new ClassroomSession(step.Scenario.CreateWorld(), null);
        session.OpenLesson(lesson, k);
        session.Advance(step.RunSteps);
        return session;
    }

    /// <summary>1024×720: the window a 1024×768 projector opens (the screen less its title bar).</summary>
    [Theory]
    [InlineData(1024, 768)]
    [InlineData(1024, 720)]
    [InlineData(1280, 720)]
    public void At_projector_sizes_the_landscape_is_the_largest_thing_on_screen_in_every_lesson_step(int width, int height)
    {
        // Measured before the lecture-hall layout: 3.9% of a 1024×768 frame in lesson 2's last step.
        using var window = Window.InitWindow(width, height, "projector", WindowOptions.Headless with { Samples = 0 });
        double least = 1;
        foreach (var lesson in LessonCatalog.All)
            for (int k = 1; k <= lesson.Steps.Count; k++)
            {
                var session = RunStep(lesson, k);
                var picture = Draw(window, session, $"projector-{width}-{lesson.Name}-{k}");
                double share = SurfaceShare(picture);
                least = Math.Min(least, share);
                output.WriteLine($"{lesson.Name} step {k}: landscape {share:P1} of the frame");
                double frame = (double)width * height;
                var boxes = picture.Panels.Where(r => r.Height > 0).Append(picture.Legend).Where(r => r.Height > 0).ToList();
                foreach (var box in boxes)
                {
                    Assert.True(share > box.Width * box.Height / frame, $"{lesson.Name} {k}: a box {box} is larger than the landscape ({share:P1})");
                    Assert.True(box.X >= 0 && box.Right <= width && box.Y >= 0 && box.Bottom <= picture.Caption.Y, $"{lesson.Name} {k}: {box} is cut or on the caption");
                    Assert.DoesNotContain(boxes, other => other != box && other.Overlaps(box));
                }
                Assert.True(share >= MinLandscapeShare, $"{lesson.Name} step {k}: the landscape is {share:P1} of a {width}×{height} frame");
            }
        output.WriteLine($"least: {least:P1}");
    }

    [Theory]
    [InlineData(1024, 768)]
    [InlineData(1024, 720)]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public void At_text_scale_2_with_three_panels_open_the_landscape_is_still_the_largest_thing_on_screen(int width, int height)
    {
        // Measured before panels folded: at 1024×768 the landscape shrank to a corner beside two columns.
        using var window = Window.InitWindow(width, height, "large text", WindowOptions.Headless with { Samples = 0 });
        var three = PanelSet.Of(LossPanel.Kind, StepSizePanel.Kind, LeaderboardPanel.Kind);
        foreach (var lesson in LessonCatalog.All)
        {
            int k = lesson.Steps.Count;
            var step = lesson.Step(k);
            var session = new ClassroomSession(step.Scenario.CreateWorld(), null);
            session.OpenLesson(lesson, k);
            session.Panels |= three;
            session.Advance(step.RunSteps);
            var picture = Draw(window, session, $"large-{width}-{lesson.Name}", textScale: 2);
            double share = SurfaceShare(picture);
            output.WriteLine($"{lesson.Name} step {k} at text scale 2: landscape {share:P1} of the frame");
            var boxes = picture.Panels.Append(picture.Legend).Where(r => r.Height > 0).ToList();
            foreach (var box in boxes)
            {
                Assert.True(share > box.Width * box.Height / ((double)width * height), $"{lesson.Name}: a box {box} is larger than the landscape ({share:P1})");
                Assert.True(box.X >= 0 && box.Right <= width && box.Y >= 0 && box.Bottom <= picture.Caption.Y, $"{lesson.Name}: {box} is cut or on the caption");
                Assert.DoesNotContain(boxes, other => other != box && other.Overlaps(box));
            }
            Assert.True(share >= MinLandscapeShareLargeText, $"{lesson.Name} at text scale 2: the landscape is {share:P1} of a {width}×{height} frame");
        }
    }

    [Fact]
    public void At_the_largest_text_scale_a_panel_folds_only_when_the_room_left_cannot_hold_it_and_no_box_is_too_small_to_show_anything()
    {
        // Before: at 1024×768 and text scale 2.5 the EMA lesson folded its EMA plot beside 180 empty pixels,
        // and lesson 2 step 2 drew the curvature panel as a heading over an empty box.
        using var window = Window.InitWindow(1024, 768, "largest text", WindowOptions.Headless with { Samples = 0 });
        int shown = 0;
        foreach (var lesson in LessonCatalog.All)
            for (int k = 1; k <= lesson.Steps.Count; k++)
            {
                var session = RunStep(lesson, k);
                using var frames = new OverlayFrames(window, session);
                frames.Draw(AppState.MaxTextScale);
                var overlay = frames.Overlay;
                var layout = overlay.Layout;
                var c = new PanelContext(session.World, session, layout.TextSize, -1, Theme.Standard);
                var rects = overlay.PanelRects;
                float lowest = layout.Legend.Bottom, foldTop = float.MaxValue;
                for (int i = 0; i < rects.Length; i++)
                {
                    if (rects[i].Height > 0)
                    {
                        shown++;
                        float least = Math.Min(overlay.Panel(PanelRegistry.All[i]).LeastHeight(c), overlay.Panel(PanelRegistry.All[i]).PreferredHeight(c));
                        Assert.True(rects[i].Height >= least - 0.5f, $"{lesson.Name} {k}: {PanelRegistry.All[i].CliName} is {rects[i].Height:F0} pixels, under its least {least:F0}");
                        if (rects[i].X == layout.Legend.X) lowest = Math.Max(lowest, rects[i].Bottom);
                    }
                    if (layout.Folded[i].Height > 0) foldTop = Math.Min(foldTop, layout.Folded[i].Y);
                }
                float free = foldTop - lowest - 2 * layout.Gap;
                for (int i = 0; i < rects.Length; i++)
                {
                    if (layout.Folded[i].Height <= 0) continue;
                    float least = overlay.Panel(PanelRegistry.All[i]).LeastHeight(c);
                    Assert.True(free < least, $"{lesson.Name} {k}: {PanelRegistry.All[i].CliName} folded beside {free:F0} free pixels (it needs {least:F0})");
                }
            }
        Assert.True(shown >= 40, $"{shown} panels shown");
    }

    [Theory]
    [InlineData(1024, 768, 2.5f)]
    [InlineData(1280, 720, 1f)]
    public void Caption_lines_are_even_no_word_is_left_alone_on_the_last_line(int width, int height, float scale)
    {
        // Before: at 1024×768 and text scale 2.5, lesson 1 step 4 ended "…and slows every ball / down".
        using var window = Window.InitWindow(width, height, "captions", WindowOptions.Headless with { Samples = 0 });
        foreach (var lesson in LessonCatalog.All)
            for (int k = 1; k <= lesson.Steps.Count; k++)
            {
                var session = new ClassroomSession(lesson.Step(k).Scenario.CreateWorld(), null);
                session.OpenLesson(lesson, k);
                using var frames = new OverlayFrames(window, session);
                frames.Draw(scale);
                var overlay = frames.Overlay;
                var lines = overlay.CaptionLines;
                if (lines.Count < 2) continue;
                var widths = lines.Select(l => window.MeasureText(l, overlay.CaptionTextSize).X).ToList();
                Assert.True(widths.Min() >= widths.Max() / 2, $"{lesson.Name} {k}: lines of {string.Join(", ", widths.Select(w => w.ToString("F0")))} pixels: '{lines[^1]}'");
            }
    }

    [Fact]
    public void A_folded_panel_is_one_title_line_and_clicking_it_lays_it_out_first()
    {
        using var window = Window.InitWindow(1024, 768, "folded", WindowOptions.Headless with { Samples = 0 });
        var lesson = LessonCatalog.Find("momentum");
        var session = new ClassroomSession(lesson.Step(3).Scenario.CreateWorld(), null);
        session.OpenLesson(lesson, 3);
        session.Panels |= PanelSet.Of(LossPanel.Kind, StepSizePanel.Kind, LeaderboardPanel.Kind);
        session.Advance(50);
        using var renderer = new SceneRenderer(window, session.World.Landscape, ClassroomKeys.HelpRows);
        var overlay = new ClassroomOverlay(session);
        renderer.Overlay = overlay;
        var camera = renderer.DefaultCamera(session.World, 2);
        void Frame()
        {
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(session.World, camera, new FrameInfo { TextScale = 2 });
            window.EndDrawing();
        }
        Frame();
        var folded = overlay.Layout.Folded[StepSizePanel.Kind.Index];
        Assert.True(folded.Height > 0, "at text scale 2 on 1024×768 the step-size panel folds");
        Assert.True(folded.Height < 60, $"a folded panel is one line, not {folded.Height} pixels");
        Assert.Equal(0, overlay.PanelRects[StepSizePanel.Kind.Index].Height);
        Assert.Same(StepSizePanel.Kind, overlay.Layout.FoldedAt(folded.X + folded.Width / 2, folded.Y + folded.Height / 2));
        Assert.Null(overlay.Layout.FoldedAt(10, 10));

        session.State.FirstPanel = StepSizePanel.Kind; // what a click on its title line does
        Frame();
        Assert.True(overlay.PanelRects[StepSizePanel.Kind.Index].Height > 0, "the clicked panel is shown");
        Assert.Equal(0, overlay.Layout.Folded[StepSizePanel.Kind.Index].Height);
        Assert.True(overlay.Layout.Folded[LossPanel.Kind.Index].Height > 0 || overlay.Layout.Folded[LeaderboardPanel.Kind.Index].Height > 0,
            "another panel folded to make room");
    }

    [Fact]
    public void A_panel_alone_in_the_column_is_laid_out_in_the_room_left_rather_than_folded()
    {
        // Measured before: lesson 3's temperature figure, its step's one panel, folded at ×2.5 in a 1024×720 window
        // above an empty column.
        using var window = Window.InitWindow(1024, 720, "alone", WindowOptions.Headless with { Samples = 0 });
        var lesson = LessonCatalog.Find("ema");
        var session = new ClassroomSession(lesson.Step(1).Scenario.CreateWorld(), null);
        session.OpenLesson(lesson, 1);
        var picture = Draw(window, session, "ema-alone", textScale: AppState.MaxTextScale);
        var ema = picture.Panels[EmaPanel.Kind.Index];
        Assert.True(ema.Height > 0, "the EMA figure has its box");
        Assert.True(ema.Bottom <= picture.Caption.Y && !ema.Overlaps(picture.Legend), $"{ema} overlaps the legend or the caption");
    }

    [Fact]
    public void Where_the_side_panel_could_not_name_every_ball_it_folds_into_the_legend_that_does()
    {
        // Measured before: at ×2.5 on 1024×768 the playground's side panel named no ball ("… and 5 more
        // (5 balls)", running over the landscape) and cut its title to "Rosenbro…".
        using var window = Window.InitWindow(1024, 768, "side panel", WindowOptions.Headless with { Samples = 0 });
        var session = new ClassroomSession(DefaultScene.Scenario.CreateWorld(), null);
        using var frames = new OverlayFrames(window, session);
        var overlay = frames.Overlay;
        frames.Draw(1);
        Assert.False(frames.Renderer.Margins.HostsLegend, "at ×1 the side panel names the five balls itself");
        frames.Draw(AppState.MaxTextScale);
        Assert.True(frames.Renderer.Margins.HostsLegend);
        Assert.Equal(session.World.Balls.Count, overlay.LegendBalls);
        var legend = overlay.Layout.Legend;
        Assert.True(legend.X >= 0 && legend.Right <= window.Width && legend.Bottom <= window.Height, $"{legend} is cut");
    }

    [Theory]
    [InlineData(1024, 768)]
    [InlineData(1280, 720)]
    public void The_lesson_menu_fits_the_window_at_every_text_scale(int width, int height)
    {
        // Measured before: at ×2.5 on 1024×768 (K) the hint overprinted the heading, titles ran over their
        // step counts and off the right edge, and lessons 8 to 14 were below the window.
        using var window = Window.InitWindow(width, height, "menu", WindowOptions.Headless with { Samples = 0 });
        var session = new ClassroomSession(DefaultScene.Scenario.CreateWorld(), null);
        session.Menu.Open(0);
        using var frames = new OverlayFrames(window, session);
        var overlay = frames.Overlay;
        foreach (float scale in new[] { 1f, 1.75f, AppState.MaxTextScale })
        {
            frames.Draw(scale);
            var menu = overlay.MenuRect;
            Assert.True(menu.Height > 0);
            Assert.True(menu.X >= 0 && menu.Y >= 0 && menu.Right <= width && menu.Bottom <= height, $"at ×{scale} the menu {menu} is cut by the window");
        }
    }

    [Fact]
    public void Folded_panels_are_lines_of_one_size_each_whole_within_the_column()
    {
        // Measured before: with F2 to F9 open at 1024×768 the folded lines were drawn at three sizes and
        // "▸ decision boundary panel (F10): click to…" was cut at the window's edge.
        using var window = Window.InitWindow(1024, 768, "folded lines", WindowOptions.Headless with { Samples = 0 });
        var session = new ClassroomSession(DefaultScene.Scenario.CreateWorld(), null);
        foreach (var kind in PanelRegistry.All) if (kind.ShowsOn(session.World)) session.Panels = session.Panels.With(kind);
        using var frames = new OverlayFrames(window, session);
        var overlay = frames.Overlay;
        foreach (float scale in new[] { 1f, 1.52f, AppState.MaxTextScale })
        {
            frames.Draw(scale);
            int folded = 0;
            foreach (var kind in PanelRegistry.All)
            {
                var line = overlay.Layout.Folded[kind.Index];
                if (line.Height <= 0) continue;
                folded++;
                var (text, size) = overlay.FoldedLine(kind);
                Assert.StartsWith($"▸ {kind.Title} ({kind.KeyLabel})", text);
                Assert.True(window.MeasureText(text, size).X <= line.Width, $"at ×{scale} '{text}' at {size} px is wider than its line ({line.Width} px)");
                Assert.True(line.Right <= window.Width, $"{line} is cut by the window");
            }
            Assert.True(folded >= 2, $"at ×{scale} {folded} panels folded");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // measured before: the leaderboard folded and no ball was named anywhere
    public void The_legend_lists_the_balls_whenever_the_leaderboard_is_folded(bool crowded)
    {
        using var window = Window.InitWindow(1024, 768, "listed", WindowOptions.Headless with { Samples = 0 });
        var lesson = LessonCatalog.Find("race");
        var session = new ClassroomSession(lesson.Step(1).Scenario.CreateWorld(), null);
        session.OpenLesson(lesson, 1);
        session.Advance(lesson.Step(1).RunSteps);
        if (crowded) session.Panels |= PanelSet.Of(StepSizePanel.Kind, LearningRatePanel.Kind, CurvaturePanel.Kind);
        using var frames = new OverlayFrames(window, session);
        frames.Draw(1);
        var overlay = frames.Overlay;
        Assert.Equal(crowded, !overlay.Layout.IsLaidOut(LeaderboardPanel.Kind));
        if (crowded) Assert.True(overlay.LegendBalls >= 1, $"the legend names {overlay.LegendBalls} balls");
        else Assert.Equal(0, overlay.LegendBalls);
    }

    /// <summary>
    /// At text scale 2 the caption band takes up to a quarter of the height, a surface seen at three
    /// quarters fills about 60% of the room it is framed in, and the balls' labels (twice as large) cover
    /// some of it: 11% of the frame, still more than any box.
    /// </summary>
    private const double MinLandscapeShareLargeText = 0.11;

    /// <summary>The least share of a projector's frame the landscape may have in any lesson step.</summary>
    private const double MinLandscapeShare = 0.15;

    [Fact]
    public void Every_step_of_every_lesson_renders_its_caption_and_panels_clear_of_the_balls_and_differs_from_the_step_before()
    {
        using var window = Window.InitWindow(1280, 720, "lessons", WindowOptions.Headless with { Samples = 0 });
        foreach (var lesson in LessonCatalog.All)
        {
            Picture? previous = null;
            for (int k = 1; k <= lesson.Steps.Count; k++)
            {
                var session = RunStep(lesson, k);
                var picture = Draw(window, session, $"{lesson.Name}-{k}");
                output.WriteLine($"{lesson.Name} step {k}: {PicturePath($"{lesson.Name}-{k}")}");

                // The caption band: white text on black across the bottom.
                var band = picture.Caption;
                Assert.True(band.Width == 1280 && band.Height > 60 && band.Bottom < 720, $"{lesson.Name} {k}: caption band {band}");
                Assert.True(BrightPixels(picture.Image, 0, (int)band.Y, 1280, (int)band.Bottom, 230) > 800, $"{lesson.Name} {k}: no caption text");

                // Each panel the step names is drawn, with text or lines in it, and none overlaps another or the band.
                var open = PanelRegistry.For(lesson.Step(k).Panels);
                var order = PanelRegistry.All;
                var drawn = new List<PanelRect>();
                for (int i = 0; i < order.Count; i++)
                {
                    var rect = picture.Panels[i];
                    if (!open.Has(order[i]) || !order[i].Create().HasBox)
                    {
                        Assert.Equal(default, rect);
                        continue;
                    }
                    Assert.True(rect.Height > 60 && rect.Right <= 1280 && rect.Bottom <= band.Y, $"{lesson.Name} {k}: {order[i]} at {rect}");
                    int ink = Ink(picture.Image, rect);
                    Assert.True(ink > 800, $"{lesson.Name} {k}: {order[i]} is empty ({ink} pixels drawn)");
                    Assert.DoesNotContain(drawn, r => r.Overlaps(rect));
                    drawn.Add(rect);
                }
                // The picture of the landscape is framed in the room left: no ball under a panel or the band.
                foreach (var at in picture.Balls)
                {
                    var spot = new PanelRect(at.X, at.Y, 1, 1);
                    Assert.DoesNotContain(drawn, r => r.Overlaps(spot));
                    Assert.False(band.Overlaps(spot), $"{lesson.Name} {k}: a ball at {at} is under the caption");
                    Assert.True(at.X > picture.Left, $"{lesson.Name} {k}: a ball at {at} is under the side panel");
                }
                if (previous is not null)
                {
                    int changed = Differing(previous.Image, picture.Image, band);
                    output.WriteLine($"  pixels changed from step {k - 1}, caption aside: {changed}");
                    Assert.True(changed > 500, $"{lesson.Name}: step {k} looks like step {k - 1} ({changed} of a quarter of the pixels differ)");
                }
                previous = picture;
            }
        }
    }

    [Fact]
    public void The_high_contrast_theme_is_black_and_white_and_keeps_every_ball_its_own_colour()
    {
        using var window = Window.InitWindow(1280, 720, "contrast", WindowOptions.Headless with { Samples = 0 });
        var world = DefaultScene.Scenario.CreateWorld();
        var session = new ClassroomSession(world, DefaultScene.Scenario.Title) { Panels = PanelSet.Of(LossPanel.Kind) };
        session.Advance(300);
        {
            var standard = Draw(window, session, "standard");
            var contrast = Draw(window, session, "contrast", Theme.HighContrast);
            // The empty corner under the side panel is the background: black, where the standard one is not.
            var corner = contrast.Image.GetPixel((int)contrast.Left + 10, 700 - 40);
            output.WriteLine($"background: standard {standard.Image.GetPixel((int)standard.Left + 10, 660)}, high contrast {corner}");
            Assert.True(corner.R + corner.G + corner.B < 10, $"high-contrast background {corner} is not black");
            // Panels are opaque black there: the loss panel's background.
            var panel = contrast.Panels[0];
            var inside = contrast.Image.GetPixel((int)panel.Right - 6, (int)panel.Y + 8);
            Assert.True(inside.R + inside.G + inside.B < 20, $"panel background {inside}");
            var colours = world.Balls.Select(b => Theme.From(b.Colour)).ToArray();
            for (int i = 0; i < world.Balls.Count; i++)
            {
                var at = contrast.Balls[i];
                var pixel = contrast.Image.GetPixel((int)at.X, (int)at.Y);
                int nearest = Enumerable.Range(0, colours.Length).MaxBy(j => Similarity(pixel, colours[j]));
                Assert.True(nearest == i, $"{world.Balls[i].Label}'s pixel {pixel} looks most like {world.Balls[nearest].Label}'s colour");
            }
        }
    }

    [Fact]
    public void The_step_explainer_draws_arrows_from_the_selected_ball_and_names_them()
    {
        using var window = Window.InitWindow(1280, 720, "explainer", WindowOptions.Headless with { Samples = 0 });
        var session = new ClassroomSession(LessonCatalog.Find("momentum").Step(2).Scenario.CreateWorld(), "explainer");
        session.Advance(20);
        var without = Draw(window, session, "explainer-off", selected: 1);
        session.Panels = PanelSet.Of(StepExplainer.Kind);
        var with = Draw(window, session, "explainer-on", selected: 1);
        var rect = with.Panels[StepExplainer.Kind.Index];
        Assert.True(Ink(with.Image, rect) > 3000, "the explainer panel has little text");
        // Around the heavy ball (selected), the arrows and their names change the picture.
        var at = without.Balls[1];
        int changed = 0;
        for (int y = (int)at.Y - 150; y < at.Y + 150; y += 2)
            for (int x = (int)at.X - 150; x < at.X + 150; x += 2)
                if (x > 0 && y > 0 && x < 1280 && y < 720 && Distance(without.Image.GetPixel(x, y), with.Image.GetPixel(x, y)) > 40) changed++;
        output.WriteLine($"pixels near the ball changed by the explainer: {changed}");
        Assert.True(changed > 200, "no arrows near the selected ball");
    }

    [Fact]
    public void Drawing_every_panel_allocates_nothing_once_warm_while_the_world_steps()
    {
        using var window = Window.InitWindow(960, 540, "panels", WindowOptions.Headless with { Samples = 0 });
        var lesson = LessonCatalog.Find("minibatch");
        var session = new ClassroomSession(lesson.Step(3).Scenario.CreateWorld(), "panels");
        session.OpenLesson(lesson, 3);
        session.Panels = PanelSet.Of(LossPanel.Kind, LearningRatePanel.Kind, EmaPanel.Kind, StepSizePanel.Kind,
            CurvaturePanel.Kind, LeaderboardPanel.Kind, ParameterPanel.Kind, FullBatchArrows.Kind);
        using var renderer = new SceneRenderer(window, session.World.Landscape, ClassroomKeys.HelpRows, new SurfaceOptions { Resolution = 64 });
        renderer.Overlay = new ClassroomOverlay(session);
        var camera = renderer.DefaultCamera(session.World);
        var info = new FrameInfo { SelectedBall = 1, FrameMilliseconds = 10 };
        void Frame()
        {
            session.Advance(1);
            window.PollInputEvents();
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(session.World, camera, info);
            window.EndDrawing();
        }
        // Warm up past tiered compilation, past step 94, where the batch ball arrives and its label is written
        // once, and past 256 steps, the last time before 512 that the trails' point lists grow.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        for (int f = 0; f < 300 || warm.ElapsedMilliseconds < 1500; f++) Frame();
        Assert.Equal(BallStatus.Converged, session.World.Balls[0].Status);
        long stepping = 0, drawing = 0;
        for (int f = 0; f < 30; f++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            session.Advance(1);
            long stepped = GC.GetAllocatedBytesForCurrentThread();
            window.PollInputEvents();
            window.BeginDrawing(Theme.Standard.Background);
            renderer.Draw(session.World, camera, info);
            window.EndDrawing();
            stepping += stepped - before;
            drawing += GC.GetAllocatedBytesForCurrentThread() - stepped;
        }
        output.WriteLine($"allocated while stepping {stepping} bytes, while drawing {drawing}");
        Assert.Equal(0, drawing);
    }
}
