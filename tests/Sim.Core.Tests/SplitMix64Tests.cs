using Xunit;

namespace Sim.Core.Tests;

public class SplitMix64Tests
{
    [Fact]
    public void MatchesTheReferenceSequenceForSeedZero()
    {
        // First outputs of Vigna's splitmix64.c seeded with 0.
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void SameSeedGivesSameSequenceAndAnotherSeedAnother()
    {
        var a = new SplitMix64(42);
        var b = new SplitMix64(42);
        var c = new SplitMix64(43);
        var fromA = Enumerable.Range(0, 100).Select(_ => a.NextGaussian()).ToArray();
        Assert.Equal(fromA, Enumerable.Range(0, 100).Select(_ => b.NextGaussian()).ToArray());
        Assert.NotEqual(fromA, Enumerable.Range(0, 100).Select(_ => c.NextGaussian()).ToArray());
    }

    [Fact]
    public void NextDoubleIsInUnitIntervalWithMeanOneHalf()
    {
        var random = new SplitMix64(7);
        double sum = 0;
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            Assert.InRange(u, 0.0, 1.0);
            Assert.NotEqual(1.0, u);
            sum += u;
        }
        Assert.Equal(0.5, sum / n, 0.005);
    }

    [Fact]
    public void NextIntCoversItsRangeEvenly()
    {
        var random = new SplitMix64(3);
        const int n = 7, draws = 70_000;
        var counts = new int[n];
        for (int i = 0; i < draws; i++) counts[random.NextInt(n)]++;
        // Each count is Binomial(70000, 1/7): mean 10000, sd ≈ 93.
        foreach (var count in counts) Assert.InRange(count, 9_600, 10_400);
        Assert.Equal(0, new SplitMix64(5).NextInt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }

    [Fact]
    public void NextIntReachesLargeBounds()
    {
        var random = new SplitMix64(11);
        int max = 0;
        for (int i = 0; i < 1000; i++) max = Math.Max(max, random.NextInt(int.MaxValue));
        Assert.True(max > int.MaxValue / 2);
    }

    [Fact]
    public void NextGaussianIsStandardNormal()
    {
        var random = new SplitMix64(9);
        const int n = 200_000;
        double sum = 0, sumSquares = 0, beyondTwo = 0;
        for (int i = 0; i < n; i++)
        {
            double g = random.NextGaussian();
            sum += g;
            sumSquares += g * g;
            if (Math.Abs(g) > 2) beyondTwo++;
        }
        Assert.Equal(0, sum / n, 0.01);
        Assert.Equal(1, sumSquares / n, 0.01);
        Assert.Equal(0.0455, beyondTwo / n, 0.003); // P(|Z| > 2)
    }
}
