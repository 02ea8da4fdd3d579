namespace Sim.Core.Networks;

/// <summary>
/// Computes <see cref="HessianSpectrum"/>s on a thread of its own, so a window never waits for n
/// Hessian-vector products: <see cref="Request"/> copies the weights (allocating nothing once its
/// buffer fits) and returns at once; <see cref="Latest"/> is the newest finished spectrum. The
/// thread works on a <see cref="NetworkObjective"/> of its own over the same network and data, never
/// the world's, whose buffers the stepping uses. A request made while one is running waits for it
/// (only the newest waiting one is kept). The thread is a background thread, started on the first
/// request.
/// </summary>
public sealed class BackgroundSpectrum : IDisposable
{
    private readonly object gate = new();
    private readonly AutoResetEvent wake = new(false);
    private Thread? thread;
    private double[] pending = [];
    private NetworkObjective? pendingSource, ownSource, own;
    private int pendingBall, pendingStep, pendingLength, generation, pendingGeneration;
    private bool hasPending, running, stopping;
    private volatile HessianSpectrum? latest;

    /// <summary>The newest spectrum finished, or null.</summary>
    public HessianSpectrum? Latest => latest;

    /// <summary>Whether a spectrum is being computed or waits to be.</summary>
    public bool Busy
    {
        get
        {
            lock (gate) return hasPending || running;
        }
    }

    /// <summary>Sets <see cref="Latest"/> to one computed on the caller's thread (a headless frame, or the first one), with the world's own objective.</summary>
    public void Set(HessianSpectrum spectrum) => latest = spectrum;

    /// <summary>Asks for the spectrum of <paramref name="source"/>'s network at <paramref name="theta"/>, ball <paramref name="ball"/> after <paramref name="step"/> steps.</summary>
    public void Request(NetworkObjective source, ReadOnlySpan<double> theta, int ball, int step)
    {
        lock (gate)
        {
            if (pending.Length < theta.Length) pending = new double[theta.Length];
            theta.CopyTo(pending);
            pendingLength = theta.Length;
            (pendingSource, pendingBall, pendingStep, pendingGeneration, hasPending) = (source, ball, step, generation, true);
            if (thread is null)
            {
                thread = new Thread(Loop) { IsBackground = true, Name = "hessian-spectrum" };
                thread.Start();
            }
        }
        wake.Set();
    }

    /// <summary>Forgets the last spectrum (another world, another ball).</summary>
    public void Clear()
    {
        lock (gate)
        {
            hasPending = false;
            generation++; // a spectrum being computed now is of the old scene: it is dropped when done
            latest = null;
        }
    }

    private void Loop()
    {
        double[] theta = [];
        while (true)
        {
            wake.WaitOne();
            NetworkObjective source;
            int ball, step, of;
            lock (gate)
            {
                if (stopping) return;
                if (!hasPending) continue;
                if (theta.Length != pendingLength) theta = new double[pendingLength];
                pending.AsSpan(0, pendingLength).CopyTo(theta);
                (source, ball, step, of) = (pendingSource!, pendingBall, pendingStep, pendingGeneration);
                hasPending = false;
                running = true;
            }
            try
            {
                if (!ReferenceEquals(source, ownSource)) (ownSource, own) = (source, new NetworkObjective(source.Shape, source.Data));
                var spectrum = HessianSpectrum.Of(own!, theta, ball, step);
                lock (gate)
                    if (of == generation) latest = spectrum;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
            {
                // Weights gone non-finite or a network too large: the panel shows the last good spectrum.
            }
            finally
            {
                lock (gate) running = false;
            }
        }
    }

    public void Dispose()
    {
        lock (gate) stopping = true;
        wake.Set();
        thread?.Join();
        wake.Dispose();
    }
}
