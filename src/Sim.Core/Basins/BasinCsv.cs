using System.Globalization;
using Sim.Core.Simulation;

namespace Sim.Core.Basins;

/// <summary>A basin map as CSV (docs/cli.md): <c>x,y,end_x,end_y,loss,status</c>, grid order, round-trip numbers.</summary>
public static class BasinCsv
{
    public const string Header = "x,y,end_x,end_y,loss,status";

    public static void Write(BasinMap map, TextWriter output)
    {
        output.Write(Header);
        output.Write('\n');
        foreach (var c in map.Cells)
        {
            foreach (double v in (ReadOnlySpan<double>)[c.Start.X, c.Start.Y, c.End.X, c.End.Y, c.Loss])
            {
                output.Write(v.ToString("R", CultureInfo.InvariantCulture));
                output.Write(',');
            }
            output.Write(StatusName(c.Status));
            output.Write('\n');
        }
        output.Flush();
    }

    public static string StatusName(BallStatus status) => status switch
    {
        BallStatus.Converged => "converged",
        BallStatus.Diverged => "diverged",
        _ => "running",
    };
}
