using System.Globalization;
using Sim.Core.Lessons;

namespace Sim.Commands;

/// <summary>
/// <c>sim lessons [--verbose]</c>: the built-in lessons, one line each (number, name, step count,
/// title); with <c>--verbose</c> each step's caption below its lesson.
/// </summary>
public static class LessonsCommand
{
    public static int Run(string[] args)
    {
        var a = new Arguments("lessons", args, [], ["--verbose"]);
        bool verbose = a.Has("--verbose");
        var output = Console.Out;
        int width = LessonCatalog.Names.Max(n => n.Length);
        foreach (var lesson in LessonCatalog.All)
        {
            string steps = $"{lesson.Steps.Count.ToString(CultureInfo.InvariantCulture)} steps";
            output.WriteLine($"{lesson.Number,2}  {lesson.Name.PadRight(width)}  {steps,-8}  {lesson.Title}");
            if (!verbose) continue;
            for (int k = 1; k <= lesson.Steps.Count; k++)
                output.WriteLine($"      {k,2}. {lesson.Step(k).Caption}");
        }
        return 0;
    }
}
