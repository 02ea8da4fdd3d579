using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>Numbers on panels and axes as a hall reads them: no digits that say nothing, no two ticks alike.</summary>
public class AxisNumberTests
{
    [Theory]
    [InlineData(1e-4, "1e−4")]
    [InlineData(1e-6, "1e−6")]
    [InlineData(2.5e6, "2.5e6")]
    [InlineData(5.27e13, "5.27e13")]
    [InlineData(-2e5, "−2e5")]
    [InlineData(0.0138, "0.0138")]
    [InlineData(0.5, "0.5")]
    [InlineData(1060, "1060")]
    [InlineData(3.40e-5, "3.4e−5")]
    [InlineData(0, "0")]
    public void Short_numbers_drop_digits_that_say_nothing(double value, string expected) =>
        Assert.Equal(expected, NumberText.Short(value));

    [Theory]
    [InlineData(0.693120, 0.693165)] // lesson 13's first loss plot: ln 2 and a hair below
    [InlineData(0.30, 0.34)]
    [InlineData(-4200, -10)]
    [InlineData(1e-5, 3e-5)]
    public void Neighbouring_ticks_of_a_linear_axis_never_print_alike(double min, double max)
    {
        Span<double> ticks = stackalloc double[PlotArea.MaxTicks];
        int n = PlotArea.Ticks(PlotScale.For(min, max, allowLog: false), PlotArea.MaxTicks, ticks);
        Assert.True(n >= 2);
        int digits = PlotArea.TickDigits(ticks[..n], log: false);
        var labels = new List<string>();
        Span<char> text = stackalloc char[32];
        for (int i = 0; i < n; i++) labels.Add(new string(text[..NumberText.Format(ticks[i], digits, text)]));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Fact]
    public void A_log_axis_over_less_than_two_decades_gets_more_than_one_tick()
    {
        // Lesson 4 step 1: a constant effective rate of 0.019 on an axis of one decade had only "0.01".
        Span<double> ticks = stackalloc double[PlotArea.MaxTicks];
        var scale = PlotScale.LogWithin(0.019, 0.019, 2);
        int n = PlotArea.Ticks(scale, PlotArea.MaxTicks, ticks);
        Assert.True(n >= 2, $"{n} ticks");
        foreach (double t in ticks[..n]) Assert.InRange(t, scale.ValueAt(0), scale.ValueAt(1));
    }
}
