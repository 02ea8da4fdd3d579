using Sim.Core.Schedules;
using Xunit;

namespace Sim.Core.Tests;

public class ScheduleTests
{
    [Theory]
    [InlineData("constant", "", 0, 0.2)]
    [InlineData("constant", "", 500, 0.2)]
    [InlineData("inverse_time", "", 0, 0.2)]
    [InlineData("inverse_time", "", 3, 0.05)]
    [InlineData("inverse_time", "decay_rate=0.5", 2, 0.1)]
    [InlineData("exponential", "", 2, 0.2 * 0.9025)]
    [InlineData("exponential", "decay_rate=0.5", 3, 0.025)]
    [InlineData("inverse_sqrt", "", 3, 0.1)]
    [InlineData("inverse_sqrt", "k=2", 0, 0.4)]
    [InlineData("staircase", "", 999, 0.2)]
    [InlineData("staircase", "", 1000, 0.1)]
    [InlineData("staircase", "interval=10", 25, 0.05)]
    [InlineData("fixed_interval", "", 999, 0.2)]
    [InlineData("fixed_interval", "", 2000, 0.2 / 3)]
    [InlineData("fixed_interval", "decay_rate=0.5;interval=5", 12, 0.1)]
    public void LearningRateAtEpochFollowsTheTable(string name, string parameters, int epoch, double expected)
    {
        var p = new Parameters();
        foreach (var pair in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries)) p.Add(pair);
        var schedule = ScheduleCatalog.Create(name, p);
        p.RejectUnused(name);
        Assert.Equal(expected, schedule.At(0.2, epoch), 1e-15);
    }

    [Fact]
    public void SchedulesDecayMonotonically()
    {
        foreach (var name in ScheduleCatalog.Names)
        {
            var s = ScheduleCatalog.Create(name);
            for (int e = 1; e < 5000; e += 7) Assert.True(s.At(1, e) <= s.At(1, e - 1), $"{name} rose at epoch {e}");
        }
    }

    [Fact]
    public void BadScheduleInputIsRejected()
    {
        Assert.Contains("expected one of constant, inverse_time", Assert.Throws<InputError>(() => ScheduleCatalog.Create("cosine")).Message);
        var p = new Parameters();
        p.Add("interval=0");
        Assert.Contains("interval=0 is out of range", Assert.Throws<InputError>(() => ScheduleCatalog.Create("staircase", p)).Message);
        var k = new Parameters();
        k.Add("decay_rate=1.5");
        Assert.Throws<InputError>(() => ScheduleCatalog.Create("exponential", k));
        var unused = new Parameters();
        unused.Add("k=2");
        ScheduleCatalog.Create("exponential", unused);
        Assert.Contains("unknown parameter 'k'", Assert.Throws<InputError>(() => unused.RejectUnused("exponential")).Message);
    }
}
