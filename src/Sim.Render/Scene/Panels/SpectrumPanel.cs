using Sim.Core.Lessons;
using Sim.Core.Networks;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Curvature in high dimension at the selected ball: the full-batch Hessian's whole eigenvalue
/// spectrum (<see cref="HessianSpectrum"/>) as a histogram on a symmetric log axis (decades either
/// side of a linear band around 0), negative eigenvalues in the warning colour; how many there are
/// (the saddle's index); and λmax against 2/lr, the sharpest curvature gradient descent at the ball's
/// next learning rate survives. The spectrum is computed on a thread of its own
/// (<see cref="BackgroundSpectrum"/>) at most every <see cref="RecomputeEvery"/> steps, never while
/// drawing; only the first one of a ball (a new scene, another ball selected, a headless frame) is
/// computed at once, so the panel never shows a stale ball. On a 2-D landscape it says in one line
/// that it is for network scenes.
/// </summary>
public sealed class SpectrumPanel : IPanel
{
    /// <summary>Weights up to which the panel computes the Hessian (n Hessian-vector products and an n × n eigendecomposition).</summary>
    public const int MaxParameters = 1000;

    public const int RecomputeEvery = 8, Bins = 41;

    /// <summary>Weights up to which a ball's first spectrum is computed at once (some 10 ms for the lab's 30, 40 ms for 65 on a loaded machine); a larger network's comes from the background.</summary>
    public const int ComputedAtOnce = 400;

    /// <summary>The axis's linear band around 0 is this share of the largest |λ|: the decades shown either side.</summary>
    public const double LinearShare = 1e-4;

    private readonly BackgroundSpectrum _background = new();
    private readonly int[] _counts = new int[Bins];
    private readonly TextLine _head = new(), _index = new(), _limit = new(), _tickLow = new(), _tickHigh = new();
    private NetworkObjective? _objective;
    private HessianSpectrum? _shown;
    private double _limitValue = double.NaN, _threshold = 1, _lowEnd, _highEnd;
    private int _requestedAt = -1;

    public static PanelKind Kind { get; } = new()
    {
        NetworkScenes = true,
        CliName = "spectrum", Title = "Hessian spectrum panel", Key = Key.Y, Modifier = Modifier.None, KeyLabel = "Y", Lesson = LessonPanels.Spectrum,
        AboutOneBall = true,
        Help = "the selected ball's Hessian spectrum: negative eigenvalues, λmax against 2/lr (network scenes)", Create = () => new SpectrumPanel(),
    };

    /// <summary>The spectrum the panel shows, as of the last <see cref="Update"/>.</summary>
    public HessianSpectrum? Shown => _shown;

    /// <summary>Where the histogram's bars stood in the last frame (their bottom is the axis).</summary>
    public PanelRect Bars { get; private set; }

    /// <summary>Eigenvalues counted into each bin of the histogram, from the most negative.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    public float PreferredHeight(in PanelContext c) => c.World.Objective is NetworkObjective
        ? PanelChrome.TitleHeight(c) + c.Pad + c.Small * 9.5f
        : PanelChrome.NoteHeight(c);

    /// <summary>Its heading line, bars three text heights tall with their axis, and the two facts under them: shorter, it drew no bars.</summary>
    public float LeastHeight(in PanelContext c) => c.World.Objective is NetworkObjective
        ? PanelChrome.TitleHeight(c) + c.Pad + c.Small * 8.2f
        : PanelChrome.NoteHeight(c);

    public void Update(World world, int selected)
    {
        if (world.Objective is not NetworkObjective objective || objective.ParameterCount > MaxParameters || world.Balls.Count == 0)
        {
            Forget(null);
            return;
        }
        if (!ReferenceEquals(objective, _objective)) Forget(objective);
        int focus = selected >= 0 && selected < world.Balls.Count ? selected : 0;
        var ball = world.Balls[focus];
        var latest = _background.Latest;
        if ((latest is null || latest.Ball != focus) && objective.ParameterCount <= ComputedAtOnce)
        {
            // A ball not yet shown: computed now, so the panel never shows another ball's spectrum.
            latest = HessianSpectrum.Of(objective, ball.ParameterVector, focus, ball.Steps);
            _background.Set(latest);
            _requestedAt = ball.Steps;
        }
        else if (latest is null || latest.Ball != focus)
        {
            // Too large to compute within a frame: asked for, and nothing shown until it comes.
            if (_requestedAt < 0 || !_background.Busy) _background.Request(objective, ball.ParameterVector, focus, ball.Steps);
            _requestedAt = ball.Steps;
            latest = null;
        }
        else if (Math.Abs(ball.Steps - _requestedAt) >= RecomputeEvery && !_background.Busy && ball.Status != BallStatus.Diverged)
        {
            _background.Request(objective, ball.ParameterVector, focus, ball.Steps);
            _requestedAt = ball.Steps;
        }
        _limitValue = 2 / world.NextLearningRate(ball);
        if (latest is null) _shown = null;
        else if (!ReferenceEquals(latest, _shown)) Show(latest);
    }

    private void Forget(NetworkObjective? objective)
    {
        _objective = objective;
        _shown = null;
        _requestedAt = -1;
        if (_background.Latest is not null || _background.Busy) _background.Clear();
    }

    /// <summary>Bins the spectrum on the symmetric log axis: s(λ) = sign(λ)·log10(1 + |λ|/t), t = <see cref="LinearShare"/>·max|λ|.</summary>
    private void Show(HessianSpectrum spectrum)
    {
        _shown = spectrum;
        double largest = Math.Max(Math.Abs(spectrum.Min), Math.Abs(spectrum.Max));
        _threshold = largest > 0 ? largest * LinearShare : 1;
        _lowEnd = Math.Min(SymLog(spectrum.Min), -1);
        _highEnd = Math.Max(SymLog(spectrum.Max), 1);
        Array.Clear(_counts);
        foreach (var v in spectrum.Eigenvalues) _counts[Bin(v)]++;
    }

    /// <summary>
    /// The histogram bin of eigenvalue <paramref name="value"/>: the bin of 0 holds only the flat ones
    /// (|λ| within the spectrum's zero), so every negative one is left of it and the bars agree with the index.
    /// </summary>
    public int Bin(double value)
    {
        int zero = Position(0);
        if (Math.Abs(value) <= (_shown?.Zero ?? 0)) return zero;
        int bin = Position(value);
        return value < 0 ? Math.Min(bin, zero - 1) : Math.Max(bin, zero + 1);
    }

    private int Position(double value) => Math.Clamp((int)((SymLog(value) - _lowEnd) / (_highEnd - _lowEnd) * Bins), 1, Bins - 2);

    private double SymLog(double value) => Math.Sign(value) * Math.Log10(1 + Math.Abs(value) / _threshold);

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var room = PanelChrome.Draw(window, rect, "Hessian spectrum (every direction)", c);
        if (c.World.Objective is not NetworkObjective objective)
        {
            PanelChrome.Note(window, room, PanelChrome.NetworkScenesOnly, c);
            return;
        }
        if (_shown is not { } spectrum)
        {
            var text = objective.ParameterCount > MaxParameters ? "too many weights for the whole Hessian here" : "computing the Hessian's spectrum…";
            PanelChrome.Note(window, room, text, c);
            return;
        }
        int size = c.Small * 9 / 10;
        float line = c.Small * 1.2f;
        // The facts (index, λmax against 2/lr) first; then the ball and step above; the histogram in what is left.
        int lines = (int)(room.Height / line);
        Bars = default;
        if (lines < 3)
        {
            DrawFacts(window, room.X, room.Y, room.Width, Math.Min(lines, 2), spectrum, c);
            return;
        }
        PanelChrome.Swatch(window, room.X, room.Y, c, spectrum.Ball);
        var head = _head.Clear().Append(spectrum.Eigenvalues.Length).Append(" eigenvalues at step ").Append(spectrum.Step).Span;
        TextFit.Draw(window, head, room.X + c.Small * 0.95f, room.Y, size, size * 3 / 4, room.Width - c.Small, c.Theme.Text);
        float factsY = room.Bottom - 2 * line;
        var bars = new PanelRect(room.X, room.Y + line * 1.1f, room.Width, factsY - line * 1.25f - (room.Y + line * 1.1f));
        if (bars.Height >= c.Small * 1.5f)
        {
            Bars = bars;
            DrawHistogram(window, bars, spectrum, c);
        }
        DrawFacts(window, room.X, factsY, room.Width, 2, spectrum, c);
    }

    private void DrawHistogram(Window window, PanelRect bars, HessianSpectrum spectrum, in PanelContext c)
    {
        int most = 1;
        foreach (var n in _counts) most = Math.Max(most, n);
        float width = bars.Width / Bins;
        int zeroBin = Bin(0);
        for (int b = 0; b < Bins; b++)
        {
            if (_counts[b] == 0) continue;
            // √ of the count, so a single eigenvalue beside a heap of flat ones still shows.
            float h = Math.Max(bars.Height * MathF.Sqrt(_counts[b] / (float)most), 2);
            var colour = b < zeroBin ? c.Theme.Warning : b == zeroBin ? c.Theme.DimText : c.Theme.Good;
            window.DrawRectangle(bars.X + b * width + 0.5f, bars.Bottom - h, Math.Max(width - 1, 1), h, colour);
        }
        window.DrawRectangle(bars.X, bars.Bottom, bars.Width, 1, c.Theme.DimText.WithAlpha(120));
        float zeroX = bars.X + (float)((0 - _lowEnd) / (_highEnd - _lowEnd)) * bars.Width;
        window.DrawRectangle(zeroX, bars.Y, 1, bars.Height, c.Theme.DimText.WithAlpha(120));
        if (_limitValue > 0 && SymLog(_limitValue) <= _highEnd)
        {
            float limitX = bars.X + (float)((SymLog(_limitValue) - _lowEnd) / (_highEnd - _lowEnd)) * bars.Width;
            window.DrawRectangle(limitX - 1, bars.Y, 2, bars.Height, c.Theme.Bad);
        }
        int size = c.Small * 4 / 5;
        float below = bars.Bottom + c.Small * 0.15f;
        var low = _tickLow.Clear().AppendShort(spectrum.Min).Span;
        var high = _tickHigh.Clear().AppendShort(spectrum.Max).Span;
        float lowEnd = bars.X + window.MeasureText(low, size).X, highStart = bars.Right - window.MeasureText(high, size).X;
        float zeroWidth = window.MeasureText("0", size).X, zeroStart = zeroX - zeroWidth / 2, gap = size * 0.5f;
        window.DrawText(low, bars.X, below, size, c.Theme.DimText);
        window.DrawText(high, highStart, below, size, c.Theme.DimText);
        // 0 only where it clears both ends' labels (the spectrum may be nearly all on one side).
        if (zeroStart > lowEnd + gap && zeroStart + zeroWidth < highStart - gap) window.DrawText("0", zeroStart, below, size, c.Theme.DimText);
    }

    /// <summary>The index line and (with two lines) λmax against 2/lr.</summary>
    private void DrawFacts(Window window, float x, float y, float width, int lines, HessianSpectrum spectrum, in PanelContext c)
    {
        if (lines < 1) return;
        int size = c.Small * 9 / 10;
        float line = c.Small * 1.2f;
        int n = spectrum.Eigenvalues.Length, negative = spectrum.NegativeCount;
        var index = negative == 0
            ? _index.Clear().Append("none of ").Append(n).Append(" negative: no way down (a minimum, or flat)").Span
            : _index.Clear().Append(negative).Append(" of ").Append(n).Append(" negative: a saddle of index ").Append(negative).Span;
        TextFit.Draw(window, index, x, y, size, size * 3 / 4, width, negative > 0 ? c.Theme.Warning : c.Theme.Stats);
        if (lines < 2) return;
        bool stable = spectrum.Stable(2 / _limitValue);
        var limit = _limit.Clear().Append("λmax ").AppendShort(spectrum.Max).Append(stable ? " < " : " > ").Append("2/lr ").AppendShort(_limitValue)
            .Append(stable ? ": stable for GD" : ": GD overshoots").Span;
        TextFit.Draw(window, limit, x, y + line, size, size * 3 / 4, width, stable ? c.Theme.Stats : c.Theme.Bad);
    }
}
