using Sim.Render.Playground;

namespace Sim.Render.Classroom;

/// <summary>
/// How fast a lesson step plays: its caption's point should show after some eight seconds whether the
/// step needs 20 steps or 15,000, at one of the speeds the ↑/↓ keys offer (60 steps per second ×2ⁿ).
/// </summary>
public static class LessonPace
{
    public const double Seconds = 8, Slowest = 15;

    public static double StepsPerSecond(int runSteps)
    {
        double wanted = Math.Max(runSteps, 1) / Seconds;
        double rate = 60 * Math.Pow(2, Math.Round(Math.Log2(wanted / 60)));
        return Math.Clamp(rate, Slowest, StepClock.MaxStepsPerSecond);
    }
}
