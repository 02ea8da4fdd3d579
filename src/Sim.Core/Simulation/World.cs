using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;

namespace Sim.Core.Simulation;

/// <summary>
/// The simulation: a landscape and its balls, advanced in fixed steps, deterministic by seed.
/// On a data landscape the world draws one mini-batch per step and every ball steps on it, so all
/// balls see the same batches in the same order and differ only by their rule; a ball with a
/// batch size of its own (batch, mini-batch and stochastic descent side by side) draws its own
/// from a generator seeded alike.
/// </summary>
public sealed class World
{
    private readonly List<Ball> balls;
    private Schedule schedule;
    private int scheduleStart, stepsPerEpoch = 1;
    private int batchSize;
    private MiniBatches? batches;

    // A copy of the last batch, since the generator reuses its array when it reshuffles.
    private int[] lastBatch = [];
    private int lastBatchCount;

    public World(Landscape landscape, IEnumerable<Ball> balls, Schedule? schedule = null, int batchSize = 0, ulong seed = 1)
    {
        Landscape = landscape;
        this.balls = [.. balls];
        this.schedule = schedule ?? new ConstantSchedule();
        Seed = seed;
        if (batchSize > 0) RequireBatchSize(landscape, batchSize, of: null);
        this.batchSize = ClampBatch(landscape, batchSize);
        foreach (var ball in this.balls) CheckOwnBatchSize(ball);
        Reset();
    }

    public Landscape Landscape { get; private set; }
    public IReadOnlyList<Ball> Balls => balls;
    public ulong Seed { get; }

    /// <summary>World steps since the last reset.</summary>
    public int Step { get; private set; }

    /// <summary>Passes over the data so far (0 in the first); on an analytic landscape every <see cref="StepsPerEpoch"/> steps.</summary>
    public int Epoch => batches is { } b ? Math.Max(b.Epoch, 0) : Step / stepsPerEpoch;

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
        Landscape.ExampleCount == 0 ? ball.Steps / stepsPerEpoch : (ball.OwnBatches ?? batches)?.NextEpoch ?? 0;

    private double LearningRateAt(Ball ball, int epoch) => schedule.At(ball.Optimizer.LearningRate, Math.Max(epoch - scheduleStart, 0));

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
            if (Landscape.ExampleCount == 0) return;
            RequireBatchSize(Landscape, value, of: null);
            batchSize = value;
            if (batches is { } b) b.BatchSize = value;
        }
    }

    /// <summary>Adds a ball at its start; it joins the shared batch sequence where it stands.</summary>
    public void Add(Ball ball)
    {
        CheckOwnBatchSize(ball);
        balls.Add(ball);
        ball.Reset(Landscape, OwnBatches(ball));
    }

    /// <summary>All balls back to their starts with fresh state and the same seed.</summary>
    public void Reset()
    {
        Step = 0;
        scheduleStart = 0;
        batches = Landscape.ExampleCount > 0 ? new MiniBatches(Landscape.ExampleCount, batchSize, Seed) : null;
        if (lastBatch.Length < Landscape.ExampleCount) lastBatch = new int[Landscape.ExampleCount];
        lastBatchCount = 0;
        foreach (var ball in balls) ball.Reset(Landscape, OwnBatches(ball));
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
        Landscape = landscape;
        batchSize = ClampBatch(landscape, batchSize == 0 ? landscape.ExampleCount : batchSize);
        Restart(landscape.DefaultStart);
    }

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
            int epoch = Landscape.ExampleCount > 0 && ball.OwnBatches is null ? Epoch : NextEpoch(ball);
            ball.Advance(Landscape, LearningRateAt(ball, epoch), batch, epoch);
            Judge(ball);
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
        var p = ball.Position;
        if (!double.IsFinite(p.X) || !double.IsFinite(p.Y)) { ball.Diverge("position not finite"); return; }
        if (FollowAnywhere) return;
        if (!double.IsFinite(ball.Loss)) { ball.Diverge("loss not finite"); return; }
        var d = Landscape.Domain;
        double diagonal = Math.Sqrt(d.Width * d.Width + d.Height * d.Height);
        double cx = (d.XMin + d.XMax) / 2, cy = (d.YMin + d.YMax) / 2;
        if (Math.Sqrt((p.X - cx) * (p.X - cx) + (p.Y - cy) * (p.Y - cy)) > EscapeDiagonals * diagonal)
        {
            ball.Diverge("left the landscape");
            return;
        }
        // A ball on noisy mini-batches jitters around the minimum by nature: it never "arrives".
        if (ball.SteppedOnMiniBatch) return;
        var u = ball.Update;
        double tolerance = 1e-3 * diagonal;
        if (Math.Sqrt(u.X * u.X + u.Y * u.Y) > tolerance) return;
        var minima = Landscape.Minima;
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

    // A ball's own batch size is clamped like the world's, so a landscape switch never rejects it.
    private MiniBatches? OwnBatches(Ball ball) =>
        Landscape.ExampleCount > 0 && ball.BatchSize is { } own ? new MiniBatches(Landscape.ExampleCount, ClampBatch(Landscape, own), Seed) : null;

    private void CheckOwnBatchSize(Ball ball)
    {
        if (ball.BatchSize is { } own) RequireBatchSize(Landscape, own, of: ball);
    }

    /// <summary>A batch size must be 1 to m on a data landscape; analytic landscapes have no batches to size.</summary>
    private static void RequireBatchSize(Landscape landscape, int value, Ball? of)
    {
        if (landscape.ExampleCount > 0 && (value < 1 || value > landscape.ExampleCount))
            throw new InputError($"batch size {value}{(of is null ? "" : $" of ball '{of.Label}'")} is out of range; expected 1 to {landscape.ExampleCount} (the number of examples)");
    }

    private static int ClampBatch(Landscape landscape, int requested) =>
        landscape.ExampleCount == 0 ? 0 : requested <= 0 ? landscape.ExampleCount : Math.Min(requested, landscape.ExampleCount);
}
