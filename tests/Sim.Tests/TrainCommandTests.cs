using System.Globalization;

namespace Sim.Tests;

/// <summary><c>sim train</c> as docs/cli.md states it: the CSV, the lab's run, seeds, weights files and the error contract.</summary>
public class TrainCommandTests
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data", "networks");
    private static readonly string LabMoons = Path.Combine(Data, "lab_moons.csv");
    private static readonly string LabInit = Path.Combine(Data, "lab_init.json");

    private static double[][] Rows(string csv) =>
        csv.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    private static string Scratch(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "sim-train-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [Fact]
    public void WritesEpochZeroThenOneRowPerEpochWithTheStepsTaken()
    {
        var r = SimProcess.Run("train", "--data", "moons", "--examples", "100", "--layers", "2,4,1", "--optimizer", "sgd", "--param", "lr=0.5",
            "--batch-size", "32", "--epochs", "6");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        Assert.StartsWith("epoch,step,loss,accuracy\n0,0,", r.Out);
        var rows = Rows(r.Out);
        Assert.Equal(7, rows.Length);
        for (int e = 0; e <= 6; e++)
        {
            Assert.Equal(e, rows[e][0]);
            Assert.Equal(4 * e, rows[e][1]); // ⌈100/32⌉ = 4 steps an epoch
            Assert.InRange(rows[e][3], 0, 1);
            Assert.Equal(Math.Round(rows[e][3] * 100) / 100, rows[e][3], 12); // a fraction of 100 examples
        }
        Assert.True(rows[6][2] < rows[0][2]);
        var first = r.Out.Split('\n')[1].Split(',')[2];
        Assert.Equal(double.Parse(first, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture), first);
    }

    [Fact]
    public void OnTheLabsDataAndWeightsAdamReachesTheLabsAccuracy()
    {
        var r = SimProcess.Run("train", "--data", LabMoons, "--layers", "2,5,2,1", "--init", LabInit, "--optimizer", "adam",
            "--param", "lr=0.0007", "--batch-size", "64", "--epochs", "5000");
        Assert.Equal(0, r.ExitCode);
        var rows = Rows(r.Out);
        Assert.Equal(5001, rows.Length);
        Assert.Equal(25000, rows[^1][1]);
        Assert.Equal(0.5, rows[0][3]); // the lab's initial network calls every point class 0... or 1: half right
        Assert.InRange(rows[^1][3], 0.92, 0.97);
    }

    [Fact]
    public void MiniBatchesAreDeterministicBySeed()
    {
        string Run(string seed) => SimProcess.Run("train", "--data", "xor", "--examples", "120", "--layers", "2,6,1", "--activation", "tanh",
            "--optimizer", "adam", "--param", "lr=0.02", "--batch-size", "16", "--epochs", "20", "--seed", seed).Out;
        Assert.Equal(Run("3"), Run("3"));
        Assert.NotEqual(Run("3"), Run("4"));
    }

    [Fact]
    public void SavedWeightsStartTheNextRunWhereTheLastEnded()
    {
        string saved = Scratch("saved.json");
        var first = SimProcess.Run("train", "--data", "circles", "--layers", "2,5,1", "--init-seed", "2", "--optimizer", "momentum",
            "--param", "lr=0.3", "--epochs", "10", "--save", saved);
        Assert.Equal(0, first.ExitCode);
        var second = SimProcess.Run("train", "--data", "circles", "--layers", "2,5,1", "--init", saved, "--optimizer", "sgd", "--epochs", "0");
        Assert.Equal(0, second.ExitCode);
        var last = first.Out.TrimEnd('\n').Split('\n')[^1].Split(',');
        var start = second.Out.TrimEnd('\n').Split('\n')[1].Split(',');
        Assert.Equal(last[2..], start[2..]); // the same loss and accuracy, to the last digit
    }

    [Fact]
    public void AHeldOutSplitAddsTheTestLossAndAccuracy()
    {
        var r = SimProcess.Run("train", "--data", "spiral", "--layers", "2,16,16,1", "--activation", "tanh", "--optimizer", "adam",
            "--param", "lr=0.01", "--epochs", "50", "--test-fraction", "0.25", "--batch-size", "32");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("epoch,step,loss,accuracy,test_loss,test_accuracy\n", r.Out);
        var rows = Rows(r.Out);
        Assert.Equal(6, rows[0].Length);
        Assert.Equal(50 * 8, rows[^1][1]); // 225 training examples: ⌈225/32⌉ = 8 steps an epoch
        Assert.Equal(Math.Round(rows[^1][5] * 75) / 75, rows[^1][5], 12); // a fraction of the 75 held out
    }

    [Fact]
    public void DivergenceEndsTheRunWithItsRowAndExitZero()
    {
        var r = SimProcess.Run("train", "--data", "moons", "--layers", "2,8,8,1", "--optimizer", "sgd", "--param", "lr=1e200", "--epochs", "100");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length < 102);
        Assert.Contains(lines[^1].Split(',')[2], new[] { "NaN", "Infinity" });
    }

    [Theory]
    [InlineData("--data mooons --layers 2,5,1 --optimizer adam --epochs 5", "error: unknown data set 'mooons'; expected one of moons, circles, xor, gaussians, spiral or a FILE.csv")]
    [InlineData("--data lab_moons --examples 100 --layers 2,5,2,1 --optimizer adam --epochs 5", "error: --examples and --noise apply to generated data sets, not lab_moons, the lab's own 300 points")]
    [InlineData("--data lab_moons --noise 0.1 --layers 2,5,2,1 --optimizer adam --epochs 5", "error: --examples and --noise apply to generated data sets, not lab_moons, the lab's own 300 points")]
    [InlineData("--data moons --layers 2,5,1 --optimizer adam", "error: --epochs is required")]
    [InlineData("--layers 2,5,1 --optimizer adam --epochs 5", "error: --data is required")]
    [InlineData("--data moons --optimizer adam --epochs 5", "error: --layers is required")]
    [InlineData("--data moons --layers 3,5,1 --optimizer adam --epochs 5", "error: layers 3,5,1: expected 2 inputs first and 1 output last, such as 2,5,2,1")]
    [InlineData("--data moons --layers 2,5,1 --activation sigmoid --optimizer adam --epochs 5", "error: unknown activation 'sigmoid'; expected one of relu, tanh")]
    [InlineData("--data moons --layers 2,5,1 --epochs 5", "error: train trains one network; give one --optimizer NAME")]
    [InlineData("--data moons --layers 2,5,1 --optimizer adam --optimizer sgd --epochs 5", "error: train trains one network; give one --optimizer NAME")]
    [InlineData("--data moons --layers 2,5,1 --optimizer adamm --epochs 5", "error: unknown optimizer 'adamm'; expected one of sgd, rmsprop, adam, adamw, adamax, nadam, radam, adagrad, adadelta, rprop, momentum, gains")]
    [InlineData("--data moons --layers 2,5,1 --optimizer adam --param beta=0.9 --epochs 5", "error: --param: unknown parameter 'beta' for optimizer adam or schedule constant; expected one of amsgrad, beta1, beta2, bias_correction, eps, lr, weight_decay")]
    [InlineData("--data moons --layers 2,5,1 --optimizer sgd --param lr=-1 --epochs 5", "error: --param: lr=-1 is out of range; expected >= 0")]
    [InlineData("--data moons --layers 2,5,1 --optimizer sgd --schedule staircas --epochs 5", "error: unknown schedule 'staircas'; expected one of constant, inverse_time, exponential, inverse_sqrt, staircase, fixed_interval")]
    [InlineData("--data moons --examples 50 --layers 2,5,1 --optimizer sgd --batch-size 51 --epochs 5", "error: --batch-size 51 is out of range; expected 1 to 50")]
    [InlineData("--data moons --examples 1 --layers 2,5,1 --optimizer sgd --epochs 5", "error: --examples 1 is out of range; expected 2 to 1000000")]
    [InlineData("--data moons --noise -0.1 --layers 2,5,1 --optimizer sgd --epochs 5", "error: --noise -0.1 is out of range; expected 0 to 10")]
    [InlineData("--data moons --noise abc --layers 2,5,1 --optimizer sgd --epochs 5", "error: --noise 'abc' is not a number")]
    [InlineData("--data moons --test-fraction 1 --layers 2,5,1 --optimizer sgd --epochs 5", "error: test fraction 1 is out of range; expected more than 0 and less than 1")]
    [InlineData("--data moons --layers 2,5,1 --init-seed x --optimizer sgd --epochs 5", "error: --init-seed 'x' is not a whole number >= 0")]
    [InlineData("--data moons --layers 2,5,1 --optimizer sgd --epochs -1", "error: --epochs -1 is out of range; expected 0 to 100000000")]
    [InlineData("--data moons --layers 2,5,1 --optimizer sgd --epochs 5 --save /nonexistent-dir/w.json", "error: --save '/nonexistent-dir/w.json': directory '/nonexistent-dir' does not exist")]
    [InlineData("--data moons --layers 2,5,1 --optimizer sgd --epochs 5 --save w.txt", "error: --save 'w.txt' must name a .json file")]
    [InlineData("--data moons --examples 1000000 --layers 2,4096,1 --optimizer sgd --epochs 5", "error: network 2,4096,1 relu on 1000000 examples needs 62545 MB of work buffers; expected at most 2048 MB: use fewer units or examples")]
    [InlineData("--data /nonexistent.csv --layers 2,5,1 --optimizer sgd --epochs 5", "error: cannot read data '/nonexistent.csv': no such file")]
    public void BadInputIsOneErrorLine(string args, string expected) =>
        Assert.Equal(expected, SimProcess.AssertError(SimProcess.Run(["train", .. args.Split(' ')])));

    [Fact]
    public void ABadCsvOrWeightsFileNamesTheFileAndTheLineOrJsonPath()
    {
        string csv = Scratch("bad.csv");
        File.WriteAllText(csv, "x1,x2,label\n0.1,0.2,1\n0.3,0.4,0.5\n");
        Assert.Equal($"error: {csv}: line 3: label '0.5' is not 0 or 1",
            SimProcess.AssertError(SimProcess.Run("train", "--data", csv, "--layers", "2,3,1", "--optimizer", "sgd", "--epochs", "1")));
        Assert.Equal("error: --noise applies to built-in data sets (moons, circles, xor, gaussians, spiral), not a CSV file",
            SimProcess.AssertError(SimProcess.Run("train", "--data", LabMoons, "--noise", "0.1", "--layers", "2,3,1", "--optimizer", "sgd", "--epochs", "1")));
        Assert.Equal($"error: {LabInit}: layers[0].weights: expected a list of 3 rows (one per unit), got 5",
            SimProcess.AssertError(SimProcess.Run("train", "--data", "moons", "--layers", "2,3,2,1", "--init", LabInit, "--optimizer", "sgd", "--epochs", "1")));
        Assert.Equal($"error: {LabInit}: layers: expected a list of 2 layers for --layers 2,5,1",
            SimProcess.AssertError(SimProcess.Run("train", "--data", "moons", "--layers", "2,5,1", "--init", LabInit, "--optimizer", "sgd", "--epochs", "1")));
        Assert.Equal("error: --init and --init-seed cannot be combined; the file gives every weight",
            SimProcess.AssertError(SimProcess.Run("train", "--data", "moons", "--layers", "2,5,2,1", "--init", LabInit, "--init-seed", "3", "--optimizer", "sgd", "--epochs", "1")));
        string saved = Scratch("never.json");
        SimProcess.AssertError(SimProcess.Run("train", "--data", csv, "--layers", "2,3,1", "--optimizer", "sgd", "--epochs", "1", "--save", saved));
        Assert.False(File.Exists(saved));
    }

    [Fact]
    public void TheCatalogueAndHelpNameTheDataSetsAndOptions()
    {
        var lines = SimProcess.Run("catalogue").Out.Split('\n');
        foreach (var name in new[] { "moons", "circles", "xor", "gaussians", "spiral" })
            Assert.Contains(lines, l => l.StartsWith($"  {name} ", StringComparison.Ordinal));
        Assert.Contains("activations (sim train --activation): relu, tanh", lines);
        var help = SimProcess.Run("train", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith("usage: sim train --data NAME|FILE.csv", help.Out);
    }

    [Fact]
    public void BenchTrainReportsTheEpochAndGridTimesLast()
    {
        var r = SimProcess.Run("bench-train", "--epochs", "20", "--grid", "8", "--repeats", "1", "--threads", "2", "--data", LabMoons, "--init", LabInit);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, l => l.StartsWith("train_us_per_epoch: ", StringComparison.Ordinal));
        Assert.StartsWith("grid_ms: ", lines[^1]);
        Assert.True(double.Parse(lines[^1]["grid_ms: ".Length..], CultureInfo.InvariantCulture) > 0);
        Assert.Equal("error: --epochs 'x' is not a whole number", SimProcess.AssertError(SimProcess.Run("bench-train", "--epochs", "x")));
    }
}
