using Sim.Core.Lessons;
using Sim.Render.Playground;
using System.Globalization;
using System.Numerics;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// The selected ball's next update taken apart (<see cref="StepExplanation"/>): in the panel the
/// gradient, each state slot before and after, the bias-correction factors, the per-axis scaling and
/// the step; on the surface, arrows from the ball for −lr·g (what plain descent would do), −lr·m (the
/// momentum or first moment, where the rule keeps one) and the step itself, all at one scale so their
/// lengths compare, each named at its tip. Worked out again only when the ball or its rule changes.
/// </summary>
public sealed class StepExplainer : IPanel
{
    /// <summary>Slots that hold a running average of gradients or steps: the "momentum" of each rule.</summary>
    private static readonly string[] MomentSlots = ["exp_avg", "momentum_buffer", "velocity"];

    /// <summary>The longest arrow, as a share of the domain's larger side.</summary>
    public const float ArrowLength = 0.22f;

    private ExplainedFor _explainedFor;
    private string[] _lines = [];
    private readonly TextMemo<string> _title = new();
    private string _scaleNote = "";
    private Point2 _plain, _moment, _step;
    private bool _hasMoment;
    private double _arrowScale;
    private readonly Vector3[] _tips = new Vector3[3];
    private readonly bool[] _tipShown = new bool[3];
    private static readonly string[] TipNames = ["−lr·g", "−lr·m", "step"];

    public static PanelKind Kind { get; } = new()
    {
        CliName = "explainer", Title = "step explainer", Key = Key.E, Modifier = Modifier.None, KeyLabel = "E", AboutOneBall = true,
        Pauses = true, LandscapeScenes = true, Help = "step explainer: the selected ball's next step taken apart (pauses)", Create = () => new StepExplainer(),
    };

    public StepExplanation? Explanation { get; private set; }

    /// <summary>Seconds into the part-by-part playback (set in update from the app state), or null: everything at once.</summary>
    public double? Playback { get; set; }

    /// <summary>The parts of the explained step, in playing order.</summary>
    public ExplainerPart[] Parts { get; private set; } = [];

    /// <summary>The part on screen, or null when not playing.</summary>
    public ExplainerPart? Part => Playback is { } s && Parts.Length > 0 ? Parts[ExplainerParts.At(s, Parts.Length)] : null;

    private readonly TextMemo<(ExplainerPart, StepExplanation)> _caption = new();
    private Vector3 _ghost;
    private bool _ghostShown;

    /// <summary>On a network scene only its one-line note, so the network's own panels get the room.</summary>
    public float PreferredHeight(in PanelContext c) => c.World.Objective is not Sim.Core.Landscapes.Landscape ? PanelChrome.NoteHeight(c)
        : PanelChrome.TitleHeight(c) + c.Pad + (Math.Max(_lines.Length, 7) + 1.2f) * RowHeight(c);

    private static float RowHeight(in PanelContext c) => c.Small * 1.15f;

    /// <summary>Explains the ball the panel is about, if anything changed since the last time.</summary>
    public void Update(World world, int selected)
    {
        // A network's step has a number per weight: taking apart its projection would mix the plane's gradient with the first weights' state.
        if (selected < 0 || selected >= world.Balls.Count || world.Objective is not Sim.Core.Landscapes.Landscape)
        {
            Explanation = null;
            _explainedFor = default;
            return;
        }
        var ball = world.Balls[selected];
        var key = new ExplainedFor(ball, ball.Steps, world.Step, ball.Optimizer, ball.Optimizer.LearningRate, world.Schedule,
            world.BiasCorrection, world.Landscape, world.BatchSize);
        if (key == _explainedFor && Explanation is not null) return;
        _explainedFor = key;
        var e = StepExplanation.Of(world, ball);
        Explanation = e;
        _plain = new Point2(-e.LearningRate * e.Gradient.X, -e.LearningRate * e.Gradient.Y);
        _hasMoment = false;
        foreach (var slot in e.Slots)
            if (Array.IndexOf(MomentSlots, slot.Name) >= 0)
            {
                _moment = new Point2(-e.LearningRate * slot.After.X, -e.LearningRate * slot.After.Y);
                _hasMoment = true;
                break;
            }
        _step = e.Update;
        double longest = Math.Max(Length(_plain), Math.Max(_hasMoment ? Length(_moment) : 0, Length(_step)));
        var d = world.Landscape.Domain;
        _arrowScale = longest > 0 && double.IsFinite(longest) ? ArrowLength * Math.Max(d.Width, d.Height) / longest : 0;
        _lines = Lines(ball, e);
        Parts = ExplainerParts.Of(e);
        _scaleNote = string.Create(CultureInfo.InvariantCulture, $"arrows ×{NumberText.Short(_arrowScale)}: white −lr·g, grey −lr·m, coloured the step");
    }

    /// <summary>
    /// What the explanation depends on: the ball, its rule and rate, the schedule, and the world's step
    /// and batch size (on mini-batches, the next batch moves on with every step of the world, even one the
    /// ball sat out).
    /// </summary>
    private readonly record struct ExplainedFor(Ball? Ball, int BallSteps, int WorldStep, object? Optimizer, double LearningRate,
        object? Schedule, BiasCorrectionState BiasCorrection, object? Landscape, int BatchSize);

    private static double Length(Point2 p) => Math.Sqrt(p.X * p.X + p.Y * p.Y);

    private static string[] Lines(Ball ball, StepExplanation e)
    {
        static string P(Point2 p) => $"({NumberText.Short(p.X)}, {NumberText.Short(p.Y)})";
        var lines = new List<string>
        {
            $"step {e.Step} of {ball.Optimizer.Name}, lr {NumberText.Short(e.LearningRate)}",
            $"g = {P(e.Gradient)}{BatchNote(e)}",
        };
        foreach (var slot in e.Slots) lines.Add($"{slot.Name}  {P(slot.Before)} → {P(slot.After)}");
        if (e.Factors.Count > 0)
            lines.Add(string.Join("    ", e.Factors.Select(f => $"{f.Name.Replace("-", "−")} = {NumberText.Short(f.Value)}")));
        lines.Add($"step ÷ (−lr·g) per axis:  x ×{NumberText.Short(e.Scaling.X)}   y ×{NumberText.Short(e.Scaling.Y)}");
        lines.Add($"effective lr:  x {NumberText.Short(e.EffectiveLearningRate.X)}   y {NumberText.Short(e.EffectiveLearningRate.Y)}");
        lines.Add($"step Δ = {P(e.Update)}");
        return [.. lines];
    }

    /// <summary>Whose gradient it is on a data landscape: the whole data set's, or the next mini-batch's.</summary>
    private static string BatchNote(StepExplanation e) =>
        e.BatchSize == 0 ? "" : e.FullBatch ? "  (full batch)" : $"  (next batch of {e.BatchSize})";

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var room = PanelChrome.Draw(window, rect, Explanation is null || c.Selected < 0 || c.Selected >= c.World.Balls.Count
            ? "next step, taken apart" : _title.Get(c.World.Balls[c.Selected].Label, static label => $"next step of {label}, taken apart"), c);
        if (Explanation is null)
        {
            PanelChrome.Note(window, room, c.World.Objective is Sim.Core.Landscapes.Landscape ? "Tab selects a ball" : "for 2-D scenes: a network's step has a number per weight", c);
            return;
        }
        int size = c.Small * 9 / 10;
        int rows = Math.Min(_lines.Length, Math.Max((int)(room.Height / RowHeight(c)) - 1, 1));
        for (int i = 0; i < rows; i++)
            TextFit.Draw(window, _lines[i], room.X, room.Y + i * RowHeight(c), size, size * 2 / 3, room.Width, i == rows - 1 ? c.Theme.Text : c.Theme.Stats);
        TextFit.Draw(window, _scaleNote, room.X, room.Y + rows * RowHeight(c) + c.Small * 0.2f, size * 4 / 5, size * 3 / 5, room.Width, c.Theme.DimText);
    }

    /// <summary>The three arrows from the explained ball, on the surface.</summary>
    public void AppendSurfaceLines(World world, int selected, ScenePlacement placement, BallPositions positions, Theme theme, SegmentBuffer into)
    {
        Array.Clear(_tipShown);
        if (Explanation is null || selected < 0 || selected >= positions.Count || !positions.IsPlaced(selected) || _arrowScale <= 0) return;
        var ball = world.Balls[selected];
        var from = positions.Point(selected);
        var start = positions.Centre(selected);
        float r = placement.BallRadius;
        // Playing: only the parts said so far.
        var part = Part ?? ExplainerPart.Landing;
        Arrow(0, _plain, theme.Gradient);
        if (_hasMoment && part >= ExplainerPart.Momentum) Arrow(1, _moment, theme.Moment);
        if (part >= ExplainerPart.Step) Arrow(2, _step, theme.Of(ball));
        _ghostShown = Part == ExplainerPart.Landing && placement.TryPlaceBall(new Point2(from.X + _step.X, from.Y + _step.Y), r, out _ghost);
        if (_ghostShown) Ring(_ghost, r, theme.Of(ball), into);

        void Arrow(int k, Point2 v, Color colour)
        {
            double length = Length(v) * _arrowScale;
            if (!(length > 0)) return;
            ArrowGeometry.Arrow(placement, from, start, v.X, v.Y, length, r, colour, into);
            if (placement.TryPlace(new Point2(from.X + v.X * _arrowScale, from.Y + v.Y * _arrowScale), r, out _tips[k])) _tipShown[k] = true;
        }
    }

    /// <summary>The ghost ball: a ring where the step lands.</summary>
    private static void Ring(Vector3 centre, float r, Color colour, SegmentBuffer into)
    {
        const int sides = 24;
        for (int k = 0; k < sides; k++)
        {
            float a = 2 * MathF.PI * k / sides, b = 2 * MathF.PI * (k + 1) / sides;
            if (k % 2 == 1) continue; // dashed: a ghost, not a ball
            into.Add(new LineSegment(centre + new Vector3(MathF.Cos(a), 0, MathF.Sin(a)) * r * 1.3f,
                centre + new Vector3(MathF.Cos(b), 0, MathF.Sin(b)) * r * 1.3f, colour));
        }
    }

    /// <summary>While playing, what is said over the part on screen; null otherwise.</summary>
    public string? PlayingCaption => Part is { } part && Explanation is { } e ? _caption.Get((part, e), static k => ExplainerParts.Caption(k.Item1, k.Item2)) : null;

    /// <summary>Names each arrow at its tip.</summary>
    public void DrawOverScene(Window window, in OverlayFrame frame, in PanelContext c)
    {
        int size = c.Small;
        for (int k = 0; k < _tips.Length; k++)
        {
            if (!_tipShown[k] || !frame.Camera.TryWorldToScreen(_tips[k], window.Width, window.Height, out var at)) continue;
            var extent = window.MeasureText(TipNames[k], size);
            window.DrawRectangle(at.X + 4, at.Y - extent.Y - 2, extent.X + 6, extent.Y, c.Theme.Panel);
            window.DrawText(TipNames[k], at.X + 7, at.Y - extent.Y - 2, size, c.Theme.Text);
        }
    }
}
