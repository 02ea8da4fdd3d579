using MathNet.Numerics.LinearAlgebra;
using Sim.Core.Data;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Planes;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests.Planes;

/// <summary>
/// The planes through a network's weight space a scene draws, checked against direct computations:
/// two balls exactly on the plane through them, the PCA plane's explained variance, projections that
/// round-trip, Li et al.'s filter normalisation unit by unit, and the slice's chain-rule derivatives.
/// </summary>
public class WeightPlaneTests
{
    private static readonly NetworkArchitecture Shape = new([2, 8, 8, 1], Activation.Relu);

    private static NetworkObjective Objective() => new(Shape, DataSetCatalog.Create("moons", 300, 0.2, 2));

    /// <summary>Four balls (SGD, momentum, Adam, RMSprop) trained from one He start for some steps on mini-batches of 64.</summary>
    private static World Trained(int steps)
    {
        var start = NetworkWeights.HeInitialized(Shape, 3);
        Optimizer[] rules = [new Sgd(0.3), new Sgd(0.1) { Momentum = 0.9 }, new Adam(0.01), new RmsProp(0.005)];
        var balls = rules.Select((o, i) => Ball.OfParameters($"ball {i}", Colour.Palette[i], o, start)).ToList();
        var world = new World(Objective(), balls, batchSize: 64, seed: 5);
        for (int s = 0; s < steps; s++) world.Advance();
        return world;
    }

    [Fact]
    public void BothBallsLieExactlyOnThePlaneThroughThemAndTheSliceThereIsTheirLoss()
    {
        var world = Trained(80);
        var objective = (NetworkObjective)world.Objective;
        var choice = new PlaneChoice(PlaneKind.ThroughBalls, FirstBall: 1, SecondBall: 2);
        var plane = SliceJob.Capture(world, choice).Plane();
        var slice = new PlaneSlice(Objective(), plane, new(-1, 1, -1, 1), "test");
        foreach (var ball in new[] { world.Balls[1], world.Balls[2] })
        {
            Assert.True(plane.Distance(ball.ParameterVector) < 1e-12, $"{ball.Label} is {plane.Distance(ball.ParameterVector)} off the plane");
            var p = plane.Project(ball.ParameterVector);
            Assert.Equal(objective.Value(ball.ParameterVector), slice.Value(p.X, p.Y), 12);
        }
        // The start is the centre; a ball the plane does not go through is off it.
        Assert.Equal(0, plane.Distance(world.Balls[0].StartVector), 12);
        Assert.True(plane.Distance(world.Balls[3].ParameterVector) > 1e-3);
        Assert.Equal(1, plane.UnitLengths.First, 12);
        Assert.Equal(0, WeightPlane.Dot(plane.First, plane.Second), 12);
    }

    [Fact]
    public void BallsStillAtTheStartGetARandomDirectionAndTheOtherBallStaysOnThePlane()
    {
        var world = Trained(0);
        var plane = SliceJob.Capture(world, new PlaneChoice(PlaneKind.ThroughBalls)).Plane();
        Assert.Contains("still at the start", plane.Description);
        Assert.Equal(0, plane.Distance(world.Balls[0].ParameterVector), 12);
    }

    [Fact]
    public void ProjectionsRoundTripAndTheOffPlaneDistanceIsTheResidualsLength()
    {
        var world = Trained(30);
        var plane = SliceJob.Capture(world, new PlaneChoice(PlaneKind.Random, Seed: 7)).Plane();
        var point = new double[Shape.ParameterCount];
        plane.PointAt(0.37, -1.25, point);
        var back = plane.Project(point);
        Assert.Equal(0.37, back.X, 12);
        Assert.Equal(-1.25, back.Y, 12);
        Assert.True(plane.Distance(point) < 1e-12);
        // Off the plane by a vector orthogonal to both directions: the distance is its length and the projection does not move.
        var off = Orthogonal(plane, 9);
        for (int i = 0; i < point.Length; i++) point[i] += 0.5 * off[i];
        Assert.Equal(0.5, plane.Distance(point), 10);
        Assert.Equal(0.37, plane.Project(point).X, 10);
        Assert.Equal(-1.25, plane.Project(point).Y, 10);
        // A vector projects without the centre: its components are the least-squares ones.
        var v = new double[point.Length];
        for (int i = 0; i < v.Length; i++) v[i] = 2 * plane.First[i] - 3 * plane.Second[i] + off[i];
        Assert.Equal(2, plane.ProjectVector(v).X, 10);
        Assert.Equal(-3, plane.ProjectVector(v).Y, 10);
    }

    [Fact]
    public void FilterNormalisationGivesEachUnitTheNormOfItsIncomingWeightsAndBiasesZero()
    {
        var weights = NetworkWeights.HeInitialized(Shape, 11);
        for (int i = 0; i < weights.Length; i++) weights[i] *= 1 + i % 5; // units of different scales
        var d = FilterNormalised.Direction(Shape, weights, new SplitMix64(4));
        var other = FilterNormalised.Direction(Shape, weights, new SplitMix64(5));
        for (int l = 1; l <= Shape.Depth; l++)
        {
            int inputs = Shape.Units(l - 1);
            for (int j = 0; j < Shape.Units(l); j++)
            {
                int at = Shape.WeightOffset(l) + j * inputs;
                Assert.Equal(Norm(weights.AsSpan(at, inputs)), Norm(d.AsSpan(at, inputs)), 12);
                Assert.NotEqual(d[at], other[at]);
            }
            Assert.All(d.AsSpan(Shape.BiasOffset(l), Shape.Units(l)).ToArray(), b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void NewDirectionsComeFromANewSeedAndTheSameSeedGivesTheSamePlane()
    {
        var start = NetworkWeights.HeInitialized(Shape, 3);
        var a = WeightPlanes.Random(Shape, start, new PlaneChoice(Seed: 1));
        var b = WeightPlanes.Random(Shape, start, new PlaneChoice(Seed: 1));
        var c = WeightPlanes.Random(Shape, start, new PlaneChoice(Seed: 2));
        Assert.Equal(a.First.ToArray(), b.First.ToArray());
        Assert.NotEqual(a.First.ToArray(), c.First.ToArray());
        Assert.Equal(start, a.Centre.ToArray());
    }

    [Fact]
    public void ThePcaPlaneExplainsTheVarianceADirectComputationFindsAndNoOtherDirectionExplainsMore()
    {
        var world = Trained(120);
        var plane = SliceJob.Capture(world, new PlaneChoice(PlaneKind.Pca)).Plane();
        // Every kept point of every ball (120 steps + the start: fewer than the 256 a job samples).
        var rows = world.Balls.SelectMany(b => Enumerable.Range(0, b.History!.Count).Select(i => b.History[i].ToArray())).ToArray();
        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        var mean = x.ColumnSums() / x.RowCount;
        var y = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => mean[j]);
        double total = y.FrobeniusNorm() * y.FrobeniusNorm();
        double Along(ReadOnlySpan<double> d) => (y * Vector<double>.Build.DenseOfArray(d.ToArray())).PointwisePower(2).Sum();
        var (first, second) = plane.ExplainedVariance!.Value;
        Assert.Equal(Along(plane.First) / total, first, 10);
        Assert.Equal(Along(plane.Second) / total, second, 10);
        Assert.True(first > 0.5 && first + second <= 1 + 1e-12, $"{first} + {second}");
        Assert.Equal(mean.ToArray(), plane.Centre.ToArray(), new ToleranceComparer(1e-12));
        var random = new SplitMix64(3);
        for (int k = 0; k < 200; k++)
        {
            var d = new double[mean.Count];
            for (int i = 0; i < d.Length; i++) d[i] = random.NextGaussian();
            double norm = Norm(d);
            for (int i = 0; i < d.Length; i++) d[i] /= norm;
            Assert.True(Along(d) <= Along(plane.First) + 1e-9);
        }
        Assert.Contains($"{100 * first:0.#}%", plane.Description);
    }

    [Fact]
    public void TheSlicesDerivativesAreTheChainRuleOfTheNetworksAndAgreeWithDifferences()
    {
        var world = Trained(40);
        var plane = SliceJob.Capture(world, new PlaneChoice(PlaneKind.Random, Seed: 3)).Plane();
        var slice = new PlaneSlice(Objective(), plane, new(-1, 1, -1, 1), "test");
        const double a = 0.21, b = -0.13, h = 1e-5;
        slice.Gradient(a, b, out double ga, out double gb);
        Assert.Equal((slice.Value(a + h, b) - slice.Value(a - h, b)) / (2 * h), ga, 6);
        Assert.Equal((slice.Value(a, b + h) - slice.Value(a, b - h)) / (2 * h), gb, 6);
        slice.Hessian(a, b, out double haa, out double hab, out double hbb);
        slice.Gradient(a + h, b, out double gaPlus, out double gbPlus);
        slice.Gradient(a - h, b, out double gaMinus, out double gbMinus);
        Assert.Equal((gaPlus - gaMinus) / (2 * h), haa, 4);
        Assert.Equal((gbPlus - gbMinus) / (2 * h), hab, 4);
        slice.Gradient(a, b + h, out _, out double gbUp);
        slice.Gradient(a, b - h, out _, out double gbDown);
        Assert.Equal((gbUp - gbDown) / (2 * h), hbb, 4);
    }

    [Fact]
    public void ShownSlicesAreExactAtTheirGridPointsAndBallsAreDrawnAtTheirProjections()
    {
        var world = Trained(60);
        world.PlaneChoice = new PlaneChoice(PlaneKind.ThroughBalls);
        var shown = world.ShowNow(resolution: 9);
        var d = shown.Domain;
        double x = d.XMin + d.Width * 3 / 8, y = d.YMin + d.Height * 5 / 8;
        Assert.Equal(shown.Exact.Value(x, y), shown.Value(x, y), 12);
        var ball = world.Balls[0];
        Assert.Equal(shown.Plane.Project(ball.ParameterVector), ball.Position);
        Assert.True(ball.OffPlaneDistance < 1e-12);
        Assert.True(d.Contains(world.Balls[3].Position.X, world.Balls[3].Position.Y));
        Assert.Equal(ball.History!.Count, ball.Trail.Count);
        Assert.Equal(shown.Plane.Project(ball.History[0]), ball.Trail[0]);
        // A step keeps the projections current; the trail grows by the new point.
        world.Advance();
        Assert.Equal(shown.Plane.Project(ball.ParameterVector), ball.Position);
        Assert.Equal(ball.Position, ball.Trail[ball.Trail.Count - 1]);
        Assert.True(ball.OffPlaneDistance > 0);
        Assert.True(shown.FloorValue <= world.Balls.Min(b => b.Loss) + 0.05);
    }

    [Fact]
    public void SteppingANetworkShownOnAPlaneAllocatesNothing()
    {
        var world = Trained(5);
        world.ShowNow(resolution: 5);
        long Allocated()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 0; s < 20; s++) world.Advance();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Allocated(); // the first pass may be the JIT's (on-stack replacement allocates on this thread under load)
        Assert.Equal(0, Math.Min(Allocated(), Allocated()));
    }

    private static double[] Orthogonal(WeightPlane plane, ulong seed)
    {
        var random = new SplitMix64(seed);
        var v = new double[plane.ParameterCount];
        for (int i = 0; i < v.Length; i++) v[i] = random.NextGaussian();
        // Least-squares residual: orthogonal to both (non-orthogonal) directions.
        var p = plane.ProjectVector(v);
        for (int i = 0; i < v.Length; i++) v[i] -= p.X * plane.First[i] + p.Y * plane.Second[i];
        double norm = Norm(v);
        for (int i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (var x in v) s += x * x;
        return Math.Sqrt(s);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double x) => 0;
    }
}
