namespace Sim.Core;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator whose output depends only on
/// the seed, never on the platform or the .NET version, unlike <see cref="System.Random"/>.
/// Data sets and mini-batch orders drawn from it are the same on every machine.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;
    private double spareGaussian;
    private bool hasSpareGaussian;

    /// <summary>A generator in the same state: it draws what this one would draw next, leaving this one where it is.</summary>
    public SplitMix64 Clone() => (SplitMix64)MemberwiseClone();

    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1): the top 53 bits, so every value is an exact multiple of 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n), without the bias of a plain modulo: draws whose remainder class
    /// is incomplete at the top of the 64-bit range are rejected.</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ulong bound = (ulong)n;
        while (true)
        {
            ulong r = NextUInt64();
            // Draws below 2⁶⁴ mod n (which is below n) are rejected; that remainder, a second
            // division, is only worked out for the rare draw below n.
            if (r >= bound || r >= (0UL - bound) % bound) return (int)(r % bound);
        }
    }

    /// <summary>Standard normal, by Marsaglia's polar method: it needs only sqrt (exact in IEEE)
    /// and one log, where Box–Muller would also need sin and cos. Draws come in pairs; the
    /// second is kept for the next call.</summary>
    public double NextGaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }
}
