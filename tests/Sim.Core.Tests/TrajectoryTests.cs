using System.Globalization;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Scenarios;
using Sim.Core.Simulation;
using Xunit;

namespace Sim.Core.Tests;

public class TrajectoryTests
{
    private static World TwoBalls() => ScenarioFile.Parse("""
        {"landscape": "himmelblau", "start": [0, 0], "balls": [
          {"optimizer": "sgd", "params": {"lr": 0.01}, "label": "fast, plain"},
          {"optimizer": "adam", "params": {"lr": 0.001}, "label": "say \"adam\""}]}
        """).CreateWorld();

    [Fact]
    public void TheRecorderKeepsEveryStepUntilABallStops()
    {
        var recorder = new TrajectoryRecorder(TwoBalls());
        recorder.Run(40);
        var sgd = recorder.World.Balls[0];
        Assert.Equal(BallStatus.Converged, sgd.Status);
        Assert.Equal(sgd.ConvergedAt!.Value + 1, recorder.Of(0).Count);
        Assert.Equal(41, recorder.Of(1).Count);
        Assert.Equal(Enumerable.Range(0, 41), recorder.Of(1).Select(p => p.Step));
        Assert.Equal(recorder.World.Balls[1].Position, recorder.Of(1)[^1].Position);
        Assert.Equal(BallStatus.Converged, recorder.Of(0)[^1].Status);
        Assert.Equal(new Point2(0, 0), recorder.Of(0)[0].Position);
    }

    [Fact]
    public void TheRecorderStartsOverWhenTheWorldIsReset()
    {
        var recorder = new TrajectoryRecorder(TwoBalls());
        recorder.Run(5);
        recorder.World.Reset();
        recorder.Record();
        Assert.Single(recorder.Of(0));
        recorder.World.Advance();
        recorder.Record();
        Assert.Equal([0, 1], recorder.Of(0).Select(p => p.Step));
    }

    [Fact]
    public void CsvHasOneRowPerBallAndStepInRoundTripNumbers()
    {
        var recorder = new TrajectoryRecorder(TwoBalls());
        recorder.Run(3);
        var text = new StringWriter();
        TrajectoryCsv.Write(recorder, text);
        var lines = text.ToString().Split('\n');
        Assert.Equal("ball,label,optimizer,step,x,y,loss,learning_rate", lines[0]);
        Assert.Equal("0,\"fast, plain\",sgd,0,0,0,170,0.01", lines[1]);
        Assert.StartsWith("1,\"say \"\"adam\"\"\",adam,3,", lines[8]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(1 + 2 * 4 + 1, lines.Length);
        var row = lines[4].Split(',');
        var point = recorder.Of(0)[3];
        Assert.Equal(point.Position.X, double.Parse(row[5], CultureInfo.InvariantCulture));
        Assert.Equal(point.Position.Y, double.Parse(row[6], CultureInfo.InvariantCulture));
        Assert.Equal(point.Loss, double.Parse(row[7], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EachBallCanHaveItsOwnBatchSize()
    {
        var world = ScenarioFile.Parse("""
            {"landscape": "linreg", "batch_size": 64, "balls": [
              {"optimizer": "sgd", "params": {"lr": 0.1}},
              {"optimizer": "sgd", "params": {"lr": 0.1}, "batch_size": 1, "label": "stochastic"}]}
            """).CreateWorld();
        Assert.Null(world.Balls[0].BatchSize);
        Assert.Equal(1, world.Balls[1].BatchSize);
        world.BatchSize = 128; // the world's size changes only the balls without their own
        for (int s = 0; s < 4; s++) world.Advance();
        Assert.Equal(1, world.Balls[0].Epoch); // 4 batches of 128: the second pass
        Assert.Equal(0, world.Balls[1].Epoch);
        Assert.NotEqual(world.Balls[0].Position, world.Balls[1].Position);
    }

    [Fact]
    public void BatchLossIsTheMiniBatchLossBeforeTheStep()
    {
        var one = ScenarioFile.Parse("""{"landscape": "linreg", "balls": [{"optimizer": "sgd", "batch_size": 256}, {"optimizer": "sgd", "batch_size": 1}]}""").CreateWorld();
        double start = one.Balls[0].Loss;
        one.Advance();
        Assert.Equal(start, one.Balls[0].BatchLoss, 1e-9);
        Assert.NotEqual(start, one.Balls[1].BatchLoss);
    }

    [Theory]
    [InlineData("""{"landscape": "linreg", "balls": [{"optimizer": "sgd", "batch_size": 300}]}""",
        "balls[0].batch_size: 300 is out of range; expected 1 to 256 (the number of examples)")]
    [InlineData("""{"landscape": "quadratic", "balls": [{"optimizer": "sgd", "batch_size": 8}]}""",
        "balls[0].batch_size: applies to data landscapes (linreg, logreg), not quadratic")]
    [InlineData("""{"landscape": "linreg", "balls": [{"optimizer": "sgd", "batch_size": 0}]}""",
        "balls[0].batch_size: expected a whole number >= 1")]
    public void ABadBallBatchSizeIsAnInputErrorNamingIt(string json, string message)
    {
        var e = Assert.Throws<InputError>(() => ScenarioFile.Parse(json));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void TheWorldChecksABallsOwnBatchSizeToo()
    {
        var ball = new Ball("big", Colour.Palette[0], OptimizerCatalog.Create("sgd"), new Point2(0, 0)) { BatchSize = 1000 };
        var e = Assert.Throws<InputError>(() => new World(LandscapeCatalog.Create("linreg"), [ball]));
        Assert.Equal("batch size 1000 of ball 'big' is out of range; expected 1 to 256 (the number of examples)", e.Message);
    }
}
