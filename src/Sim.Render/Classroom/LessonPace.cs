using Sim.Render.Playground;

namespace Sim.Render.Classroom;

/// <summary>
/// How fast a lesson step plays, paced for talking over it: the step opens paused on its first frame
/// (the lecturer reads the caption, then starts it); its first few steps go slowly enough to see each
/// one (Adam's 3.16× first step, the EMA's slow start); then its point shows within some twenty seconds
/// whether the step needs 20 steps or 15,000, at one of the speeds the ↑/↓ keys offer (60 per second ×2ⁿ),
/// never faster than a hall can follow.
/// </summary>
public static class LessonPace
{
    public const double Seconds = 20, Slowest = 6, Fastest = 960;

    /// <summary>The first steps of a lesson step, one at a time: this many, at this rate.</summary>
    public const int SlowSteps = 5;
    public const double SlowStepsPerSecond = 1.5;

    public static double StepsPerSecond(int runSteps)
    {
        double wanted = Math.Max(runSteps, 1) / Seconds;
        double rate = 60 * Math.Pow(2, Math.Round(Math.Log2(wanted / 60)));
        return Math.Clamp(rate, Slowest, Math.Min(Fastest, StepClock.MaxStepsPerSecond));
    }

    /// <summary>
    /// Sets <paramref name="clock"/> for a step of <paramref name="runSteps"/>: paused, then slowly, then at its
    /// pace, pausing again after its <paramref name="runSteps"/>, on the frame its caption describes (and
    /// <c>sim render --lesson</c> draws): the lab's table then shows the lab's numbers.
    /// </summary>
    public static void Apply(StepClock clock, int runSteps)
    {
        clock.Paused = true;
        clock.PauseAfter(runSteps);
        clock.StepsPerSecond = StepsPerSecond(runSteps);
        clock.BeginSlowly(SlowSteps, SlowStepsPerSecond);
    }
}
