using System.Globalization;

namespace Sim.Core.Simulation;

/// <summary>
/// Writes recorded trajectories as CSV, one row per ball and step:
/// <c>ball,label,optimizer,step,x,y,loss,learning_rate</c>, ball being the index in the world.
/// Numbers are round-trip ("R") with '.' whatever the culture, so a reader gets the exact doubles.
/// </summary>
public static class TrajectoryCsv
{
    public const string Header = "ball,label,optimizer,step,x,y,loss,learning_rate";

    /// <summary>Writes the CSV to <paramref name="path"/> whole or not at all (<see cref="WholeFile"/>).</summary>
    public static void WriteFile(TrajectoryRecorder recorder, string path) => WholeFile.WriteText(path, writer => Write(recorder, writer));

    public static void Write(TrajectoryRecorder recorder, TextWriter output)
    {
        output.Write(Header);
        output.Write('\n');
        var balls = recorder.World.Balls;
        for (int i = 0; i < balls.Count; i++)
        {
            string prefix = $"{i.ToString(CultureInfo.InvariantCulture)},{Field(balls[i].Label)},{Field(balls[i].Optimizer.Name)},";
            foreach (var p in recorder.Of(i))
            {
                output.Write(prefix);
                output.Write(p.Step.ToString(CultureInfo.InvariantCulture));
                foreach (double v in (ReadOnlySpan<double>)[p.Position.X, p.Position.Y, p.Loss, p.LearningRate])
                {
                    output.Write(',');
                    output.Write(v.ToString("R", CultureInfo.InvariantCulture));
                }
                output.Write('\n');
            }
        }
        output.Flush();
    }

    // RFC 4180: a label with a comma, quote or line break is quoted, its quotes doubled.
    internal static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
