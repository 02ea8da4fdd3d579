using System.Text;
using Sim;
using Sim.Commands;
using Sim.Core;
using Sim.Render.Platform;

return Cli.RunProcess(args);

namespace Sim
{
    /// <summary>
    /// The program <c>sim</c>: with no command the playground window, otherwise a headless command.
    /// Bad input is one line on stderr starting with <c>error: </c> and exit code 2 (docs/cli.md).
    /// </summary>
    public static class Cli
    {
        private const string Scene = "[--scenario FILE | --lesson NAME | (--landscape NAME | --formula EXPR [--domain XMIN,XMAX,YMIN,YMAX]) [--optimizer NAME[:K=V,...]]... [--param K=V]... [--schedule NAME] [--batch-size B] [--seed S] [--start X,Y]\n" +
            "       | " + NetworkScene + "]";

        /// <summary>A network scene in place of a landscape: the data and network as <c>sim train</c> takes them, the plane it is drawn on.</summary>
        private const string NetworkScene = "--data NAME|FILE.csv [--examples M] [--noise S] [--data-seed S] [--test-fraction F] --layers 2,H1,...,1 [--activation relu|tanh]\n" +
            "         [--init FILE.json | --init-seed S] [--optimizer NAME[:K=V,...]]... [--param K=V]... [--schedule NAME] [--batch-size B] [--seed S]\n" +
            "         [--plane random|balls|pca]";

        private static readonly (string Name, string Summary, string Usage, Func<string[], int> Run)[] Commands =
        [
            ("trace", "write one optimizer's trajectory as CSV",
                "(--landscape NAME | --formula EXPR [--domain XMIN,XMAX,YMIN,YMAX]) --optimizer NAME [--param K=V]... [--start X,Y] --steps N [--schedule NAME] [--batch-size B] [--seed S]\n       sim trace --scenario FILE --steps N", TraceCommand.Run),
            ("bench", "time a swarm of points stepped by one optimizer",
                "(--landscape NAME | --formula EXPR) --optimizer NAME [--param K=V]... --points N --steps S [--threads T] [--float32] [--per-step]", BenchCommand.Run),
            ("basins", "map which minimum every start of a grid reaches, to CSV or PNG",
                "(--landscape NAME | --formula EXPR) --optimizer NAME [--param K=V]... [--schedule NAME] --grid N --steps S [--domain XMIN,XMAX,YMIN,YMAX] --out FILE.csv|FILE.png [--threads T]", BasinsCommand.Run),
            ("train", "train one neural network on a data set, loss and accuracy per epoch as CSV", TrainCommand.Usage, TrainCommand.Run),
            ("bench-train", "time sim train on the C2W2 lab's Adam run, and the full-batch loss over a 128x128 plane", "[--epochs E] [--grid N] [--threads T] [--repeats R] [--data FILE.csv --init FILE.json]", TrainBenchCommand.Run),
            ("bench-memory", "measure this machine's memory bandwidth (for bench's roofline)", "[--threads T] [--megabytes M] [--repeats R]", MemoryBenchCommand.Run),
            ("catalogue", "list landscapes, optimizers and schedules", "", CatalogueCommand.Run),
            ("render", "draw the scene after N steps to a PNG, headless",
                Scene + " --steps N --out FILE.png [--size WxH] [--view 3d|top] [--no-trails] [--no-arrows] [--no-batch-surface] [--help-overlay]", RenderCommand.Run),
            ("bench-render", "frames per second of the playground's drawing, headless", "", RenderBenchCommand.Run),
            ("lessons", "list the built-in lessons (--verbose: with each step's caption)", "[--verbose]", LessonsCommand.Run),
            ("export", "write every ball's trajectory of a scenario, lesson step or network scene to CSV",
                "(--scenario FILE | --lesson NAME [--lesson-step K]) [--plane random|balls|pca] [--steps N] --out FILE.csv\n" +
                "       sim export " + NetworkScene + " --steps N --out FILE.csv", ExportCommand.Run),
        ];

        /// <summary>Longest error line printed, input quoted within it or not.</summary>
        public const int MaxErrorLength = 1000;

        /// <summary>
        /// The process: standard output through <see cref="StandardOutput"/> (a closed or full output is
        /// an error, a reader that has gone a quiet stop), the command, and a last guard so that nothing
        /// ever ends in a stack trace: exit 0, 1 (the machine failed) or 2 (bad input), as docs/cli.md says.
        /// </summary>
        public static int RunProcess(string[] args)
        {
            try
            {
                Console.SetOut(new StreamWriter(new StandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" });
                int code = Run(args);
                return Guard(() =>
                {
                    Console.Out.Flush();
                    return code;
                });
            }
            catch (Exception e)
            {
                return Fail(1, $"unexpected failure ({e.GetType().Name}): {e.Message}");
            }
        }

        /// <summary>Runs one command line; bad input is one stderr line and exit code 2. Callable in-process (tests).</summary>
        public static int Run(string[] args) => Guard(() => Dispatch(args));

        private static int Dispatch(string[] args)
        {
            if (args.Length > 0 && args[0] is "--help" or "-h" or "help")
            {
                Console.Out.Write(Usage());
                return 0;
            }
            if (args.Length == 0 || args[0].StartsWith('-')) return PlaygroundCommand.Run(args);
            foreach (var (name, summary, usage, run) in Commands)
            {
                if (name != args[0]) continue;
                if (args.Skip(1).Any(a => a is "--help" or "-h"))
                {
                    Console.Out.Write($"usage: sim {name} {usage}\n\n{summary}; see README.md.\n");
                    return 0;
                }
                return run(args[1..]);
            }
            throw new InputError($"unknown command {InputError.Quote(args[0])}; expected one of {string.Join(", ", Commands.Select(c => c.Name))}");
        }

        /// <summary>Maps what <paramref name="body"/> throws to an exit code and one error line.</summary>
        private static int Guard(Func<int> body)
        {
            try
            {
                return body();
            }
            catch (InputError e)
            {
                return Fail(2, e.Message);
            }
            catch (StandardOutputError e) when (e.ReaderGone)
            {
                return 0; // `sim trace ... | head`: the reader has what it wanted
            }
            catch (PlatformError e)
            {
                // The machine cannot show or render (no display, missing library, old OpenGL): not bad input.
                return Fail(1, e.Message);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or IOException or UnauthorizedAccessException)
            {
                return Fail(1, e.Message);
            }
        }

        /// <summary>
        /// Prints <c>error: MESSAGE</c> as one line of at most <see cref="MaxErrorLength"/> characters and
        /// returns <paramref name="code"/>. Writing never throws: with standard error closed or full the
        /// exit code still tells.
        /// </summary>
        private static int Fail(int code, string message)
        {
            try
            {
                Console.Error.Write("error: " + InputError.OneLine(message, MaxErrorLength - 1) + "\n"); // the cut adds "…"
                Console.Error.Flush();
            }
            catch (Exception)
            {
                // Nowhere left to say it; the exit code is the message.
            }
            return code;
        }

        private static string Usage()
        {
            var w = new StringWriter();
            w.WriteLine("usage: sim [COMMAND] [OPTIONS]");
            w.WriteLine();
            w.WriteLine("  (none)        the playground window: the default scene, or --scenario FILE, or --landscape NAME ..., or --data NAME --layers ...");
            foreach (var (name, summary, _, _) in Commands) w.WriteLine($"  {name,-14}{summary}");
            w.WriteLine();
            w.WriteLine("'sim COMMAND --help' shows a command's options; README.md explains them.");
            return w.ToString();
        }
    }
}
