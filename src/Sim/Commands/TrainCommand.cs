using System.Globalization;
using Sim.Core;
using Sim.Core.Data;
using Sim.Core.Networks;

namespace Sim.Commands;

/// <summary>
/// <c>sim train</c> (docs/cli.md): trains one fully connected network and writes CSV
/// <c>epoch,step,loss,accuracy</c> in round-trip float64, epoch 0 (before training) first, the loss
/// and accuracy over the whole data set after each epoch. With <c>--test-fraction F</c> that
/// fraction of the examples is held out (split with <c>--data-seed</c>) and two columns follow,
/// <c>test_loss,test_accuracy</c>. A step that makes a parameter non-finite ends the run after
/// its epoch's row (exit 0). <c>--save FILE.json</c> writes the final weights, whole or not at all.
/// </summary>
public static class TrainCommand
{
    public const string Usage =
        "--data NAME|FILE.csv [--examples M] [--noise S] [--data-seed S] [--test-fraction F]\n" +
        "       --layers 2,H1,...,1 [--activation relu|tanh] [--init FILE.json | --init-seed S]\n" +
        "       --optimizer NAME [--param K=V]... [--schedule NAME [--param K=V]...]\n" +
        "       [--batch-size B] --epochs E [--seed S] [--save FILE.json]";

    private static readonly string[] Options =
    [
        .. SceneArguments.NetworkOptions,
        "--optimizer", "--param", "--schedule", "--batch-size", "--epochs", "--seed", "--save",
    ];

    public static int Run(string[] args)
    {
        var a = new Arguments("train", args, Options, []);
        int epochs = a.Int("--epochs", -1, 0, 100_000_000);
        if (epochs < 0) throw new InputError("--epochs is required");
        var (train, test) = SceneArguments.NetworkDataSplit(a);
        var shape = NetworkArchitecture.Parse(a.Required("--layers"), Activations.Parse(a.Value("--activation") ?? "relu"));
        var initial = SceneArguments.InitialWeights(a, shape);

        if (a.All("--optimizer").Count != 1) throw new InputError("train trains one network; give one --optimizer NAME");
        var pool = a.Parameters();
        var schedule = SceneArguments.Schedule(a, pool);
        var (optimizer, _) = SceneArguments.Optimizers(a, pool)[0];
        pool.RejectUnused($"optimizer {optimizer.Name} or schedule {schedule.Name}");
        int batchSize = a.Int("--batch-size", train.Count, 1, train.Count);
        string? save = a.Value("--save");
        if (save is not null) OutputFile.Check(save, "--save", ".json");

        var training = new NetworkTraining(new NetworkObjective(shape, train), optimizer, initial, schedule, batchSize,
            a.Seed("--seed", 1), test is null ? null : new NetworkObjective(shape, test));
        using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16) { NewLine = "\n" };
        Write(training, epochs, withTest: test is not null, output);
        if (save is not null) WholeFile.WriteText(save, w => w.Write(NetworkWeights.ToJson(shape, training.Ball.ParameterVector)));
        return 0;
    }

    /// <summary>Runs the training and writes its CSV: the header, epoch 0, then one row per epoch.</summary>
    public static void Write(NetworkTraining training, int epochs, bool withTest, TextWriter output)
    {
        output.Write(withTest ? "epoch,step,loss,accuracy,test_loss,test_accuracy\n" : "epoch,step,loss,accuracy\n");
        training.Run(epochs, record => Row(output, record, withTest));
        output.Flush();
    }

    private static void Row(TextWriter w, EpochRecord r, bool withTest)
    {
        w.Write(r.Epoch.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(r.Steps.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(r.Loss.ToString("R", CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(r.Accuracy.ToString("R", CultureInfo.InvariantCulture));
        if (withTest)
        {
            w.Write(',');
            w.Write(r.TestLoss.ToString("R", CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(r.TestAccuracy.ToString("R", CultureInfo.InvariantCulture));
        }
        w.Write('\n');
    }
}
