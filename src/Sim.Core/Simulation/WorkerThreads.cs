namespace Sim.Core.Simulation;

/// <summary>
/// A fixed set of threads that run one body over contiguous ranges of [0, count) and wait for each
/// other: unlike Parallel.For it allocates nothing per run, so a swarm's step stays allocation-free.
/// </summary>
public sealed class WorkerThreads : IDisposable
{
    private readonly Thread[] threads;
    private readonly Barrier start;
    private readonly Barrier done;
    private Action<int, int, int>? body;
    private int count;
    private bool stopping;

    public WorkerThreads(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threadCount);
        ThreadCount = threadCount;
        start = new Barrier(threadCount);
        done = new Barrier(threadCount);
        threads = new Thread[threadCount - 1];
        for (int i = 0; i < threads.Length; i++)
        {
            int worker = i + 1;
            threads[i] = new Thread(() => Loop(worker)) { IsBackground = true, Name = $"swarm-{worker}" };
            threads[i].Start();
        }
    }

    public int ThreadCount { get; }

    /// <summary>
    /// Runs <paramref name="rangeBody"/>(worker, from, to) on every thread's share of [0, n), worker
    /// numbering the threads from 0 (the caller's); returns when all are done.
    /// </summary>
    public void Run(int n, Action<int, int, int> rangeBody)
    {
        body = rangeBody;
        count = n;
        start.SignalAndWait();
        RunShare(0);
        done.SignalAndWait();
    }

    private void Loop(int worker)
    {
        while (true)
        {
            start.SignalAndWait();
            if (stopping) return;
            RunShare(worker);
            done.SignalAndWait();
        }
    }

    private void RunShare(int worker)
    {
        long from = (long)count * worker / ThreadCount, to = (long)count * (worker + 1) / ThreadCount;
        if (to > from) body!(worker, (int)from, (int)to);
    }

    public void Dispose()
    {
        stopping = true;
        if (threads.Length > 0) start.SignalAndWait();
        foreach (var t in threads) t.Join();
        start.Dispose();
        done.Dispose();
    }
}
