using Sim.Core.Landscapes;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;
using Sim.Render.Playground;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The formula field, through the key dispatch the window uses: typing, editing, Enter, Esc, and errors shown in place.</summary>
public class FormulaFieldTests
{
    private static PlaygroundControls Controls() => new(new AppState(DefaultScene.Scenario.CreateWorld()), new Camera3D());

    private static void Press(PlaygroundControls c, Key key, bool shift = false, bool control = false) =>
        Assert.True(KeyBindings.Dispatch(c, key, shift, control), $"{key} does nothing");

    [Fact]
    public void Shift_F_opens_the_field_typing_and_Enter_switch_to_the_formula_and_every_ball_restarts_at_its_default_start()
    {
        var c = Controls();
        for (int s = 0; s < 10; s++) c.World.Advance();
        Press(c, Key.F, shift: true);
        Assert.True(c.Formula.IsOpen);
        Assert.False(c.Fullscreen);
        c.TypeFormula("(1 - x)^2 + 100*(y - x^2)^2");
        Press(c, Key.Enter);
        Assert.False(c.Formula.IsOpen);
        var landscape = Assert.IsType<FormulaLandscape>(c.World.Landscape);
        Assert.Equal("(1 - x)^2 + 100*(y - x^2)^2", landscape.Formula);
        Assert.Equal(FormulaLandscape.Create("(1 - x)^2 + 100*(y - x^2)^2").Domain, landscape.Domain); // as --formula chooses it
        Assert.Equal(0, c.World.Step);
        Assert.All(c.World.Balls, b => Assert.Equal(landscape.DefaultStart, b.Position));
        Assert.True(c.FrameRequested);

        Press(c, Key.F, shift: true); // opens on the formula on show
        Assert.Equal(landscape.Formula, c.Formula.Text);
    }

    [Fact]
    public void The_editing_keys_move_the_caret_and_delete_and_other_keys_only_reach_the_field()
    {
        var c = Controls();
        Press(c, Key.F, shift: true);
        c.TypeFormula("x^2+y");
        Press(c, Key.Home);
        Press(c, Key.Delete);                    // ^2+y
        c.TypeFormula("2*x");                    // 2*x^2+y
        Press(c, Key.End);
        Press(c, Key.Backspace);                 // 2*x^2+
        c.TypeFormula("y^2");
        Press(c, Key.Left);
        Press(c, Key.Left);
        Press(c, Key.Left);
        c.TypeFormula("3*");                     // 2*x^2+3*y^2
        Press(c, Key.Right);
        Assert.Equal("2*x^2+3*y^2", c.Formula.Text);
        Assert.Equal(9, c.Formula.Caret); // after the y

        bool paused = c.Clock.Paused;
        Press(c, Key.Space);                     // not pause: the field has the keys
        Press(c, Key.Q);                         // not quit
        Press(c, Key.L);                         // not the next landscape
        Assert.Equal(paused, c.Clock.Paused);
        Assert.False(c.QuitRequested);
        Assert.Equal("rosenbrock", c.World.Landscape.Name);
        var classroom = new ClassroomControls(c, new ClassroomSession(c.State));
        Assert.False(ClassroomKeys.Dispatch(classroom, Key.K, false, false)); // the lesson menu's key falls through to the field
        Assert.False(classroom.MenuOpen);

        c.Clipboard = () => "+1";
        Press(c, Key.End);
        Press(c, Key.V, control: true);
        Assert.Equal("2*x^2+3*y^2+1", c.Formula.Text);
    }

    [Theory]
    [InlineData("sinn(x) + y^2", "formula: unknown function 'sinn' at column 1; expected one of sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan", 1)]
    [InlineData("x^2 + * y", "formula: unexpected '*' at column 7; expected a number, x, y, a function or (", 7)]
    [InlineData("(x + y", "formula: the ( at column 1 is never closed; expected )", 1)]
    [InlineData("x^2 + z", "formula: unknown name 'z' at column 7; expected x, y, pi, e or a function such as sin(x)", 7)]
    [InlineData("", "formula: empty; expected an expression in x and y such as x^2 + 10*y^2", null)]
    public void A_parse_error_stays_in_the_open_field_with_the_command_lines_message_and_its_column(string text, string error, int? column)
    {
        var c = Controls();
        var before = c.World.Landscape;
        Press(c, Key.F, shift: true);
        c.TypeFormula(text);
        Press(c, Key.Enter);
        Assert.True(c.Formula.IsOpen);
        Assert.Equal(error, c.Formula.Error);
        Assert.Equal(column, c.Formula.ErrorColumn);
        Assert.Same(before, c.World.Landscape);
        Assert.Equal(text, c.Formula.Text); // kept for mending

        Press(c, Key.Escape);
        Assert.False(c.Formula.IsOpen);
        Assert.Same(before, c.World.Landscape);
        Press(c, Key.Space); // the keys are the app's again
        Assert.True(c.Clock.Paused);
    }

    [Fact]
    public void Control_characters_are_left_out_and_the_text_stops_at_the_parsers_limit()
    {
        var c = Controls();
        Press(c, Key.F, shift: true);
        c.TypeFormula("x\n+\ty\u0007");
        Assert.Equal("x+y", c.Formula.Text);
        c.TypeFormula(new string('1', FormulaField.MaxLength + 50));
        Assert.Equal(FormulaField.MaxLength, c.Formula.Text.Length);
    }
}
