using Sim.Render.Platform;

namespace Sim.Tests;

/// <summary><c>sim render --lesson</c>, <c>sim --lesson</c> and <c>sim --scenario</c> as a lecturer runs them, headless.</summary>
public class LessonRenderCommandTests
{
    private static readonly Dictionary<string, string?> Offscreen = new() { ["SDL_VIDEODRIVER"] = "offscreen" };

    private static string TempPng(string name) => Path.Combine(Path.GetTempPath(), $"sim-cli-{name}-{Guid.NewGuid():N}.png");

    [Fact]
    public void A_lesson_step_renders_after_its_own_number_of_steps_with_its_caption()
    {
        string own = TempPng("lesson"), told = TempPng("lesson-steps");
        try
        {
            var r = SimProcess.Run("render", "--lesson", "momentum", "--lesson-step", "2", "--out", own, "--size", "800x450");
            Assert.Equal("", r.Err);
            Assert.Equal(0, r.ExitCode);
            // The step runs 80 steps unless told otherwise: the same picture as --steps 80.
            Assert.Equal(0, SimProcess.Run("render", "--lesson", "4", "--lesson-step", "2", "--steps", "80", "--out", told, "--size", "800x450").ExitCode);
            Assert.Equal(File.ReadAllBytes(own), File.ReadAllBytes(told));
            var image = Image.Load(own);
            // The caption band: near-white text on black along the bottom.
            int white = 0;
            for (int y = 340; y < 430; y++)
                for (int x = 0; x < 800; x++)
                {
                    var p = image.GetPixel(x, y);
                    if (p.R > 230 && p.G > 230 && p.B > 230) white++;
                }
            Assert.True(white > 400, $"{white} caption pixels");
        }
        finally
        {
            File.Delete(own);
            File.Delete(told);
        }
    }

    [Fact]
    public void Panels_open_on_any_scene_and_change_the_picture()
    {
        string plain = TempPng("plain"), panels = TempPng("panels");
        try
        {
            string[] scene = ["--landscape", "quadratic", "--optimizer", "sgd:lr=0.05", "--optimizer", "adam:lr=0.1", "--steps", "40", "--size", "640x360"];
            Assert.Equal(0, SimProcess.Run(["render", .. scene, "--out", plain]).ExitCode);
            var r = SimProcess.Run(["render", .. scene, "--panels", "loss,lr,step-size,curvature,parameters,explainer", "--select", "2", "--high-contrast", "--text-scale", "1.2", "--out", panels]);
            Assert.Equal("", r.Err);
            Assert.Equal(0, r.ExitCode);
            Assert.NotEqual(File.ReadAllBytes(plain), File.ReadAllBytes(panels));
        }
        finally
        {
            File.Delete(plain);
            File.Delete(panels);
        }
    }

    [Theory]
    [InlineData("--lesson 'nope'", "--lesson", "nope")]
    [InlineData("--lesson-step 9 is out of range; expected 1 to 5", "--lesson", "momentum", "--lesson-step", "9")]
    [InlineData("--lesson-step needs --lesson", "--lesson-step", "2", "--steps", "5")]
    [InlineData("--lesson-step 'two' is not a whole number", "--lesson", "momentum", "--lesson-step", "two")]
    [InlineData("cannot be combined with --lesson", "--lesson", "momentum", "--landscape", "quadratic")]
    [InlineData("--panels: unknown panel 'radar'", "--steps", "5", "--panels", "loss,radar")]
    [InlineData("--panels: boundary is for network scenes (--data, a scenario's network); quadratic is a 2-D landscape", "--landscape", "quadratic", "--steps", "5", "--panels", "loss,boundary")]
    [InlineData("--panels: accuracy is for network scenes (--data, a scenario's network); rastrigin is a 2-D landscape", "--lesson", "saddles", "--panels", "accuracy,spectrum")]
    [InlineData("--text-scale '9'", "--steps", "5", "--text-scale", "9")]
    public void Bad_lesson_options_are_one_error_line_exit_2_and_no_file(string expected, params string[] args)
    {
        string path = TempPng("bad");
        var r = SimProcess.Run(["render", .. args, "--out", path]);
        Assert.Contains(expected, SimProcess.AssertError(r));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_window_opens_a_lesson_and_a_scenario_file()
    {
        string lesson = TempPng("window-lesson"), scenario = TempPng("window-scenario");
        string file = Path.Combine(AppContext.BaseDirectory, "race.json");
        File.WriteAllText(file, """
            {"title": "Two balls", "landscape": "himmelblau", "balls": [{"optimizer": "adam", "params": {"lr": 0.1}}, {"optimizer": "sgd"}]}
            """);
        try
        {
            var r = SimProcess.RunWith(Offscreen, "--lesson", "race", "--lesson-step", "3", "--screenshot-after", "0.5", lesson, "--size", "640x360");
            Assert.Equal("", r.Err);
            Assert.Equal(0, r.ExitCode);
            Assert.True(File.Exists(lesson));
            r = SimProcess.RunWith(Offscreen, "--scenario", file, "--screenshot-after", "0.3", scenario, "--size", "640x360");
            Assert.Equal("", r.Err);
            Assert.Equal(0, r.ExitCode);
            Assert.True(File.Exists(scenario));
        }
        finally
        {
            File.Delete(lesson);
            File.Delete(scenario);
            File.Delete(file);
        }
    }
}
