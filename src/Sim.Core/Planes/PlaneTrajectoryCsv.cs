using System.Globalization;
using Sim.Core.Simulation;

namespace Sim.Core.Planes;

/// <summary>
/// A network scene's trajectories as CSV, one row per ball and step:
/// <c>ball,label,optimizer,step,loss,a,b,off_plane,learning_rate</c>: the full-batch loss, the
/// projection (a, b) onto one plane for the whole run and the distance from it in weight space. The
/// plane is the scene's <see cref="World.PlaneChoice"/> fitted to the end of the run (its PCA is of the
/// whole run, its two balls where they ended), so the run is made twice: once to fit the plane, then
/// again from the reset, deterministic by seed, to write every step against it.
/// </summary>
public static class PlaneTrajectoryCsv
{
    public const string Header = "ball,label,optimizer,step,loss,a,b,off_plane,learning_rate";

    /// <summary>Runs <paramref name="world"/> <paramref name="steps"/> steps (stopping once no ball runs) and writes the CSV; returns the plane.</summary>
    public static WeightPlane Write(World world, int steps, TextWriter output)
    {
        world.Reset();
        Run(world, steps, null);
        var plane = SliceJob.Capture(world, world.PlaneChoice).Plane();
        world.Reset();
        output.Write(Header);
        output.Write('\n');
        Run(world, steps, (ball, index) => Row(output, ball, index, plane));
        output.Flush();
        return plane;
    }

    private static void Run(World world, int steps, Action<Ball, int>? row)
    {
        var balls = world.Balls;
        var last = new int[balls.Count];
        for (int i = 0; i < balls.Count; i++) row?.Invoke(balls[i], i);
        for (int s = 0; s < steps && balls.Any(b => b.Status == BallStatus.Running && b.Enabled); s++)
        {
            world.Advance();
            for (int i = 0; i < balls.Count; i++)
            {
                if (balls[i].Steps == last[i]) continue; // stopped: its last row stands
                last[i] = balls[i].Steps;
                row?.Invoke(balls[i], i);
            }
        }
    }

    private static void Row(TextWriter w, Ball ball, int index, WeightPlane plane)
    {
        var p = plane.Project(ball.ParameterVector);
        w.Write(index.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(Field(ball.Label));
        w.Write(',');
        w.Write(Field(ball.Optimizer.Name));
        w.Write(',');
        w.Write(ball.Steps.ToString(CultureInfo.InvariantCulture));
        foreach (double v in (ReadOnlySpan<double>)[ball.Loss, p.X, p.Y, plane.Distance(ball.ParameterVector), ball.LearningRate])
        {
            w.Write(',');
            w.Write(v.ToString("R", CultureInfo.InvariantCulture));
        }
        w.Write('\n');
    }

    private static string Field(string text) => TrajectoryCsv.Field(text);
}
