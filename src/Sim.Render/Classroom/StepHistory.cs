namespace Sim.Render.Classroom;

/// <summary>
/// One step of a ball as the plots need it; floats, since a plot resolves a few hundred pixels and
/// the history of sixteen balls then fits in a few megabytes.
/// </summary>
public readonly record struct StepSample(
    int Step, float Loss, float BatchLoss, float LearningRate, float GradientX, float GradientY, float UpdateX, float UpdateY)
{
    /// <summary>|Δp|, the length of the step taken.</summary>
    public float StepLength => MathF.Sqrt(UpdateX * UpdateX + UpdateY * UpdateY);

    /// <summary>|g|, the size of the gradient the step used.</summary>
    public float GradientNorm => MathF.Sqrt(GradientX * GradientX + GradientY * GradientY);

    /// <summary>|Δxᵢ| / |gᵢ| on axis 0 (x) or 1 (y): the learning rate that axis effectively had; NaN without a gradient.</summary>
    public float EffectiveLearningRate(int axis)
    {
        float g = MathF.Abs(axis == 0 ? GradientX : GradientY), u = MathF.Abs(axis == 0 ? UpdateX : UpdateY);
        return g > 0 ? u / g : float.NaN;
    }
}

/// <summary>
/// The last <see cref="Capacity"/> steps of one ball in a ring buffer, the oldest overwritten first:
/// recording a step allocates nothing, and a long run keeps its recent past.
/// </summary>
public sealed class StepHistory(int capacity = StepHistory.DefaultCapacity)
{
    /// <summary>More steps than any lesson runs (the Rosenbrock race takes 15,000).</summary>
    public const int DefaultCapacity = 16384;

    private readonly StepSample[] _samples = new StepSample[capacity];
    private int _start;

    public int Capacity => _samples.Length;
    public int Count { get; private set; }

    /// <summary>The <paramref name="i"/>-th sample held, 0 the oldest.</summary>
    public ref readonly StepSample this[int i] => ref _samples[(_start + i) % _samples.Length];

    public ref readonly StepSample Latest => ref this[Count - 1];

    public void Add(in StepSample sample)
    {
        if (Count < _samples.Length) _samples[(_start + Count++) % _samples.Length] = sample;
        else
        {
            _samples[_start] = sample;
            _start = (_start + 1) % _samples.Length;
        }
    }

    public void Clear() => _start = Count = 0;
}
