namespace Sim.Render.Playground;

/// <summary>
/// Turns wall-clock time into fixed simulation steps: the simulation always takes whole steps (so a
/// run is the same at any frame rate) and the renderer draws <see cref="Fraction"/> of the way
/// between the last two. A slow frame catches up by at most <see cref="MaxStepsPerFrame"/> steps
/// rather than spiralling.
/// </summary>
public sealed class StepClock
{
    public const double MinStepsPerSecond = 0.25, MaxStepsPerSecond = 3840;

    private double _stepsPerSecond = 60, _slowRate;
    private double _accumulated;
    private int _slowSteps, _pauseIn = -1;

    public double StepsPerSecond
    {
        get => _stepsPerSecond;
        set => _stepsPerSecond = Math.Clamp(value, MinStepsPerSecond, MaxStepsPerSecond);
    }

    public bool Paused { get; set; }

    /// <summary>Most steps one frame may take; the rest of a long stall is dropped.</summary>
    public int MaxStepsPerFrame { get; set; } = 2000;

    /// <summary>How far the display is from the previous step to the latest, 0 to 1.</summary>
    public float Fraction => Paused ? 1 : (float)Math.Clamp(_accumulated, 0, 1);

    /// <summary>Steps still to take at the slow rate (<see cref="BeginSlowly"/>).</summary>
    public int SlowStepsLeft => _slowSteps;

    /// <summary>The next <paramref name="steps"/> steps at no more than <paramref name="stepsPerSecond"/>, then the usual rate.</summary>
    public void BeginSlowly(int steps, double stepsPerSecond)
    {
        _slowSteps = Math.Max(steps, 0);
        _slowRate = stepsPerSecond;
    }

    /// <summary>
    /// Pauses once <paramref name="steps"/> more steps have been ticked (a lesson step holds on the frame
    /// its caption describes; Space plays on); a negative count never pauses.
    /// </summary>
    public void PauseAfter(int steps) => _pauseIn = steps;

    /// <summary>Steps to take for <paramref name="seconds"/> of wall-clock time.</summary>
    public int Tick(double seconds)
    {
        if (_pauseIn < 0) return Steps(seconds);
        int steps = Math.Min(Steps(seconds), _pauseIn);
        _pauseIn -= steps;
        if (_pauseIn == 0)
        {
            Paused = true;
            _pauseIn = -1;
            _accumulated = 0;
        }
        return steps;
    }

    private int Steps(double seconds)
    {
        if (Paused || !(seconds > 0)) return 0;
        if (_slowSteps > 0)
        {
            _accumulated += seconds * Math.Min(_slowRate, _stepsPerSecond);
            int slow = Math.Min((int)Math.Floor(_accumulated), _slowSteps);
            _slowSteps -= slow;
            _accumulated = _slowSteps == 0 ? 0 : _accumulated - slow; // the usual pace starts from a whole step
            return slow;
        }
        _accumulated += seconds * _stepsPerSecond;
        int steps = (int)Math.Floor(_accumulated);
        if (steps > MaxStepsPerFrame)
        {
            _accumulated = 0;
            return MaxStepsPerFrame;
        }
        _accumulated -= steps;
        return steps;
    }

    /// <summary>Forgets the partial step, e.g. after a reset or a single step, so the display starts at a step.</summary>
    public void Restart() => _accumulated = 0;
}
