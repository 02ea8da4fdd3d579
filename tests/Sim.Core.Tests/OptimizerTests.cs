using Sim.Core;
using Sim.Core.Optimizers;
using Xunit;

namespace Sim.Core.Tests;

/// <summary>What torch cannot check: bias correction switched off, Ng's momentum, Hinton's gains.</summary>
public class OptimizerTests
{
    private static double FirstStep(Optimizer o, double g)
    {
        var state = o.Init<double>(1);
        double[] p = [0];
        o.Step(state, p, [g], o.LearningRate);
        return -p[0];
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-3.0)]
    [InlineData(100.0)]
    public void AdamFirstStepIsLrWithBiasCorrectionAndAbout316LrWithout(double g)
    {
        var corrected = new Adam(0.01);
        Assert.Equal(0.01 * Math.Sign(g), FirstStep(corrected, g), 1e-8);
        var raw = new Adam(0.01) { BiasCorrection = false };
        double expected = 0.01 * (0.1 * g) / (Math.Sqrt(0.001 * g * g) + 1e-8); // (1−β₁)/√(1−β₂)·lr ≈ 3.16·lr
        Assert.Equal(expected, FirstStep(raw, g), 1e-15);
        Assert.InRange(Math.Abs(FirstStep(raw, g)) / 0.01, 3.16, 3.17);
    }

    [Fact]
    public void SwitchingBiasCorrectionKeepsTheState()
    {
        var adam = new Adam(0.1);
        var state = adam.Init<double>(2);
        double[] p = [1, 2];
        for (int i = 0; i < 5; i++) adam.Step(state, p, [p[0], 3 * p[1]], 0.1);
        double[] m = [.. state.Slots[0]], v = [.. state.Slots[1]];
        adam.BiasCorrection = false;
        Assert.Equal(5, state.Step);
        Assert.Equal(m, state.Slots[0]);
        Assert.Equal(v, state.Slots[1]);
        double[] before = [.. p];
        double[] g = [p[0], 3 * p[1]];
        adam.Step(state, p, g, 0.1);
        Assert.Equal(6, state.Step);
        // The uncorrected step uses the carried moments: m₆ = β₁m₅ + (1−β₁)g, v₆ likewise.
        for (int i = 0; i < 2; i++)
        {
            double m6 = m[i] * 0.9 + 0.1 * g[i], v6 = v[i] * 0.999 + 0.001 * g[i] * g[i];
            Assert.Equal(before[i] - 0.1 * (m6 / (Math.Sqrt(v6) + 1e-8)), p[i], 1e-15);
        }
    }

    [Fact]
    public void NgMomentumWithoutCorrectionStartsSlowAndWithCorrectionDoesNot()
    {
        Assert.Equal(0.1 * 0.5 * 2.0, FirstStep(new NgMomentum(0.5), 2.0), 1e-15);
        Assert.Equal(0.5 * 2.0, FirstStep(new NgMomentum(0.5) { BiasCorrection = true }, 2.0), 1e-15);
    }

    [Fact]
    public void NgMomentumAveragesAConstantGradientToItWithCorrectionAtEveryStep()
    {
        var o = new NgMomentum(1) { BiasCorrection = true, Beta = 0.8 };
        var state = o.Init<double>(1);
        double[] p = [0];
        for (int t = 1; t <= 20; t++)
        {
            double before = p[0];
            o.Step(state, p, [3.0], 1);
            Assert.Equal(-3.0, p[0] - before, 1e-12);
        }
    }

    [Fact]
    public void GainsGrowAdditivelyWhileTheSignHoldsAndClampAtMax()
    {
        var o = new Gains(0.001);
        var state = o.Init<double>(1);
        double[] p = [0];
        o.Step(state, p, [1.0], o.LearningRate);
        Assert.Equal(0.95, state.Slots[0][0], 1e-15); // no previous gradient: not the same sign
        for (int t = 2; t <= 400; t++) o.Step(state, p, [1.0], o.LearningRate);
        Assert.Equal(10.0, state.Slots[0][0]);
        double before = p[0];
        o.Step(state, p, [1.0], o.LearningRate);
        Assert.Equal(-0.001 * 10.0, p[0] - before, 1e-15);
    }

    [Fact]
    public void GainsShrinkMultiplicativelyWhenTheSignFlipsAndClampAtMin()
    {
        var o = new Gains(0.001);
        var state = o.Init<double>(1);
        double[] p = [0];
        o.Step(state, p, [1.0], o.LearningRate);
        o.Step(state, p, [-1.0], o.LearningRate);
        Assert.Equal(0.95 * 0.95, state.Slots[0][0], 1e-15);
        for (int t = 0; t < 200; t++) o.Step(state, p, [t % 2 == 0 ? 1.0 : -1.0], o.LearningRate);
        Assert.Equal(0.1, state.Slots[0][0]);
    }

    [Fact]
    public void GainsWithMomentumAccumulateVelocity()
    {
        var o = new Gains(0.1) { Momentum = 0.9, GainUp = 0, GainDown = 1 };
        var state = o.Init<double>(1);
        double[] p = [0];
        o.Step(state, p, [1.0], 0.1);
        o.Step(state, p, [1.0], 0.1);
        Assert.Equal(-0.1 - (0.9 * 0.1 + 0.1), p[0], 1e-15);
    }

    [Fact]
    public void RpropIgnoresGradientSizeAndShrinksOnASignFlip()
    {
        var o = new Rprop(0.1);
        var state = o.Init<double>(2);
        double[] p = [0, 0];
        o.Step(state, p, [1e-6, 1e6], o.LearningRate);
        Assert.Equal(-0.1, p[0], 1e-15);
        Assert.Equal(-0.1, p[1], 1e-15);
        o.Step(state, p, [1.0, -1.0], o.LearningRate);
        Assert.Equal(-0.1 - 0.12, p[0], 1e-15); // same sign: 1.2×
        Assert.Equal(-0.1, p[1], 1e-15);        // flip: no move this step, step halved
        Assert.Equal(0.05, state.Slots[1][1], 1e-15);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryOptimizerDescendsAQuadraticBowl(string name)
    {
        var o = OptimizerCatalog.Create(name);
        var state = o.Init<double>(2);
        double[] p = [2, -1];
        double f0 = p[0] * p[0] + p[1] * p[1];
        for (int t = 0; t < 200; t++) o.Step(state, p, [2 * p[0], 2 * p[1]], o.LearningRate);
        Assert.True(p[0] * p[0] + p[1] * p[1] < f0, $"{name} did not descend: {p[0]}, {p[1]}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FloatAndDoubleAgreeOverAFewSteps(string name)
    {
        var o = OptimizerCatalog.Create(name);
        var sd = o.Init<double>(3);
        var sf = o.Init<float>(3);
        double[] pd = [1.5, -0.5, 0.25];
        float[] pf = [1.5f, -0.5f, 0.25f];
        for (int t = 0; t < 10; t++)
        {
            o.Step(sd, pd, [2 * pd[0], 4 * pd[1], -pd[2]], o.LearningRate);
            o.Step(sf, pf, [2 * pf[0], 4 * pf[1], -pf[2]], o.LearningRate);
        }
        for (int i = 0; i < 3; i++) Assert.Equal(pd[i], pf[i], 1e-4);
    }

    [Fact]
    public void VectorisedAdamMatchesTheScalarRuleBitForBit()
    {
        // 37 coordinates: vector lanes plus a scalar tail; amsgrad takes the scalar path only.
        var vector = new Adam(0.05) { WeightDecay = 0.01 };
        var scalar = new Adam(0.05) { WeightDecay = 0.01, Amsgrad = true };
        var sv = vector.Init<double>(37);
        var ss = scalar.Init<double>(37);
        var pv = Enumerable.Range(0, 37).Select(i => Math.Sin(i) * 3).ToArray();
        var ps = (double[])pv.Clone();
        // With a gradient whose square never shrinks, amsgrad's max is v itself: the same rule.
        for (int t = 1; t <= 30; t++)
        {
            var g = Enumerable.Range(0, 37).Select(i => (i + 1) * (double)t).ToArray();
            vector.Step(sv, pv, g, 0.05);
            scalar.Step(ss, ps, g, 0.05);
        }
        Assert.Equal(ps, pv);
    }

    [Fact]
    public void UnknownOptimizerAndParameterAreOneLineErrors()
    {
        var e = Assert.Throws<InputError>(() => OptimizerCatalog.Create("adamm"));
        Assert.Equal("unknown optimizer 'adamm'; expected one of " + string.Join(", ", OptimizerCatalog.Names), e.Message);
        var p = new Parameters();
        p.Add("beta1=1.5");
        var range = Assert.Throws<InputError>(() => OptimizerCatalog.Create("adam", p));
        Assert.Contains("beta1=1.5 is out of range", range.Message);
        var q = new Parameters();
        q.Add("amsgrad=yes");
        Assert.Contains("not a boolean", Assert.Throws<InputError>(() => OptimizerCatalog.Create("adam", q)).Message);
        var r = new Parameters();
        r.Add("lr=fast");
        Assert.Contains("lr='fast' is not a number", Assert.Throws<InputError>(() => OptimizerCatalog.Create("sgd", r)).Message);
        Assert.Throws<InputError>(() => new Parameters().Add("lr"));
    }

    public static TheoryData<string> Names => new(OptimizerCatalog.Names);
}
