using Xunit;
using Sim.Core.Data;

namespace Sim.Core.Tests;

public class MiniBatchesTests
{
    private static List<int[]> Take(MiniBatches batches, int count) =>
        Enumerable.Range(0, count).Select(_ => batches.Next().ToArray()).ToList();

    [Theory]
    [InlineData(10, 3)]
    [InlineData(256, 64)]
    [InlineData(100, 7)]
    public void EachEpochIsCeilMOverBBatchesThatPermuteAllExamples(int m, int b)
    {
        var batches = new MiniBatches(m, b, seed: 1);
        int perEpoch = (m + b - 1) / b;
        Assert.Equal(perEpoch, batches.BatchesPerEpoch);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seen = new List<int>();
            for (int k = 0; k < perEpoch; k++)
            {
                var batch = batches.Next();
                Assert.Equal(epoch, batches.Epoch);
                Assert.Equal(k, batches.BatchInEpoch);
                Assert.Equal(k < perEpoch - 1 ? b : m - b * (perEpoch - 1), batch.Length);
                seen.AddRange(batch.ToArray());
            }
            Assert.Equal(Enumerable.Range(0, m), seen.Order());
        }
    }

    [Fact]
    public void PeekingShowsTheNextBatchWithoutDrawingItAcrossEpochsAndSizeChanges()
    {
        var batches = new MiniBatches(10, 4, seed: 3);
        var peeked = new int[10];
        for (int k = 0; k < 12; k++)
        {
            if (k == 7) batches.BatchSize = 3;
            int n = batches.PeekNext(peeked);
            int n2 = batches.PeekNext(new int[10]); // peeking twice changes nothing
            Assert.Equal(n, n2);
            Assert.Equal(peeked.AsSpan(0, n).ToArray(), batches.Next().ToArray());
        }
        Assert.Throws<ArgumentException>(() => batches.PeekNext(new int[9]));
    }

    [Fact]
    public void LastBatchIsSmallerWhenBDoesNotDivideM()
    {
        var sizes = Take(new MiniBatches(10, 4, seed: 2), 3).Select(b => b.Length);
        Assert.Equal([4, 4, 2], sizes);
    }

    [Fact]
    public void CountersStartBeforeTheFirstBatch()
    {
        var batches = new MiniBatches(5, 2, seed: 1);
        Assert.Equal(-1, batches.Epoch);
        Assert.Equal(-1, batches.BatchInEpoch);
    }

    [Fact]
    public void EpochsAreShuffledDifferently()
    {
        var batches = new MiniBatches(50, 50, seed: 3);
        var first = batches.Next().ToArray();
        var second = batches.Next().ToArray();
        Assert.NotEqual(Enumerable.Range(0, 50), first);
        Assert.NotEqual(first, second);
        Assert.Equal(1, batches.Epoch);
    }

    [Fact]
    public void SameSeedGivesSameSequenceAndAnotherSeedAnother()
    {
        var a = Take(new MiniBatches(30, 4, seed: 5), 20);
        var b = Take(new MiniBatches(30, 4, seed: 5), 20);
        var c = Take(new MiniBatches(30, 4, seed: 6), 20);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void BatchSizeMGivesOneBatchOfEverythingPerEpoch()
    {
        var batches = new MiniBatches(12, 12, seed: 1);
        Assert.Equal(1, batches.BatchesPerEpoch);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(Enumerable.Range(0, 12), batches.Next().ToArray().Order());
            Assert.Equal(epoch, batches.Epoch);
            Assert.Equal(0, batches.BatchInEpoch);
        }
    }

    [Fact]
    public void BatchSizeOneGivesMSingleExampleBatches()
    {
        var batches = new MiniBatches(9, 1, seed: 1);
        Assert.Equal(9, batches.BatchesPerEpoch);
        var epoch = Take(batches, 9);
        Assert.All(epoch, b => Assert.Single(b));
        Assert.Equal(Enumerable.Range(0, 9), epoch.Select(b => b[0]).Order());
        Assert.Equal(0, batches.Epoch);
        batches.Next();
        Assert.Equal(1, batches.Epoch);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void InvalidBatchSizeIsAnInputError(int b)
    {
        Assert.Throws<InputError>(() => new MiniBatches(10, b, seed: 1));
        var batches = new MiniBatches(10, 5, seed: 1);
        Assert.Throws<InputError>(() => batches.BatchSize = b);
        Assert.Equal(5, batches.BatchSize);
    }

    [Fact]
    public void ChangingBatchSizeMidEpochCutsTheRestOfTheSameEpoch()
    {
        var batches = new MiniBatches(10, 4, seed: 8);
        var seen = new List<int>(batches.Next().ToArray());
        batches.BatchSize = 3;
        Assert.Equal(4, batches.BatchesPerEpoch);
        var sizes = new List<int>();
        for (int k = 0; k < 2; k++)
        {
            var batch = batches.Next();
            sizes.Add(batch.Length);
            seen.AddRange(batch.ToArray());
            Assert.Equal(0, batches.Epoch);
        }
        Assert.Equal([3, 3], sizes);
        Assert.Equal(Enumerable.Range(0, 10), seen.Order());
        Assert.Equal(3, batches.Next().Length);
        Assert.Equal(1, batches.Epoch);
    }

    [Fact]
    public void NextDoesNotAllocate()
    {
        var batches = new MiniBatches(1000, 32, seed: 1);
        batches.Next();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int k = 0; k < 10_000; k++) sum += batches.Next()[0];
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}
