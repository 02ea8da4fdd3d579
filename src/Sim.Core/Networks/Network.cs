using Sim.Core.Data;

namespace Sim.Core.Networks;

/// <summary>
/// A fully connected network's loss, gradient and Hessian-vector product over a batch of
/// examples, exact in float64, with its own work buffers (one instance per thread). For a batch of
/// n examples with inputs a⁰ (2 × n), labels y and the parameters θ = (W¹, b¹, …, Wᴸ, bᴸ):
/// <code>
/// forward   zˡ = Wˡ aˡ⁻¹ + bˡ,  aˡ = σ(zˡ) for hidden layers (relu or tanh); the output is sigmoid(zᴸ)
/// loss      L = (1/n) Σₑ softplus(zᴸₑ) − yₑ·zᴸₑ      (= −mean(y ln a + (1 − y) ln(1 − a)), a = sigmoid(zᴸ))
/// backward  δᴸ = (sigmoid(zᴸ) − y)/n
///           ∂L/∂Wˡ = δˡ (aˡ⁻¹)ᵀ,   ∂L/∂bˡ = Σₑ δˡₑ
///           δˡ⁻¹ = σ'(zˡ⁻¹) ⊙ (Wˡ)ᵀ δˡ
/// </code>
/// relu'(z) is 1 where z &gt; 0 and 0 where z ≤ 0, the kink included (the lab's <c>a &gt; 0</c>): at a
/// kink the gradient is the one-sided derivative from below. tanh'(z) = 1 − a², tanh''(z) = −2a(1 − a²).
/// <para>Hessian-vector products H·v, v = (V¹, c¹, …), by Pearlmutter's R-operator (forward over
/// reverse), R{·} being the derivative along v:</para>
/// <code>
/// R{a⁰} = 0,  R{zˡ} = Vˡ aˡ⁻¹ + Wˡ R{aˡ⁻¹} + cˡ,  R{aˡ} = σ'(zˡ) R{zˡ}
/// R{δᴸ} = sigmoid(zᴸ)(1 − sigmoid(zᴸ)) R{zᴸ}/n
/// R{δˡ⁻¹} = σ''(zˡ⁻¹) R{zˡ⁻¹} ⊙ (Wˡ)ᵀδˡ + σ'(zˡ⁻¹) ⊙ ((Vˡ)ᵀδˡ + (Wˡ)ᵀ R{δˡ})      (relu'' = 0)
/// (Hv)_Wˡ = R{δˡ}(aˡ⁻¹)ᵀ + δˡ (R{aˡ⁻¹})ᵀ,   (Hv)_bˡ = Σₑ R{δˡₑ}
/// </code>
/// Activations are unit-major: unit j's values for the n examples of the batch are one contiguous
/// row, so every inner loop (an axpy or a dot product over examples) runs over contiguous memory.
/// Nothing is allocated after construction except the R-operator's buffers, once, on the first
/// Hessian-vector product.
/// </summary>
public sealed class Network
{
    private readonly NetworkArchitecture shape;
    private readonly int capacity;
    private readonly double[][] a;     // a[l]: aˡ, unit-major (a[L] holds the logits zᴸ)
    private readonly double[][] delta; // delta[l]: δˡ
    private readonly double[] labels;
    private double[][]? rz, ra, rdelta; // R{zˡ}, R{aˡ}, R{δˡ}
    private double[]? back, rback;      // (Wˡ)ᵀδˡ and (Vˡ)ᵀδˡ + (Wˡ)ᵀR{δˡ} for one layer
    private int count;                 // examples of the last forward pass

    /// <param name="capacity">the largest batch this instance will see (the data set's size).</param>
    public Network(NetworkArchitecture shape, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.shape = shape;
        this.capacity = capacity;
        a = Layers(0);
        delta = Layers(1);
        labels = new double[capacity];
    }

    public NetworkArchitecture Shape => shape;

    /// <summary>The mean cross-entropy over <paramref name="examples"/> of <paramref name="data"/>.</summary>
    public double Loss(ReadOnlySpan<double> theta, DataSet data, ReadOnlySpan<int> examples)
    {
        Forward(theta, data, examples);
        return OutputPass(withDelta: false);
    }

    /// <summary>The loss and, into <paramref name="gradient"/>, its exact gradient over the examples.</summary>
    public double LossAndGradient(ReadOnlySpan<double> theta, DataSet data, ReadOnlySpan<int> examples, Span<double> gradient)
    {
        Forward(theta, data, examples);
        double loss = OutputPass(withDelta: true);
        Backward(theta, gradient);
        return loss;
    }

    /// <summary>
    /// The loss and how many of the examples the network classifies right (output &gt; 0.5 means
    /// label 1), from one forward pass.
    /// </summary>
    public (double Loss, int Correct) Evaluate(ReadOnlySpan<double> theta, DataSet data, ReadOnlySpan<int> examples)
    {
        Forward(theta, data, examples);
        var (sum, right) = OutputLayer.Pass(a[shape.Depth].AsSpan(0, count), labels.AsSpan(0, count), default, countCorrect: true);
        return (sum / count, right);
    }

    /// <summary>
    /// The output unit's logit zᴸ for each of <paramref name="examples"/>, into <paramref name="logits"/>: the network's
    /// prediction is sigmoid(zᴸ), class 1 where that is above 0.5 (<see cref="Logistic.PredictsOne"/>). Labels are not read.
    /// </summary>
    public void Logits(ReadOnlySpan<double> theta, DataSet data, ReadOnlySpan<int> examples, Span<double> logits)
    {
        if (logits.Length < examples.Length) throw new ArgumentException($"room for {logits.Length} logits, {examples.Length} examples", nameof(logits));
        Forward(theta, data, examples);
        a[shape.Depth].AsSpan(0, count).CopyTo(logits);
    }

    /// <summary>The Hessian of the loss over the examples times <paramref name="v"/>, exactly, into <paramref name="product"/>.</summary>
    public void HessianTimes(ReadOnlySpan<double> theta, DataSet data, ReadOnlySpan<int> examples, ReadOnlySpan<double> v, Span<double> product)
    {
        EnsureROperator();
        Forward(theta, data, examples);
        OutputPass(withDelta: true);
        Backward(theta, product); // fills every δˡ; the gradient itself is overwritten below
        ForwardR(theta, v);
        BackwardR(theta, v, product);
    }

    private double[][] Layers(int from)
    {
        var layers = new double[shape.Depth + 1][];
        for (int l = 0; l <= shape.Depth; l++) layers[l] = l < from ? [] : new double[shape.Units(l) * capacity];
        return layers;
    }

    private Span<double> Row(double[] layer, int unit) => layer.AsSpan(unit * count, count);

    private void Forward(ReadOnlySpan<double> theta, DataSet data, ReadOnlySpan<int> examples)
    {
        if (examples.IsEmpty || examples.Length > capacity)
            throw new ArgumentOutOfRangeException(nameof(examples), $"a batch needs 1 to {capacity} examples");
        if (theta.Length != shape.ParameterCount)
            throw new ArgumentException($"expected {shape.ParameterCount} parameters, got {theta.Length}", nameof(theta));
        count = examples.Length;
        Gather(data, examples);
        for (int l = 1; l <= shape.Depth; l++)
        {
            int inputs = shape.Units(l - 1), units = shape.Units(l);
            var w = theta.Slice(shape.WeightOffset(l), units * inputs);
            var b = theta.Slice(shape.BiasOffset(l), units);
            for (int j = 0; j < units; j++)
            {
                var z = Row(a[l], j);
                z.Fill(b[j]);
                for (int i = 0; i < inputs; i++) RowKernels.Axpy(w[j * inputs + i], Row(a[l - 1], i), z);
            }
            if (l < shape.Depth) Activate(a[l].AsSpan(0, units * count));
        }
    }

    private void Gather(DataSet data, ReadOnlySpan<int> examples)
    {
        var x1 = data.X1;
        var x2 = data.X2;
        var y = data.Y;
        var inputs = a[0];
        for (int e = 0; e < count; e++)
        {
            int k = examples[e];
            inputs[e] = x1[k];
            inputs[count + e] = x2[k];
            labels[e] = y[k];
        }
    }

    private void Activate(Span<double> z)
    {
        if (shape.Activation == Activation.Relu)
        {
            RowKernels.Relu(z);
            return;
        }
        for (int i = 0; i < z.Length; i++) z[i] = Math.Tanh(z[i]);
    }

    /// <summary>Multiplies <paramref name="g"/> by σ'(z), read from the activations a = σ(z).</summary>
    private void TimesDerivative(Span<double> g, ReadOnlySpan<double> activations)
    {
        if (shape.Activation == Activation.Relu) RowKernels.WherePositive(g, activations);
        else RowKernels.TimesOneMinusSquare(g, activations);
    }

    /// <summary>The mean loss over the batch and, if asked, δᴸ = (sigmoid(zᴸ) − y)/n (<see cref="OutputLayer"/>).</summary>
    private double OutputPass(bool withDelta)
    {
        var top = withDelta ? delta[shape.Depth].AsSpan(0, count) : default;
        return OutputLayer.Pass(a[shape.Depth].AsSpan(0, count), labels.AsSpan(0, count), top, countCorrect: false).Sum / count;
    }

    /// <summary>The gradient from δᴸ, which <see cref="OutputPass"/> has set.</summary>
    private void Backward(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        for (int l = shape.Depth; l >= 1; l--)
        {
            int inputs = shape.Units(l - 1), units = shape.Units(l);
            var gw = gradient.Slice(shape.WeightOffset(l), units * inputs);
            var gb = gradient.Slice(shape.BiasOffset(l), units);
            for (int j = 0; j < units; j++)
            {
                var d = Row(delta[l], j);
                gb[j] = RowKernels.Sum(d);
                for (int i = 0; i < inputs; i++) gw[j * inputs + i] = RowKernels.Dot(d, Row(a[l - 1], i));
            }
            if (l == 1) break;
            var below = delta[l - 1].AsSpan(0, inputs * count);
            TransposeTimes(theta.Slice(shape.WeightOffset(l), units * inputs), delta[l], below, l, clear: true);
            TimesDerivative(below, a[l - 1].AsSpan(0, inputs * count));
        }
    }

    /// <summary>target += Mᵀ·d for layer l's weight-shaped M (units × inputs) and its rows d; cleared first if asked.</summary>
    private void TransposeTimes(ReadOnlySpan<double> m, double[] d, Span<double> target, int l, bool clear)
    {
        int inputs = shape.Units(l - 1), units = shape.Units(l);
        if (clear) target.Clear();
        for (int j = 0; j < units; j++)
        {
            var dj = Row(d, j);
            for (int i = 0; i < inputs; i++) RowKernels.Axpy(m[j * inputs + i], dj, target.Slice(i * count, count));
        }
    }

    private void EnsureROperator()
    {
        if (rz is not null) return;
        rz = Layers(1);
        ra = Layers(1);
        rdelta = Layers(1);
        int widest = 0;
        for (int l = 0; l <= shape.Depth; l++) widest = Math.Max(widest, shape.Units(l));
        back = new double[widest * capacity];
        rback = new double[widest * capacity];
    }

    private void ForwardR(ReadOnlySpan<double> theta, ReadOnlySpan<double> v)
    {
        for (int l = 1; l <= shape.Depth; l++)
        {
            int inputs = shape.Units(l - 1), units = shape.Units(l);
            var w = theta.Slice(shape.WeightOffset(l), units * inputs);
            var vw = v.Slice(shape.WeightOffset(l), units * inputs);
            var c = v.Slice(shape.BiasOffset(l), units);
            for (int j = 0; j < units; j++)
            {
                var r = Row(rz![l], j);
                r.Fill(c[j]);
                for (int i = 0; i < inputs; i++)
                {
                    RowKernels.Axpy(vw[j * inputs + i], Row(a[l - 1], i), r);
                    if (l > 1) RowKernels.Axpy(w[j * inputs + i], Row(ra![l - 1], i), r);
                }
            }
            if (l == shape.Depth) break;
            var rAct = ra![l].AsSpan(0, units * count);
            rz![l].AsSpan(0, units * count).CopyTo(rAct);
            TimesDerivative(rAct, a[l].AsSpan(0, units * count));
        }
    }

    private void BackwardR(ReadOnlySpan<double> theta, ReadOnlySpan<double> v, Span<double> product)
    {
        var top = rdelta![shape.Depth];
        var logits = a[shape.Depth];
        for (int e = 0; e < count; e++)
        {
            double s = Logistic.Sigmoid(logits[e]);
            top[e] = s * (1 - s) * rz![shape.Depth][e] / count;
        }
        for (int l = shape.Depth; l >= 1; l--)
        {
            int inputs = shape.Units(l - 1), units = shape.Units(l);
            var hw = product.Slice(shape.WeightOffset(l), units * inputs);
            var hb = product.Slice(shape.BiasOffset(l), units);
            for (int j = 0; j < units; j++)
            {
                var rd = Row(rdelta[l], j);
                hb[j] = RowKernels.Sum(rd);
                for (int i = 0; i < inputs; i++)
                    hw[j * inputs + i] = RowKernels.Dot(rd, Row(a[l - 1], i)) + (l > 1 ? RowKernels.Dot(Row(delta[l], j), Row(ra![l - 1], i)) : 0);
            }
            if (l > 1) RDeltaBelow(theta, v, l);
        }
    }

    /// <summary>R{δˡ⁻¹} = σ''(zˡ⁻¹) R{zˡ⁻¹} ⊙ (Wˡ)ᵀδˡ + σ'(zˡ⁻¹) ⊙ ((Vˡ)ᵀδˡ + (Wˡ)ᵀ R{δˡ}).</summary>
    private void RDeltaBelow(ReadOnlySpan<double> theta, ReadOnlySpan<double> v, int l)
    {
        int inputs = shape.Units(l - 1), units = shape.Units(l), size = inputs * count;
        var w = theta.Slice(shape.WeightOffset(l), units * inputs);
        var vw = v.Slice(shape.WeightOffset(l), units * inputs);
        var sum = rback.AsSpan(0, size);
        TransposeTimes(vw, delta[l], sum, l, clear: true);
        TransposeTimes(w, rdelta![l], sum, l, clear: false);
        var below = a[l - 1].AsSpan(0, size);
        var target = rdelta[l - 1].AsSpan(0, size);
        sum.CopyTo(target);
        TimesDerivative(target, below);
        if (shape.Activation == Activation.Relu) return;
        var plain = back.AsSpan(0, size);
        TransposeTimes(w, delta[l], plain, l, clear: true);
        var rzBelow = rz![l - 1].AsSpan(0, size);
        for (int k = 0; k < size; k++)
        {
            double t = below[k];
            target[k] += -2 * t * (1 - t * t) * rzBelow[k] * plain[k];
        }
    }
}
