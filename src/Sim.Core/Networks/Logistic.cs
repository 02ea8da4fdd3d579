namespace Sim.Core.Networks;

/// <summary>The sigmoid and the softplus of a logit, written once for networks and logistic regression.</summary>
public static class Logistic
{
    /// <summary>1/(1 + e^−z), as the lab writes it; exp overflowing to ∞ gives 0, never NaN.</summary>
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Whether a logit predicts class 1: sigmoid(z) &gt; 0.5, as the lab's <c>predict</c> and the accuracy count it.</summary>
    public static bool PredictsOne(double z) => Sigmoid(z) > 0.5;

    /// <summary>
    /// ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|): never overflows and keeps the tiny losses of
    /// well-classified examples. With a = sigmoid(z): −ln a = softplus(−z), −ln(1 − a) = softplus(z).
    /// </summary>
    public static double Softplus(double z) => Math.Max(z, 0) + LogOnePlus(Math.Exp(-Math.Abs(z)));

    /// <summary>log(1 + v) accurate for tiny v, where 1 + v rounds (Goldberg's correction);
    /// .NET's double.LogP1 is the naive log(1 + v).</summary>
    public static double LogOnePlus(double v)
    {
        double w = 1 + v;
        return w == 1 ? v : Math.Log(w) * v / (w - 1);
    }
}
