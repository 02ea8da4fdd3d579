using Sim.Core;
using Sim.Render.Scene;
using Xunit;

namespace Sim.Render.Tests;

public class LabelContrastTests
{
    private static double Contrast(Sim.Render.Platform.Color a, Sim.Render.Platform.Color b)
    {
        double la = Theme.Luminance(a.R, a.G, a.B), lb = Theme.Luminance(b.R, b.G, b.B);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    [Fact]
    public void Every_balls_colour_as_text_reads_at_seven_to_one_on_the_panels_and_keeps_its_hue_where_it_already_did()
    {
        // Lesson 6 step 4 and lesson 7 step 3 wrote "rmsprop, α = 0.9: at the minimum" in Okabe–Ito blue on the dark panel: 3.6 : 1.
        var blue = Colour.Palette.Single(c => c.R == 0 && c.G == 114 && c.B == 178);
        Assert.True(Contrast(Theme.From(blue), Theme.Standard.Panel) < Theme.MinTextContrast);
        foreach (var theme in new[] { Theme.Standard, Theme.HighContrast })
            foreach (var colour in Colour.Palette)
            {
                var text = theme.TextOf(colour);
                Assert.True(Contrast(text, theme.Panel) >= Theme.MinTextContrast, $"{colour} on {theme.Name}: {Contrast(text, theme.Panel):F2}");
                if (Contrast(Theme.From(colour), theme.Panel) >= Theme.MinTextContrast) Assert.Equal(Theme.From(colour), text);
                else Assert.True((text.R >= text.G) == (colour.R >= colour.G) && (text.G >= text.B) == (colour.G >= colour.B) && text.R >= colour.R,
                    $"{colour} lightened towards white, not turned another hue: {text}");
            }
    }
}
