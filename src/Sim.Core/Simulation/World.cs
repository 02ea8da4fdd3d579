using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Planes;
using Sim.Core.Schedules;

namespace Sim.Core.Simulation;

/// <summary>
/// The simulation: an objective (a 2-D landscape, or a network on a data set) and its balls,
/// advanced in fixed steps, deterministic by seed.
/// On an objective with examples the world draws one mini-batch per step and every ball steps on it, so all
/// balls see the same batches in the same order and differ only by their rule; a ball with a
/// batch size of its own (batch, mini-batch and stochastic descent side by side) draws its own
/// from a generator seeded alike.
/// </summary>
public sealed class World
{
    private readonly List<Ball> balls;
    private IObjective objective;
    private SampledSlice? slice;
    private Schedule schedule;
    private int scheduleStart, stepsPerEpoch = 1;
    private int batchSize;
    private MiniBatches? batches;

    // A copy of the last batch, since the generator reuses its array when it reshuffles.
    private int[] lastBatch = [];
    private int lastBatchCount;

    /// <param name="objective">a 2-D <see cref="Landscapes.Landscape"/> or any other objective; every ball must have its number of parameters.</param>
    public World(IObjective objective, IEnumerable<Ball> balls, Schedule? schedule = null, int batchSize = 0, ulong seed = 1)
    {
        this.objective = objective;
        this.balls = [.. balls];
        this.schedule = schedule ?? new ConstantSchedule();
        Seed = seed;
        if (batchSize > 0) RequireBatchSize(objective, batchSize, of: null);
        this.batchSize = ClampBatch(objective, batchSize);
        foreach (var ball in this.balls) CheckBall(ball);
        Reset();
    }

    /// <summary>What the balls descend: a 2-D landscape or a network on its data.</summary>
    public IObjective Objective => objective;

    /// <summary>
    /// The 2-D landscape the balls are drawn on: the one they roll on, or for a network the loss over the
    /// plane of weight space it is shown on (<see cref="Slice"/>; sampled here on first use, with
    /// <see cref="PlaneChoice"/>, if nothing has shown one yet).
    /// </summary>
    public Landscape Landscape => objective as Landscape ?? slice ?? ShowNow();

    /// <summary>A network's drawn slice (null until one is shown, and on a 2-D landscape).</summary>
    public SampledSlice? Slice => slice;

    /// <summary>The plane of weight space a network is drawn on; null on a 2-D landscape and before the first slice.</summary>
    public WeightPlane? Plane => slice?.Plane;

    /// <summary>
    /// Which plane a network scene should show (the window's plane keys change it; the window recomputes
    /// the surface when it differs from the shown one). Ignored on a 2-D landscape.
    /// </summary>
    public PlaneChoice PlaneChoice { get; set; } = new();

    /// <summary>
    /// Shows the network on <paramref name="shown"/>: every ball's position, trail and gradient become
    /// projections onto its plane. Changes what is drawn, never the simulation.
    /// </summary>
    public void Show(SampledSlice shown)
    {
        if (objective is Landscape) throw new InvalidOperationException("a 2-D landscape is drawn as it is, not on a plane");
        if (shown.Plane.ParameterCount != objective.ParameterCount)
            throw new ArgumentException($"a plane of {shown.Plane.ParameterCount} parameters cannot show {objective.Name}", nameof(shown));
        slice = shown;
        foreach (var ball in balls) ball.Project(shown.Plane);
    }

    /// <summary>Samples the slice of <see cref="PlaneChoice"/> on this thread and shows it (headless commands, the first frame).</summary>
    public SampledSlice ShowNow(int resolution = SliceJob.DefaultResolution)
    {
        var job = SliceJob.Capture(this, PlaneChoice, resolution);
        var network = (NetworkObjective)objective;
        Show(job.Compute([new NetworkObjective(network.Shape, network.Data)]));
        return slice!;
    }
    public IReadOnlyList<Ball> Balls => balls;
    public ulong Seed { get; }

    /// <summary>World steps since the last reset.</summary>
    public int Step { get; private set; }

    /// <summary>Passes over the data so far (0 in the first); on an analytic landscape every <see cref="StepsPerEpoch"/> steps.</summary>
    public int Epoch => batches is { } b ? Math.Max(b.Epoch, 0) : Step / stepsPerEpoch;

    /// <summary>
    /// The epoch every ball is in, when they pass over the data at one pace (the shared batches, or batches
    /// of their own of one size); null when they are in different epochs (b = 256, 32 and 1 side by side),
    /// where one epoch for the scene would be true of one ball only.
    /// </summary>
    public int? CommonEpoch
    {
        get
        {
            if (objective.ExampleCount == 0 || balls.Count == 0) return Epoch;
            int? common = null;
            foreach (var ball in balls)
            {
                int epoch = (ball.OwnBatches ?? batches) is { } b ? Math.Max(b.Epoch, 0) : 0;
                if (common is { } c && c != epoch) return null;
                common = epoch;
            }
            return common;
        }
    }

    /// <summary>Whether a ball has a batch size of its own, so the scene's batch size is not every ball's (the side panel then says "per ball").</summary>
    public bool BatchPerBall
    {
        get
        {
            foreach (var ball in balls)
                if (ball.BatchSize is not null) return true;
            return false;
        }
    }

    /// <summary>
    /// On an analytic landscape, steps that count as one epoch for the schedule (1 by default, as
    /// <c>sim trace</c> has it): a scene can make decay visible but gentle. Unused on data landscapes.
    /// </summary>
    public int StepsPerEpoch
    {
        get => stepsPerEpoch;
        set
        {
            if (value < 1) throw new InputError($"steps per epoch {value} is out of range; expected 1 or more");
            stepsPerEpoch = value;
        }
    }

    /// <summary>
    /// The example indices of the last step's mini-batch (every ball without a batch size of its own
    /// stepped on it); empty before the
    /// first step and on an analytic landscape. Valid until the next step; allocates nothing.
    /// </summary>
    public ReadOnlySpan<int> LastBatch => lastBatch.AsSpan(0, lastBatchCount);

    /// <summary>
    /// The learning-rate schedule; switching it keeps every optimizer's state and starts the new
    /// schedule from the coming epoch (as if it were epoch 0), so decay switched on mid-run decays
    /// from the rate the balls have, not from where it would be had it run from the start.
    /// </summary>
    public Schedule Schedule
    {
        get => schedule;
        set
        {
            schedule = value;
            scheduleStart = batches is { } b ? b.NextEpoch : Step / stepsPerEpoch;
        }
    }

    /// <summary>The epoch the schedule counts from (0 unless it was switched mid-run).</summary>
    public int ScheduleStart => scheduleStart;

    /// <summary>
    /// The learning rate <paramref name="ball"/>'s next step will use: its base rate through the
    /// schedule at the epoch that step falls in. The step itself, the heads-up display and the step
    /// explainer all read it here.
    /// </summary>
    public double NextLearningRate(Ball ball) => LearningRateAt(ball, NextEpoch(ball));

    /// <summary>The epoch <paramref name="ball"/>'s next step falls in.</summary>
    public int NextEpoch(Ball ball) =>
        objective.ExampleCount == 0 ? ball.Steps / stepsPerEpoch : (ball.OwnBatches ?? batches)?.NextEpoch ?? 0;

    private double LearningRateAt(Ball ball, int epoch) => schedule.At(ball.Optimizer.LearningRate, Math.Max(epoch - scheduleStart, 0));

    /// <summary>Why a ball stopped that left the landscape lower than it started: off a saddle, not blown up.</summary>
    public const string EscapedDownhill = "escaped downhill";

    /// <summary>A ball farther than this many domain diagonals from the domain's centre has diverged.</summary>
    public const double EscapeDiagonals = 10;

    /// <summary>
    /// Trace mode: follow each trajectory wherever it goes, stopping a ball only when its position
    /// is no longer finite; no escape, no stop at a minimum. Off in the playground, where a ball
    /// that flies off, overflows its loss or reaches a minimum is frozen and labelled.
    /// </summary>
    public bool FollowAnywhere { get; set; }

    /// <summary>
    /// Examples per mini-batch on a data landscape (m for batch gradient descent, 1 for SGD);
    /// 0 on an analytic landscape. A change applies from the next step without a reset, to every
    /// ball without a batch size of its own.
    /// </summary>
    public int BatchSize
    {
        get => batchSize;
        set
        {
            if (objective.ExampleCount == 0) return;
            RequireBatchSize(objective, value, of: null);
            batchSize = value;
            if (batches is { } b) b.BatchSize = value;
        }
    }

    /// <summary>A cloud of points stepped with one ball's optimizer beside the balls, or null (<see cref="SwarmCloud"/>).</summary>
    public SwarmCloud? Swarm { get; set; }

    /// <summary>Adds a ball at its start; it joins the shared batch sequence where it stands.</summary>
    public void Add(Ball ball)
    {
        CheckBall(ball);
        balls.Add(ball);
        ball.Project(slice?.Plane);
        ball.Reset(objective, OwnBatches(ball));
    }

    /// <summary>Takes a ball out of the world (the window's Delete); the others keep running.</summary>
    public void Remove(Ball ball) => balls.Remove(ball);

    /// <summary>Puts <paramref name="ball"/> in place of the ball at <paramref name="index"/>, at its start (the window's optimizer switch).</summary>
    public void Replace(int index, Ball ball)
    {
        CheckBall(ball);
        balls[index] = ball;
        ball.Project(slice?.Plane);
        ball.Reset(objective, OwnBatches(ball));
    }

    /// <summary>All balls back to their starts with fresh state and the same seed.</summary>
    public void Reset()
    {
        Step = 0;
        scheduleStart = 0;
        batches = objective.ExampleCount > 0 ? new MiniBatches(objective.ExampleCount, batchSize, Seed) : null;
        if (lastBatch.Length < objective.ExampleCount) lastBatch = new int[objective.ExampleCount];
        lastBatchCount = 0;
        foreach (var ball in balls) ball.Reset(objective, OwnBatches(ball));
        Swarm?.Reset();
    }

    /// <summary>A race: every ball starts again from <paramref name="start"/>.</summary>
    public void Restart(Point2 start)
    {
        foreach (var ball in balls) ball.Start = start;
        Reset();
    }

    /// <summary>Moves to another landscape; balls restart from its default start.</summary>
    public void SwitchLandscape(Landscape landscape)
    {
        foreach (var ball in balls)
            if (ball.ParameterCount != 2) throw new InputError($"ball {InputError.Quote(ball.Label)} has {ball.ParameterCount} parameters; a landscape takes 2");
        objective = landscape;
        Swarm = Swarm?.On(landscape);
        batchSize = ClampBatch(landscape, batchSize == 0 ? landscape.ExampleCount : batchSize);
        Restart(landscape.DefaultStart);
    }

    /// <summary>
    /// Copies the examples of the batch <paramref name="ball"/>'s next step will use into
    /// <paramref name="into"/> (at least the data set's size) and returns how many; 0 on an analytic landscape.
    /// </summary>
    public int NextBatch(Ball ball, int[] into) => (ball.OwnBatches ?? batches)?.PeekNext(into) ?? 0;

    /// <summary>Advances every running, enabled ball by one optimizer step.</summary>
    public void Advance()
    {
        Step++;
        ReadOnlySpan<int> batch = default;
        if (batches is { } b)
        {
            batch = b.Next();
            batch.CopyTo(lastBatch);
            lastBatchCount = batch.Length;
        }
        foreach (var ball in balls)
        {
            if (ball.Status != BallStatus.Running || !ball.Enabled) continue;
            // The shared batch of this step is drawn already: its epoch is the world's.
            int epoch = objective.ExampleCount > 0 && ball.OwnBatches is null ? Epoch : NextEpoch(ball);
            ball.Advance(objective, LearningRateAt(ball, epoch), batch, epoch);
            Judge(ball);
        }
        if (Swarm is { } swarm)
        {
            int epoch = objective.ExampleCount > 0 ? Epoch : swarm.Steps / stepsPerEpoch;
            swarm.Advance(schedule.At(swarm.Optimizer.LearningRate, Math.Max(epoch - scheduleStart, 0)));
        }
    }

    /// <summary>Bias correction across the balls whose optimizer has it (Adam, AdamW, Ng's momentum).</summary>
    public BiasCorrectionState BiasCorrection
    {
        get
        {
            int on = 0, off = 0;
            for (int i = 0; i < balls.Count; i++) // indexed: no enumerator allocation per frame
            {
                if (balls[i].Optimizer is not IBiasCorrected corrected) continue;
                if (corrected.BiasCorrection) on++;
                else off++;
            }
            return (on, off) switch
            {
                (0, 0) => BiasCorrectionState.NotApplicable,
                (_, 0) => BiasCorrectionState.On,
                (0, _) => BiasCorrectionState.Off,
                _ => BiasCorrectionState.Mixed,
            };
        }
    }

    /// <summary>Sets bias correction on every optimizer that has it, keeping their state.</summary>
    public void SetBiasCorrection(bool on)
    {
        foreach (var ball in balls)
            if (ball.Optimizer is IBiasCorrected corrected) corrected.BiasCorrection = on;
    }

    private void Judge(Ball ball)
    {
        if (objective is not Landscape landscape)
        {
            JudgeVector(ball);
            return;
        }
        var p = ball.Position;
        if (!double.IsFinite(p.X) || !double.IsFinite(p.Y)) { ball.Diverge(NotFiniteReason(ball)); return; }
        if (FollowAnywhere) return;
        if (!double.IsFinite(ball.Loss))
        {
            ball.Diverge(double.IsNaN(ball.Loss) ? $"reached a hole: f is undefined at ({p.X:G4}, {p.Y:G4})" : "loss not finite");
            return;
        }
        var d = landscape.Domain;
        if (HasEscaped(d, p))
        {
            // Down and away (off a saddle) is an escape, the point of the saddle lessons; up and away is a blow-up.
            ball.Diverge(ball.Loss < landscape.Value(ball.Start.X, ball.Start.Y) ? EscapedDownhill : "left the landscape");
            return;
        }
        // A ball on noisy mini-batches jitters around the minimum by nature: it never "arrives".
        if (ball.SteppedOnMiniBatch) return;
        var u = ball.Update;
        double tolerance = ArrivalTolerance(d);
        if (Math.Sqrt(u.X * u.X + u.Y * u.Y) > tolerance) return;
        var minima = landscape.Minima;
        for (int i = 0; i < minima.Count; i++) // indexed: foreach over an interface allocates an enumerator
        {
            var m = minima[i];
            if (Math.Sqrt((p.X - m.X) * (p.X - m.X) + (p.Y - m.Y) * (p.Y - m.Y)) < tolerance)
            {
                ball.Converge();
                return;
            }
        }
    }

    /// <summary>A ball has arrived when its last step and its distance to a known minimum are both below this: a thousandth of the domain's diagonal.</summary>
    public static double ArrivalTolerance(Domain d) => 1e-3 * Math.Sqrt(d.Width * d.Width + d.Height * d.Height);

    /// <summary>Whether <paramref name="p"/> is farther than <see cref="EscapeDiagonals"/> diagonals from the domain's centre.</summary>
    public static bool HasEscaped(Domain d, Point2 p)
    {
        double diagonal = Math.Sqrt(d.Width * d.Width + d.Height * d.Height);
        double cx = (d.XMin + d.XMax) / 2, cy = (d.YMin + d.YMax) / 2;
        return Math.Sqrt((p.X - cx) * (p.X - cx) + (p.Y - cy) * (p.Y - cy)) > EscapeDiagonals * diagonal;
    }

    // A gradient that is undefined (NaN) where the ball stood means the landscape has a hole there
    // (a formula's log of a negative, 0/0), not that a step overflowed to infinity.
    private static string NotFiniteReason(Ball ball)
    {
        var g = ball.Gradient;
        if (!double.IsNaN(g.X) && !double.IsNaN(g.Y)) return "position not finite";
        var p = ball.Previous;
        return $"reached a hole: the gradient is undefined at ({p.X:G4}, {p.Y:G4})";
    }

    /// <summary>
    /// A ball on an objective of any size (a network) has diverged when a parameter or the loss of
    /// the batch it stepped on is no longer finite; it has no domain to leave and no known minimum.
    /// The full loss is not evaluated here: on mini-batches that would cost a pass over the data per step.
    /// </summary>
    private void JudgeVector(Ball ball)
    {
        foreach (var value in ball.ParameterVector)
        {
            if (double.IsFinite(value)) continue;
            ball.Diverge("parameters not finite");
            return;
        }
        if (!FollowAnywhere && !double.IsFinite(ball.BatchLoss)) ball.Diverge("loss not finite");
    }

    // A ball's own batch size is clamped like the world's, so a landscape switch never rejects it.
    private MiniBatches? OwnBatches(Ball ball) =>
        objective.ExampleCount > 0 && ball.BatchSize is { } own ? new MiniBatches(objective.ExampleCount, ClampBatch(objective, own), Seed) : null;

    private void CheckBall(Ball ball)
    {
        if (ball.ParameterCount != objective.ParameterCount)
            throw new InputError($"ball {InputError.Quote(ball.Label)} has {ball.ParameterCount} parameters; {objective.Name} takes {objective.ParameterCount}");
        if (ball.BatchSize is { } own) RequireBatchSize(objective, own, of: ball);
    }

    /// <summary>A batch size must be 1 to m on an objective with examples; analytic landscapes have no batches to size.</summary>
    private static void RequireBatchSize(IObjective objective, int value, Ball? of)
    {
        if (objective.ExampleCount > 0 && (value < 1 || value > objective.ExampleCount))
            throw new InputError($"batch size {value}{(of is null ? "" : $" of ball {InputError.Quote(of.Label)}")} is out of range; expected 1 to {objective.ExampleCount} (the number of examples)");
    }

    private static int ClampBatch(IObjective objective, int requested) =>
        objective.ExampleCount == 0 ? 0 : requested <= 0 ? objective.ExampleCount : Math.Min(requested, objective.ExampleCount);
}
