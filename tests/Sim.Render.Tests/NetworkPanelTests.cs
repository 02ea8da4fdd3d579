using Sim.Core;
using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;
using Xunit.Abstractions;
using static Sim.Render.Tests.PictureChecks;

namespace Sim.Render.Tests;

/// <summary>
/// The network panels (decision boundary, accuracy, Hessian spectrum) drawn headless on a world over a
/// <see cref="NetworkObjective"/> and checked on pixels against the network's own numbers.
/// </summary>
public class NetworkPanelTests(ITestOutputHelper output)
{
    private static readonly PanelRect Column = new(640, 10, 370, 740);

    /// <summary>Moons, a tanh network, Adam trained by full batches (well classified) beside plain descent (barely started).</summary>
    private static ClassroomSession TrainedSession(int steps = 500, DataSet? test = null)
    {
        var data = DataSetCatalog.Create("moons", 200, 0.2, 4);
        var objective = new NetworkObjective(new NetworkArchitecture([2, 8, 1], Activation.Tanh), data) { Test = test };
        var start = NetworkWeights.HeInitialized(objective.Shape, 2);
        var world = new World(objective,
            [Ball.OfParameters("adam", Colour.Palette[0], new Adam(0.05), start), Ball.OfParameters("gd", Colour.Palette[1], new Sgd(0.05), start)]);
        var session = new ClassroomSession(world, "moons");
        session.Advance(steps);
        return session;
    }

    private static Image Draw(Window window, ClassroomSession session, IPanel panel, PanelRect rect, string name, int selected = 0)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sim-network-panel-{name}.png");
        var context = new PanelContext(session.World, session, 22, selected, Theme.Standard);
        panel.Update(session.World, selected);
        window.PollInputEvents();
        window.BeginDrawing(Theme.Standard.Background);
        panel.Draw(window, rect, context);
        window.TakeScreenshot(path);
        window.EndDrawing();
        return Image.Load(path);
    }

    [Fact]
    public void Each_cell_of_the_boundary_is_in_the_colour_of_the_class_its_network_predicts_and_each_point_in_its_own()
    {
        using var window = Window.InitWindow(1024, 768, "boundary", WindowOptions.Headless with { Samples = 0 });
        var session = TrainedSession();
        var panel = new DecisionBoundaryPanel();
        var image = Draw(window, session, panel, Column, "boundary");
        var data = ((NetworkObjective)session.World.Objective).Data;
        int checkedCells = 0, checkedPoints = 0, ringed = 0;
        for (int ball = 0; ball < 2; ball++)
        {
            var grid = panel.GridOf(ball)!;
            var tile = panel.TileOf(ball);
            Assert.True(tile.Width > 100, $"ball {ball}'s picture is {tile.Width} pixels wide");
            Assert.Equal(session.World.Balls[ball].Steps, panel.ComputedAt(ball));
            float sx = tile.Width / (float)(grid.XMax - grid.XMin), sy = tile.Height / (float)(grid.YMax - grid.YMin);
            (float X, float Y) Pixel(double x1, double x2) => (tile.X + (float)(x1 - grid.XMin) * sx, tile.Bottom - (float)(x2 - grid.YMin) * sy);
            bool NearAPoint(float x, float y, float within)
            {
                for (int k = 0; k < data.Count; k++)
                {
                    var p = Pixel(data.X1[k], data.X2[k]);
                    if (Math.Abs(p.X - x) < within && Math.Abs(p.Y - y) < within) return true;
                }
                return false;
            }
            // Cells: class 1 (orange-red) where p > 0.5, class 0 (blue) elsewhere, away from the points drawn over them.
            for (int row = 0; row < grid.Size; row++)
                for (int column = 0; column < grid.Size; column++)
                {
                    double p = grid.Probabilities[row * grid.Size + column];
                    var (x, y) = Pixel(grid.CellX(column), grid.CellY(row));
                    if (Math.Abs(p - 0.5) < 0.05 || NearAPoint(x, y, 10)) continue;
                    var pixel = image.GetPixel((int)x, (int)y);
                    Assert.True(p > 0.5 ? pixel.R > pixel.B + 10 : pixel.B > pixel.R + 10, $"ball {ball} cell ({column}, {row}), p = {p:F3}: pixel {pixel}");
                    checkedCells++;
                }
            // Points: their true class at the centre; the misclassified outlined in white.
            for (int k = 0; k < data.Count; k++)
            {
                var (x, y) = Pixel(data.X1[k], data.X2[k]);
                if (CountNear(data, Pixel, x, y, 14) > 1) continue; // overlapping points hide each other
                var centre = image.GetPixel((int)MathF.Round(x), (int)MathF.Round(y));
                var expected = data.Y[k] > 0.5 ? Theme.Standard.ClassOne : Theme.Standard.ClassZero;
                Assert.True(Distance(centre, expected) < 40, $"point {k}: {centre}, expected {expected}");
                checkedPoints++;
                // The outline: white around a misclassified point, dark around the others.
                float dot = Math.Clamp(tile.Width / 50, 2, 5), reach = dot / 2 + 1.5f;
                int white = 0;
                for (int py = (int)(y - reach); py <= (int)(y + reach); py++)
                    for (int px = (int)(x - reach); px <= (int)(x + reach); px++)
                        if (Distance(image.GetPixel(px, py), Theme.Standard.Text) < 60) white++;
                if (grid.Wrong[k]) Assert.True(white >= 4, $"point {k} is misclassified but has {white} white pixels");
                else Assert.True(white == 0, $"point {k} is right but has {white} white pixels");
                if (grid.Wrong[k]) ringed++;
            }
        }
        output.WriteLine($"cells checked {checkedCells}, points {checkedPoints}, ringed {ringed}");
        Assert.True(checkedCells > 2000 && checkedPoints > 30 && ringed > 0, $"too little checked: {checkedCells} cells, {checkedPoints} points, {ringed} ringed");
    }

    private static int CountNear(DataSet data, Func<double, double, (float X, float Y)> pixel, float x, float y, float within)
    {
        int n = 0;
        for (int k = 0; k < data.Count; k++)
        {
            var p = pixel(data.X1[k], data.X2[k]);
            if (Math.Abs(p.X - x) < within && Math.Abs(p.Y - y) < within) n++;
        }
        return n;
    }

    [Fact]
    public void Accuracy_lines_end_at_each_balls_accuracy_now_in_its_colour_and_the_test_line_only_with_a_split()
    {
        using var window = Window.InitWindow(1024, 768, "accuracy", WindowOptions.Headless with { Samples = 0 });
        var (_, test) = HeldOut.Split(DataSetCatalog.Create("moons", 200, 0.2, 5), 0.3, 2);
        var session = TrainedSession(steps: 300, test: test);
        var panel = new AccuracyPanel();
        var image = Draw(window, session, panel, new PanelRect(620, 20, 390, 360), "accuracy");
        var objective = (NetworkObjective)session.World.Objective;
        Assert.True(session.Accuracy.HasTest);
        for (int ball = 0; ball < 2; ball++)
        {
            var latest = session.Accuracy.Of(ball).Latest;
            Assert.Equal(300, latest.Epoch); // full batch: an epoch a step
            Assert.Equal(objective.Evaluate(session.World.Balls[ball].ParameterVector).Accuracy, latest.Train);
            var colour = Theme.Standard.Of(session.World.Balls[ball]);
            int x = (int)panel.Plot.X(latest.Epoch) - 2, y = (int)MathF.Round(panel.Plot.Y(latest.Train));
            Assert.True(Best(image, x, y, colour) < 60, $"ball {ball}'s line does not end at {latest.Train:F3}");
        }
        // The axis is 0 to 1 whatever the values: ticks 0, 0.5, 1 on their lines.
        Assert.Equal(AccuracyPanel.Axis, panel.Plot.Scale);
        Span<double> ticks = stackalloc double[4];
        int n = PlotArea.Ticks(panel.Plot.Scale, 4, ticks);
        Assert.Equal([1, 0.5, 0], ticks[..n].ToArray().OrderDescending());
    }

    /// <summary>The smallest colour distance to <paramref name="colour"/> in the 3 × 5 pixels around (x, y): anti-aliased lines.</summary>
    private static double Best(Image image, int x, int y, Color colour)
    {
        double best = double.MaxValue;
        for (int dy = -2; dy <= 2; dy++)
            for (int dx = -1; dx <= 1; dx++) best = Math.Min(best, Distance(image.GetPixel(x + dx, y + dy), colour));
        return best;
    }

    [Fact]
    public void The_spectrum_shown_is_the_networks_eigenvalues_with_negative_bars_left_of_zero()
    {
        using var window = Window.InitWindow(1024, 768, "spectrum", WindowOptions.Headless with { Samples = 0 });
        // Tiny tanh weights: the origin's saddle, with eigenvalues of both signs.
        var objective = new NetworkObjective(new NetworkArchitecture([2, 8, 1], Activation.Tanh), DataSetCatalog.Create("moons", 200, 0.2, 4));
        var start = NetworkWeights.HeInitialized(objective.Shape, 2).Select(w => w * 1e-3).ToArray();
        var world = new World(objective, [Ball.OfParameters("gd", Colour.Palette[0], new Sgd(0.1), start), Ball.OfParameters("adam", Colour.Palette[1], new Adam(0.01), start)]);
        var session = new ClassroomSession(world, "saddle");
        session.Advance(3);
        var panel = new SpectrumPanel();
        var image = Draw(window, session, panel, new PanelRect(620, 20, 390, 330), "spectrum", selected: 1);
        var spectrum = panel.Shown!;
        Assert.Equal(1, spectrum.Ball);
        Assert.Equal(objective.HessianEigenvalues(world.Balls[1].ParameterVector), spectrum.Eigenvalues.ToArray());
        Assert.InRange(spectrum.NegativeCount, 1, objective.ParameterCount - 1);
        Assert.Equal(objective.ParameterCount, panel.Counts.ToArray().Sum());
        int zero = panel.Bin(0), left = 0;
        for (int b = 0; b < zero; b++) left += panel.Counts[b];
        Assert.Equal(spectrum.NegativeCount, left);
        var bars = panel.Bars;
        float width = bars.Width / SpectrumPanel.Bins;
        for (int b = 0; b < SpectrumPanel.Bins; b++)
        {
            var pixel = image.GetPixel((int)(bars.X + (b + 0.5f) * width), (int)bars.Bottom - 1);
            if (panel.Counts[b] == 0) Assert.True(Distance(pixel, Theme.Standard.Warning) > 100 && Distance(pixel, Theme.Standard.Good) > 100, $"empty bin {b}: {pixel}");
            else if (b < zero) Assert.True(Distance(pixel, Theme.Standard.Warning) < 40, $"negative bin {b}: {pixel}");
            else if (b > zero) Assert.True(Distance(pixel, Theme.Standard.Good) < 40, $"positive bin {b}: {pixel}");
        }
    }

    [Fact]
    public void Spectra_after_the_first_come_from_the_background_every_few_steps()
    {
        var session = TrainedSession(steps: 10);
        var panel = new SpectrumPanel();
        panel.Update(session.World, 0);
        var first = panel.Shown!;
        Assert.Equal(10, first.Step);
        session.Advance(SpectrumPanel.RecomputeEvery);
        panel.Update(session.World, 0); // asks the background thread, shows the old one meanwhile
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (ReferenceEquals(panel.Shown, first))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "no spectrum came from the background");
            Thread.Sleep(5);
            panel.Update(session.World, 0);
        }
        var ball = session.World.Balls[0];
        Assert.Equal(10 + SpectrumPanel.RecomputeEvery, panel.Shown!.Step);
        Assert.Equal(((NetworkObjective)session.World.Objective).HessianEigenvalues(ball.ParameterVector), panel.Shown.Eigenvalues.ToArray());
    }

    [Fact]
    public void On_a_2D_landscape_each_network_panel_has_one_line_and_no_data()
    {
        using var window = Window.InitWindow(1024, 768, "2-D", WindowOptions.Headless with { Samples = 0 });
        var landscape = LandscapeCatalog.Create("quadratic");
        var session = new ClassroomSession(new World(landscape, [new Ball("sgd", Colour.Palette[0], new Sgd(0.1), landscape.DefaultStart)]), "2-D");
        session.Advance(5);
        var context = new PanelContext(session.World, session, 22, 0, Theme.Standard);
        IPanel[] panels = [new DecisionBoundaryPanel(), new AccuracyPanel(), new SpectrumPanel()];
        foreach (var panel in panels)
        {
            Assert.True(panel.PreferredHeight(context) < 22 * 3, $"{panel} asks for {panel.PreferredHeight(context)} pixels on a 2-D scene");
            Draw(window, session, panel, new PanelRect(600, 20, 400, 60), "2d");
        }
        Assert.Equal(0, session.Accuracy.Count);
        Assert.Null(((DecisionBoundaryPanel)panels[0]).GridOf(0));
        Assert.Null(((SpectrumPanel)panels[2]).Shown);
    }

    [Fact]
    public void Squeezed_by_a_crowded_column_each_network_panel_draws_within_its_box()
    {
        using var window = Window.InitWindow(1024, 768, "squeezed", WindowOptions.Headless with { Samples = 0 });
        var session = TrainedSession(steps: 40);
        foreach (float height in new[] { 60f, 100f, 140f })
        {
            IPanel[] panels = [new DecisionBoundaryPanel(), new AccuracyPanel(), new SpectrumPanel()];
            foreach (var panel in panels)
            {
                var box = new PanelRect(600, 300, 380, height);
                var image = Draw(window, session, panel, box, "squeezed");
                var background = image.GetPixel(590, 700);
                for (int y = (int)box.Bottom + 3; y < box.Bottom + 90; y++)
                    for (int x = 600; x < 980; x += 2)
                        Assert.True(Distance(image.GetPixel(x, y), background) < 10, $"{panel} in a box {height} high drew at ({x}, {y}), below it");
            }
        }
    }

    [Fact]
    public void Stepping_and_drawing_the_network_panels_allocates_nothing_once_warm()
    {
        using var window = Window.InitWindow(1024, 768, "allocations", WindowOptions.Headless with { Samples = 0 });
        var data = LabC2W2.Moons();
        var objective = new NetworkObjective(LabC2W2.Shape, data);
        var start = NetworkWeights.Parse(LabC2W2.InitialWeightsJson, LabC2W2.Shape);
        var world = new World(objective, [.. new Optimizer[] { new Sgd(0.0007), new Adam(0.0007), new Sgd(0.1), new Adam(0.01) }
            .Select((o, i) => Ball.OfParameters(o.Name, Colour.Palette[i], o, start))], batchSize: 64);
        var session = new ClassroomSession(world, "lab");
        IPanel[] panels = [new DecisionBoundaryPanel(), new AccuracyPanel(), new SpectrumPanel(), new LossPanel()];
        PanelRect[] rects = [new(640, 10, 370, 380), new(640, 400, 370, 180), new(640, 590, 370, 170), new(260, 590, 370, 170)];
        var context = new PanelContext(world, session, 20, 1, Theme.Standard);
        long stepping = 0, drawing = 0;
        var stepTime = new System.Diagnostics.Stopwatch();
        var updateTime = new System.Diagnostics.Stopwatch();
        void Frame(bool measure)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            stepTime.Start();
            session.Advance(4);
            stepTime.Stop();
            long stepped = GC.GetAllocatedBytesForCurrentThread();
            updateTime.Start();
            foreach (var panel in panels) panel.Update(world, 1);
            updateTime.Stop();
            window.PollInputEvents();
            window.BeginDrawing(Theme.Standard.Background);
            for (int i = 0; i < panels.Length; i++) panels[i].Draw(window, rects[i], context);
            window.EndDrawing();
            if (!measure) return;
            stepping += stepped - before;
            drawing += GC.GetAllocatedBytesForCurrentThread() - stepped;
        }
        // Warm up past tiered compilation and the first thinning of the histories.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        for (int f = 0; f < 150 || warm.ElapsedMilliseconds < 1500; f++) Frame(false);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        stepTime.Reset();
        updateTime.Reset();
        for (int f = 0; f < 60; f++) Frame(true);
        output.WriteLine($"allocated while stepping {stepping} bytes, while updating and drawing {drawing}; {timer.Elapsed.TotalMilliseconds / 60:F2} ms a frame of 4 steps " +
            $"({stepTime.Elapsed.TotalMilliseconds / 60:F2} stepping, {updateTime.Elapsed.TotalMilliseconds / 60:F2} updating the panels)");
        Assert.Equal(0, stepping);
        Assert.Equal(0, drawing);
    }
}
