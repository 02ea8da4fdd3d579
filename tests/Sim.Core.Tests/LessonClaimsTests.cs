using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>Each lesson's captions checked against the simulation: what a step says to watch for does happen.</summary>
public class LessonClaimsTests
{
    private static TrajectoryRecorder Run(string lesson, int k, int? steps = null)
    {
        var step = LessonCatalog.Find(lesson).Step(k);
        var recorder = new TrajectoryRecorder(step.Scenario.CreateWorld());
        for (int s = 0; s < (steps ?? step.RunSteps); s++)
        {
            recorder.World.Advance();
            recorder.Record();
        }
        return recorder;
    }

    /// <summary>The ball labelled <paramref name="label"/>, or else the only one whose label starts so.</summary>
    private static int Ball(TrajectoryRecorder r, string label)
    {
        var balls = r.World.Balls.Select((b, i) => (b, i)).ToList();
        var exact = balls.Where(e => e.b.Label == label).ToList();
        return (exact.Count > 0 ? exact : balls.Where(e => e.b.Label.StartsWith(label, StringComparison.Ordinal))).Single().i;
    }

    private static double Distance(Point2 a, Point2 b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>Mean distance over steps from..to; a ball that stopped earlier counts where it stopped.</summary>
    private static double MeanDistance(TrajectoryRecorder r, int ball, int from, int to, Point2 target)
    {
        var points = r.Of(ball);
        return Enumerable.Range(from, to - from + 1).Average(s => Distance(points.Last(p => p.Step <= s).Position, target));
    }

    private static int SignChanges(IEnumerable<double> values)
    {
        int changes = 0, last = 0;
        foreach (double v in values)
        {
            int sign = Math.Sign(v);
            if (sign != 0 && last != 0 && sign != last) changes++;
            if (sign != 0) last = sign;
        }
        return changes;
    }

    [Fact]
    public void MiniBatchLosses_AreNoisyWhileTheBatchLossFallsSmoothly()
    {
        var batch = Run("minibatch", 1);
        var full = batch.Of(0).Skip(1).Select(p => p.BatchLoss).ToList();
        Assert.All(full.Zip(full.Skip(1)), pair => Assert.True(pair.Second <= pair.First));

        var mini = Run("minibatch", 2);
        var losses = mini.Of(0).Skip(1).Select(p => p.BatchLoss).ToList();
        int rises = losses.Zip(losses.Skip(1)).Count(pair => pair.Second > pair.First);
        Assert.True(rises > losses.Count / 5, $"mini-batch loss rose {rises} times in {losses.Count} steps");
        Assert.True(losses.TakeLast(10).Average() < losses.Take(10).Average() / 3);
    }

    [Fact]
    public void MiniBatch_SmallerBatchesWanderFartherAndASmallerRateShrinksTheCloud()
    {
        var sideBySide = Run("minibatch", 3);
        var minimum = sideBySide.World.Landscape.Minima[0];
        int batch = Ball(sideBySide, "batch"), stochastic = Ball(sideBySide, "stochastic");
        Assert.Equal(BallStatus.Running, sideBySide.World.Balls[stochastic].Status);
        Assert.Equal(1, sideBySide.World.Balls[stochastic].BatchSize);
        Assert.True(MeanDistance(sideBySide, stochastic, 100, 150, minimum) > 5 * MeanDistance(sideBySide, batch, 100, 150, minimum));

        // The same stochastic ball at both rates, its cloud measured over the same late steps.
        var fast = Run("minibatch", 3, steps: 600);
        var slow = Run("minibatch", 4);
        Assert.True(MeanDistance(slow, stochastic, 300, 600, minimum) < 0.6 * MeanDistance(fast, stochastic, 300, 600, minimum));
    }

    [Fact]
    public void InputTricks_TakeTheConditionNumberFromLargeToOne()
    {
        var lesson = LessonCatalog.Find("inputs");
        var conditions = lesson.Steps.Select(s => ((LinearRegression)s.Scenario.CreateWorld().Landscape).ConditionNumber).ToList();
        Assert.True(conditions[0] > 100, $"raw condition number {conditions[0]}");
        for (int i = 1; i < conditions.Count; i++) Assert.True(conditions[i] < conditions[i - 1]);
        Assert.Equal(1, conditions[^1], 1e-9);
        // The captions quote the numbers the landscapes have.
        Assert.Contains($"{conditions[0]:F0}", lesson.Step(1).Caption);
        Assert.Contains($"{conditions[1]:F0}", lesson.Step(2).Caption);
        Assert.Contains($"{conditions[2]:F1}", lesson.Step(3).Caption);
    }

    [Fact]
    public void InputTricks_EachTrickReachesTheMinimumSooner()
    {
        var raw = Run("inputs", 1).World.Balls[0];
        Assert.Equal(BallStatus.Running, raw.Status);
        var arrivals = Enumerable.Range(2, 3).Select(k => Run("inputs", k).World.Balls[0].ConvergedAt ?? int.MaxValue).ToList();
        Assert.True(arrivals[0] > arrivals[1] && arrivals[1] > arrivals[2], string.Join(", ", arrivals));
        Assert.True(arrivals[2] <= 10, $"the round bowl took {arrivals[2]} steps");
    }

    [Fact]
    public void Ema_UncorrectedMomentumStartsFiftyTimesSlowerThanCorrected()
    {
        var r = Run("ema", 4, steps: 1);
        var uncorrected = r.World.Balls[0];
        var corrected = r.World.Balls[1];
        double ratio = Distance(corrected.Position, corrected.Start) / Distance(uncorrected.Position, uncorrected.Start);
        Assert.Equal(1 / (1 - 0.98), ratio, 1e-6);
    }

    [Fact]
    public void Momentum_DampsTheZigzagAndGetsLower()
    {
        var r = Run("momentum", 2);
        int plain = Ball(r, "gradient descent"), heavy = Ball(r, "heavy ball");
        int plainFlips = SignChanges(r.Of(plain).Select(p => p.Position.Y));
        int heavyFlips = SignChanges(r.Of(heavy).Select(p => p.Position.Y));
        int steps = r.Of(plain).Count - 1;
        Assert.True(plainFlips >= steps * 9 / 10, $"plain descent changed side {plainFlips} times in {steps} steps");
        Assert.True(heavyFlips <= plainFlips / 3, $"heavy ball {heavyFlips}, plain {plainFlips}");
        Assert.True(r.World.Balls[heavy].Loss < r.World.Balls[plain].Loss / 5);
    }

    [Fact]
    public void Momentum_NgsFormIsStableAtARateThatPlainDescentCannotTake()
    {
        var step = LessonCatalog.Find("momentum").Step(3);
        var r = Run("momentum", 3);
        int ng = Ball(r, "Ng's");
        Assert.True(r.World.Balls[ng].Loss < r.World.Balls[Ball(r, "gradient descent")].Loss / 5);
        double lr = double.Parse(step.Scenario.Balls[ng].Params["lr"], System.Globalization.CultureInfo.InvariantCulture);
        var plainAtThatRate = step.Scenario with { Balls = [new BallSpec("sgd", new Dictionary<string, string> { ["lr"] = $"{lr}" })] };
        var world = plainAtThatRate.CreateWorld();
        for (int s = 0; s < 300 && world.Balls[0].Status == BallStatus.Running; s++) world.Advance();
        Assert.Equal(BallStatus.Diverged, world.Balls[0].Status);
    }

    [Fact]
    public void Momentum_NesterovOvershootsLessAndTooMuchMomentumCircles()
    {
        var r = Run("momentum", 4);
        Assert.Equal(BallStatus.Converged, r.World.Balls[Ball(r, "Nesterov")].Status);
        Assert.Equal(BallStatus.Running, r.World.Balls[Ball(r, "heavy ball")].Status);
        var tooMuch = Run("momentum", 5);
        Assert.Equal(BallStatus.Converged, tooMuch.World.Balls[Ball(tooMuch, "heavy ball, μ = 0.9")].Status);
        Assert.True(tooMuch.World.Balls[Ball(tooMuch, "heavy ball, μ = 0.99")].Loss > 1);
    }

    [Fact]
    public void Gains_GrowForTheFlatWeightAndBeatOneGlobalRate()
    {
        var r = Run("gains", 2);
        var global = r.World.Balls[Ball(r, "one global rate")];
        var gains = r.World.Balls[Ball(r, "gains")];
        Assert.Equal(BallStatus.Converged, gains.Status);
        Assert.True(Distance(global.Position, new Point2(0, 0)) > 0.5);
        // Part way along, the flat x's gain has grown and the steep y's hovers near its start, 1:
        // above that, y would overshoot, flip its sign and shrink its gain again.
        var early = Run("gains", 2, steps: 40).World.Balls[1].State.Slots[0];
        Assert.True(early[0] > 2.5, $"x gain {early[0]}");
        Assert.InRange(early[1], 0.8, 1.2);
        var withMomentum = Run("gains", 3).World.Balls[2];
        Assert.True(withMomentum.ConvergedAt < gains.ConvergedAt);
    }

    [Fact]
    public void Gains_ShrinkOnSmallMiniBatches()
    {
        var r = Run("gains", 4, steps: 30);
        double full = r.World.Balls[Ball(r, "gains, full")].State.Slots[0].Average();
        double mini = r.World.Balls[Ball(r, "gains, b = 4")].State.Slots[0].Average();
        Assert.True(mini < full, $"mini-batch gains {mini}, full-batch gains {full}");
        var end = Run("gains", 4);
        Assert.Equal(BallStatus.Converged, end.World.Balls[0].Status);
        Assert.Equal(BallStatus.Running, end.World.Balls[1].Status);
    }

    [Fact]
    public void Rprop_StallsOnMiniBatchesWhereRmspropGetsThere()
    {
        var r = Run("rmsprop", 2);
        var minimum = r.World.Landscape.Minima[0];
        Assert.Equal(BallStatus.Converged, r.World.Balls[0].Status);
        var stalled = r.World.Balls[1];
        Assert.True(Distance(stalled.Position, minimum) > 0.5);
        var last = r.Of(1).TakeLast(100).ToList();
        Assert.True(Distance(last[0].Position, last[^1].Position) < 1e-3, "rprop on mini-batches still moves");

        var both = Run("rmsprop", 3);
        Assert.True(Distance(both.World.Balls[1].Position, minimum) < Distance(both.World.Balls[0].Position, minimum) / 5);
    }

    [Fact]
    public void Adam_WithoutBiasCorrectionTakesAFirstStepAbout3Point16TimesLarger()
    {
        var r = Run("adam", 2, steps: 1);
        var corrected = r.World.Balls[Ball(r, "adam, bias-corrected")];
        var uncorrected = r.World.Balls[Ball(r, "adam, no bias")];
        double ratio = Distance(uncorrected.Position, uncorrected.Start) / Distance(corrected.Position, corrected.Start);
        Assert.Equal((1 - 0.9) / Math.Sqrt(1 - 0.999), ratio, 1e-4);

        // Along the ravine's floor the gradient keeps its sign, and the uncorrected steps there keep
        // growing while the corrected ones stay at about lr.
        var twelve = Run("adam", 2, steps: 12);
        double StepX(int ball, int t) => Math.Abs(twelve.Of(ball)[t].Position.X - twelve.Of(ball)[t - 1].Position.X);
        Assert.True(StepX(1, 12) > 1.1 * StepX(1, 1), $"uncorrected x steps {StepX(1, 1)} then {StepX(1, 12)}");
        Assert.InRange(StepX(0, 12) / 0.05, 0.9, 1.01);
    }

    [Fact]
    public void Adam_BiasCorrectionDecidesWhichMinimumHimmelblauGives()
    {
        var r = Run("adam", 3);
        Assert.All(r.World.Balls, b => Assert.Equal(BallStatus.Converged, b.Status));
        Assert.True(Distance(r.World.Balls[0].Position, r.World.Balls[1].Position) > 1);
    }

    [Fact]
    public void Decay_EverySchedulesSettlesWhereTheConstantRateWanders()
    {
        var lesson = LessonCatalog.Find("decay");
        // Mini-batch balls never "arrive" (their noise keeps them moving), so settling is measured:
        // the mean step length over the last 32 steps (one epoch of b = 8 on 256 examples).
        static double Jitter(TrajectoryRecorder r)
        {
            var points = r.Of(0);
            double sum = 0;
            for (int i = points.Count - 32; i < points.Count; i++) sum += Distance(points[i].Position, points[i - 1].Position);
            return sum / 32;
        }
        var constant = Run("decay", 1);
        Assert.Equal(BallStatus.Running, constant.World.Balls[0].Status);
        double wander = Jitter(constant);
        Assert.Equal(["constant", "inverse_time", "exponential", "inverse_sqrt", "staircase", "fixed_interval"], lesson.Steps.Select(s => s.Scenario.Schedule));
        for (int k = 2; k <= lesson.Steps.Count; k++)
        {
            var r = Run("decay", k);
            var ball = r.World.Balls[0];
            Assert.Equal(BallStatus.Running, ball.Status);
            Assert.True(Jitter(r) < 0.6 * wander, $"{lesson.Step(k).Scenario.Schedule}: jitter {Jitter(r)} against {wander} at a constant rate");
            Assert.True(ball.LearningRate < 0.5 * r.Of(0)[0].LearningRate, $"{lesson.Step(k).Scenario.Schedule}: lr {ball.LearningRate}");
        }
    }

    [Fact]
    public void Saddles_RastriginTrapsEveryBallInALocalMinimum()
    {
        var r = Run("saddles", 1);
        foreach (var ball in r.World.Balls)
        {
            Assert.True(ball.Loss > 0.5, $"{ball.Label} reached loss {ball.Loss}");
            Assert.True(Distance(ball.Update, new Point2(0, 0)) < 1e-6, $"{ball.Label} still moves");
        }
        Assert.Equal(r.World.Balls.Count, r.World.Balls.Select(b => (Math.Round(b.Position.X), Math.Round(b.Position.Y))).Distinct().Count());
    }

    [Fact]
    public void Saddles_GradientDescentOnTheRidgeLineStaysAtTheSaddle()
    {
        var saddle = LessonCatalog.Find("saddles").Step(2).Scenario with { Start = new Point2(-1.8, 0) };
        var world = saddle.CreateWorld();
        int near = 0;
        for (int s = 0; s < 1000; s++)
        {
            world.Advance();
            if (Distance(world.Balls[0].Position, new Point2(0, 0)) < 1e-3) near++;
        }
        Assert.True(near > 900, $"within 1e-3 of the saddle for {near} of 1000 steps");
        Assert.Equal(BallStatus.Running, world.Balls[0].Status);
    }

    [Fact]
    public void Saddles_GradientDescentLingersNearTheSaddleWhileTheOthersEscape()
    {
        var r = Run("saddles", 3);
        var plain = r.Of(Ball(r, "gradient descent"));
        int lingering = plain.Count(p => Distance(p.Position, new Point2(0, 0)) < 0.05);
        Assert.True(lingering >= 30, $"gradient descent spent {lingering} steps within 0.05 of the saddle");
        Assert.True(Distance(plain[^1].Position, new Point2(0, 0)) < 0.05);
        foreach (var ball in r.World.Balls.Where(b => b.Label != "gradient descent"))
            Assert.True(Math.Abs(ball.Position.Y) > 2, $"{ball.Label} is at {ball.Position}");
    }

    [Fact]
    public void Saddles_GradientDescentCreepsOnTheMonkeySaddleAndCrawlsOnThePlateau()
    {
        var monkey = Run("saddles", 4);
        var plain = monkey.World.Balls[Ball(monkey, "gradient descent")];
        Assert.Equal(BallStatus.Running, plain.Status);
        Assert.InRange(plain.Position.X, 0, 0.2);
        Assert.True(Distance(plain.Update, new Point2(0, 0)) < 1e-3);
        foreach (var ball in monkey.World.Balls.Where(b => b != plain))
            Assert.True(Distance(ball.Position, new Point2(0, 0)) > 2, $"{ball.Label} is at {ball.Position}");

        var plateau = Run("saddles", 5);
        var crawler = plateau.World.Balls[Ball(plateau, "gradient descent")];
        Assert.True(Distance(crawler.Position, crawler.Start) < 0.5);
        Assert.Equal(BallStatus.Converged, plateau.World.Balls[Ball(plateau, "adam")].Status);
        Assert.Equal(BallStatus.Converged, plateau.World.Balls[Ball(plateau, "rprop")].Status);
    }

    [Fact]
    public void Race_EveryOptimizerRunsOnEveryLandscapeAndReachesAMinimum()
    {
        var lesson = LessonCatalog.Find("race");
        Assert.Equal(["rosenbrock", "beale", "himmelblau"], lesson.Steps.Select(s => s.Scenario.Landscape));
        for (int k = 1; k <= lesson.Steps.Count; k++)
        {
            var world = Run("race", k).World;
            Assert.Equal(OptimizerCatalog.Names.Order(), world.Balls.Select(b => b.Optimizer.Name).Order());
            Assert.Single(world.Balls.Select(b => b.Start).Distinct());
            Assert.All(world.Balls, b => Assert.Equal(BallStatus.Converged, b.Status));
            var board = Leaderboard.Of(world);
            Assert.Equal(board.Select(e => e.Ball.ConvergedAt).Order(), board.Select(e => e.Ball.ConvergedAt));
        }
    }

    /// <summary>Mean step length of ball 0 over steps from..to (its wandering on mini-batches).</summary>
    private static double Wander(TrajectoryRecorder r, int from, int to)
    {
        var points = r.Of(0);
        return Enumerable.Range(from, to - from).Average(i => Distance(points[i + 1].Position, points[i].Position));
    }

    [Fact]
    public void Decay_InverseSqrtStillWandersLessEachEpochAndTheStaircaseShrinksItInJumps()
    {
        // 32 steps an epoch (b = 8 of 256). √ decay: epochs 16–19 wander less than epochs 0–3, yet still wander.
        var sqrt = Run("decay", 4);
        double early = Wander(sqrt, 0, 128), late = Wander(sqrt, 512, 640);
        Assert.True(late < 0.7 * early, $"inverse_sqrt: {late} late against {early} early");
        Assert.True(late > 0.1 * early, $"inverse_sqrt: the ball stopped wandering ({late})");
        // Staircase: halving at epoch 4 (step 128): the epoch after wanders clearly less than the epoch before.
        var stairs = Run("decay", 5);
        double before = Wander(stairs, 96, 128), after = Wander(stairs, 128, 160);
        Assert.True(after < 0.75 * before, $"staircase: {after} after the first halving against {before} before");
        Assert.DoesNotContain("cloud", LessonCatalog.Find("decay").Step(4).Caption);
    }

    [Fact]
    public void Gains_WithMomentumOvershootsAlongTheFloorWithAHigherLossYetArrivesFirst()
    {
        var r = Run("gains", 3);
        var gains = r.Of(Ball(r, "gains"));
        var momentum = r.Of(Ball(r, "gains + momentum 0.9"));
        static int XTurns(IReadOnlyList<TrajectoryPoint> p) => SignChanges(p.Zip(p.Skip(1), (a, b) => b.Position.X - a.Position.X));
        Assert.True(XTurns(momentum) >= 3 && XTurns(gains) == 0, $"x turns back {XTurns(momentum)} times with momentum, {XTurns(gains)} without");
        Assert.True(momentum[60].Loss > 2 * gains[60].Loss, $"loss at step 60: {momentum[60].Loss} with momentum, {gains[60].Loss} without");
        var withMomentum = r.World.Balls[Ball(r, "gains + momentum 0.9")];
        var plain = r.World.Balls[Ball(r, "gains")];
        Assert.True(withMomentum.ConvergedAt < plain.ConvergedAt, $"arrived at {withMomentum.ConvergedAt} against {plain.ConvergedAt}");
    }

    [Fact]
    public void Saddles_TheBallsThatLeaveTheSaddleEscapeDownhillTheyDoNotDiverge()
    {
        var r = Run("saddles", 3);
        var stopped = r.World.Balls.Where(b => b.Status == BallStatus.Diverged).ToList();
        Assert.NotEmpty(stopped);
        Assert.All(stopped, b => Assert.Equal(World.EscapedDownhill, b.DivergedReason));
    }

    [Fact]
    public void No_two_balls_of_a_step_have_colours_a_projector_would_show_as_one()
    {
        // Before: lesson 4 step 5 put sky blue beside blue (heavy ball 0.9 and 0.99), lesson 12 step 3 orange beside yellow.
        foreach (var lesson in LessonCatalog.All)
            foreach (var step in lesson.Steps)
            {
                var colours = step.Scenario.Balls.Select(b => b.Colour!.Value).ToList();
                if (colours.Count > 5) continue; // the palette has five colours no two of which are close
                for (int i = 0; i < colours.Count; i++)
                    for (int j = i + 1; j < colours.Count; j++)
                        Assert.False(Colour.Close(colours[i], colours[j]),
                            $"{lesson.Name}: '{step.Scenario.Balls[i].Label}' {colours[i]} beside '{step.Scenario.Balls[j].Label}' {colours[j]}");
            }
    }

    [Fact]
    public void Every_ball_keeps_its_colour_through_a_lessons_steps_and_no_two_in_a_step_share_one()
    {
        foreach (var lesson in LessonCatalog.All)
        {
            var seen = new Dictionary<string, Colour>();
            foreach (var step in lesson.Steps)
            {
                var colours = step.Scenario.Balls.Select(b => b.Colour!.Value).ToList();
                if (colours.Count <= Colour.Palette.Count) Assert.Equal(colours.Count, colours.Distinct().Count());
                foreach (var ball in step.Scenario.Balls)
                {
                    string key = ball.Label ?? ball.Optimizer;
                    if (seen.TryGetValue(key, out var before)) Assert.True(before == ball.Colour, $"{lesson.Name}: '{key}' changes colour");
                    seen[key] = ball.Colour!.Value;
                }
            }
        }
    }
}
