using System.Globalization;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;

namespace Sim.Commands;

/// <summary>
/// <c>sim trace</c>: one ball's trajectory as CSV <c>step,x,y,loss</c> in round-trip float64,
/// step 0 first. A step that makes x or y non-finite is written and ends the run (exit 0).
/// The ball is the first of the scene the options name (<see cref="SceneArguments"/>).
/// </summary>
public static class TraceCommand
{
    public static int Run(string[] args)
    {
        var a = new Arguments("trace", args, [.. SceneArguments.Options.Where(o => o != "--swarm"), "--steps"], []);
        int steps = a.Int("--steps", -1, 0, Limits.Steps);
        if (steps < 0) throw new InputError("--steps is required");
        if (a.Has("--data")) throw NotAPoint(a.Value("--data")!);
        if (!a.Has("--scenario") && !a.Has("--lesson"))
        {
            if (!a.Has("--landscape") && !a.Has("--formula")) throw new InputError("--landscape is required (a built-in NAME), or give --formula EXPR");
            if (a.All("--optimizer").Count > 1) throw new InputError("trace follows one ball; give one --optimizer (sim render draws several)");
            a.Required("--optimizer");
        }
        var (scene, _) = SceneArguments.CreateScene(a);
        if (scene.Objective is not Landscape) throw NotAPoint(scene.Objective.Name);
        var world = new World(scene.Landscape, [scene.Balls[0]], scene.Schedule, scene.BatchSize, scene.Seed) { FollowAnywhere = true };
        Write(world, steps, Console.Out);
        return 0;
    }

    /// <summary>A network has no (x, y) to trace: its projection depends on a plane fitted to the whole run, which export writes.</summary>
    private static InputError NotAPoint(string what) => new(
        $"trace follows one point (x, y) of a 2-D landscape; {what} is a network scene: use sim export --out FILE.csv (loss, a, b, off_plane on a plane) or sim train");

    public static void Write(World world, int steps, TextWriter output)
    {
        var ball = world.Balls[0];
        output.WriteLine("step,x,y,loss");
        Row(output, 0, ball);
        for (int s = 1; s <= steps && ball.Status == BallStatus.Running; s++)
        {
            world.Advance();
            Row(output, s, ball);
        }
        output.Flush();
    }

    private static void Row(TextWriter w, int step, Ball ball)
    {
        var p = ball.Position;
        w.Write(step.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(p.X.ToString("R", CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(p.Y.ToString("R", CultureInfo.InvariantCulture));
        w.Write(',');
        w.WriteLine(ball.Loss.ToString("R", CultureInfo.InvariantCulture));
    }
}
