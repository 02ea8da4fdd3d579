using System.Globalization;
using Sim.Core.Lessons;
using Sim.Render.Classroom;
using Sim.Render.Scene;
using Sim.Render.Scene.Panels;
using Xunit;

namespace Sim.Render.Tests;

public class EmaFigureColourTests
{
    [Fact]
    public void Each_curve_of_a_lessons_EMA_figure_is_drawn_in_the_colour_of_the_ball_with_its_beta()
    {
        // Lesson 3 step 2 drew β = 0.5 orange beside a blue β = 0.5 ball once each ball kept its colour through the lesson.
        int figures = 0;
        foreach (var lesson in LessonCatalog.All)
            foreach (var step in lesson.Steps)
            {
                if (step.Ema is not { } figure) continue;
                figures++;
                var session = new ClassroomSession(step.Scenario.CreateWorld(), null);
                var c = new PanelContext(session.World, session, 20, -1, Theme.Standard);
                var curves = figure.Curves();
                for (int k = 0; k < curves.Count; k++)
                {
                    var ball = step.Scenario.Balls[k];
                    Assert.Equal(curves[k].Beta, double.Parse(ball.Params["beta"], CultureInfo.InvariantCulture));
                    Assert.Equal(curves[k].BiasCorrected, ball.Params.TryGetValue("bias_correction", out var bc) && bc == "true");
                    Assert.Equal(Theme.From(session.World.Balls[k].Colour), EmaPanel.FigureColour(c, k));
                }
            }
        Assert.True(figures >= 4);
    }
}
