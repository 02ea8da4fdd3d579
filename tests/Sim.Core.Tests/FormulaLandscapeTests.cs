using Sim.Core;
using Sim.Core.Formulas;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>A typed landscape's minima, domain, default start and holes.</summary>
public class FormulaLandscapeTests
{
    [Fact]
    public void TypedHimmelblauHasTheBuiltInsFourMinima()
    {
        var typed = FormulaLandscape.Create("(x^2 + y - 11)^2 + (x + y^2 - 7)^2");
        var known = LandscapeCatalog.Create("himmelblau").Minima;
        Assert.Equal(4, typed.Minima.Count);
        foreach (var m in known)
            Assert.Contains(typed.Minima, t => Math.Abs(t.X - m.X) < 1e-6 && Math.Abs(t.Y - m.Y) < 1e-6);
        // Chosen around them: centred on their bounding box, 1.2 times its larger side.
        var d = typed.Domain;
        Assert.InRange(d.XMin, -4.7, -4.5);
        Assert.InRange(d.XMax, 4.2, 4.4);
        foreach (var m in typed.Minima) Assert.True(d.Contains(m.X, m.Y));
    }

    [Fact]
    public void TypedRosenbrockHasOneMinimumAtOneOneAndTheDomainAroundIt()
    {
        var typed = FormulaLandscape.Create("(1-x)^2+100*(y-x^2)^2");
        var m = Assert.Single(typed.Minima);
        Assert.Equal(1, m.X, 12);
        Assert.Equal(1, m.Y, 12);
        Assert.Equal(new Domain(-1, 3, -1, 3), typed.Domain);
        Assert.True(double.IsFinite(typed.Value(typed.DefaultStart.X, typed.DefaultStart.Y)));
        Assert.True(Math.Abs(typed.DefaultStart.X - 1) + Math.Abs(typed.DefaultStart.Y - 1) > 1.5); // a start away from the minimum
    }

    [Theory]
    [InlineData("x^4 + y^4", 1)] // H = 0 at the minimum: semidefinite, higher all round
    [InlineData("x^2 - y^2", 0)] // a saddle is no minimum
    [InlineData("1", 0)] // flat: no point is strictly lowest
    [InlineData("x*y + 3", 0)]
    [InlineData("(x^2 - 1)^2 + y^2", 2)]
    public void MinimaAreCheckedAndDeduplicated(string text, int count)
    {
        var typed = FormulaLandscape.Create(text);
        Assert.Equal(count, typed.Minima.Count);
        foreach (var m in typed.Minima)
        {
            typed.Gradient(m.X, m.Y, out double gx, out double gy);
            Assert.True(Math.Abs(gx) + Math.Abs(gy) < 1e-6, $"gradient at {m} of {text}");
        }
        for (int i = 0; i < typed.Minima.Count; i++)
            for (int j = i + 1; j < typed.Minima.Count; j++)
                Assert.True(Math.Abs(typed.Minima[i].X - typed.Minima[j].X) + Math.Abs(typed.Minima[i].Y - typed.Minima[j].Y) > 1e-3);
    }

    [Fact]
    public void RastriginsGlobalMinimumComesFirst()
    {
        var typed = FormulaLandscape.Create("20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)");
        Assert.Equal(0, typed.Minima[0].X, 9);
        Assert.Equal(0, typed.Minima[0].Y, 9);
        Assert.Equal(MinimumSearch.MaxMinima, typed.Minima.Count);
    }

    [Fact]
    public void AGivenDomainIsKeptAndSearched()
    {
        var typed = FormulaLandscape.Create("(x - 7)^2 + (y + 8)^2", new Domain(5, 10, -10, -5));
        Assert.Equal(new Domain(5, 10, -10, -5), typed.Domain);
        var m = Assert.Single(typed.Minima);
        Assert.Equal(7, m.X, 9);
        Assert.Equal(-8, m.Y, 9);
    }

    [Fact]
    public void ABallThatStepsIntoAHoleDivergesWithTheReason()
    {
        // log(x) is undefined left of 0: from (0.5, 0) one step of lr 1 along −∇ = −(1/x + 2x, 2y) lands at (−2.5, −0.3).
        var landscape = FormulaLandscape.Create("log(x) + x^2 + y^2", new Domain(-1, 2, -1, 1));
        var ball = new Ball("sgd", Colour.Palette[0], OptimizerCatalog.Create("sgd", Parameters.From([new("lr", "1")])), new Point2(0.5, 0.3));
        var world = new World(landscape, [ball]);
        for (int i = 0; i < 5 && ball.Status == BallStatus.Running; i++) world.Advance();
        Assert.Equal(BallStatus.Diverged, ball.Status);
        Assert.StartsWith("reached a hole: f is undefined at (-2.5, -0.3)", ball.DivergedReason);
    }

    [Theory]
    [InlineData("1,0,0,1", "--domain '1,0,0,1' is empty or inverted")]
    [InlineData("0,1,2,2", "--domain '0,1,2,2' is empty or inverted")]
    [InlineData("0,1,2", "--domain '0,1,2' has 3 numbers")]
    [InlineData("0,1,a,2", "--domain '0,1,a,2' is not a domain")]
    [InlineData("0,1,-Infinity,2", "--domain '0,1,-Infinity,2': every bound must be a finite number")]
    [InlineData("0,1e7,0,1", "--domain '0,1e7,0,1': every bound must be a finite number within ±1e6")]
    [InlineData("0,NaN,0,1", "--domain '0,NaN,0,1': every bound must be a finite number")]
    public void DomainsAreCheckedWhole(string text, string message)
    {
        var e = Assert.Throws<InputError>(() => DomainText.Parse(text, "--domain"));
        Assert.StartsWith(message, e.Message);
    }
}
