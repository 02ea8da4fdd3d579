using Sim.Core.Data;

namespace Sim.Core.Networks;

/// <summary>
/// What a network predicts over the plane of its two inputs: the probability of class 1,
/// sigmoid(zᴸ), at the centres of a <see cref="Size"/> × <see cref="Size"/> grid over the data's
/// bounding box (widened by <see cref="Margin"/> of its span on each side), and which examples of
/// the data it classifies wrong. Row 0 is the bottom of the box (smallest x2), column 0 its left.
/// Holds its own <see cref="Network"/>, so it may run beside the world's stepping on another
/// thread; <see cref="Compute"/> allocates nothing.
/// </summary>
public sealed class DecisionGrid
{
    public const int DefaultSize = 48;
    public const double Margin = 0.08;

    private readonly Network network;
    private readonly DataSet cells;
    private readonly int[] cellIndices, exampleIndices;
    private readonly double[] logits, probabilities;
    private readonly bool[] wrong;

    public DecisionGrid(NetworkArchitecture shape, DataSet data, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        Shape = shape;
        Data = data;
        Size = size;
        (XMin, XMax) = Widened(data.X1);
        (YMin, YMax) = Widened(data.X2);
        int n = size * size;
        var x1 = new double[n];
        var x2 = new double[n];
        for (int row = 0; row < size; row++)
            for (int column = 0; column < size; column++)
                (x1[row * size + column], x2[row * size + column]) = (CellX(column), CellY(row));
        cells = new DataSet(x1, x2, new double[n]);
        cellIndices = Indices(n);
        exampleIndices = Indices(data.Count);
        network = new Network(shape, Math.Max(n, data.Count));
        logits = new double[Math.Max(n, data.Count)];
        probabilities = new double[n];
        wrong = new bool[data.Count];
    }

    public NetworkArchitecture Shape { get; }
    public DataSet Data { get; }
    public int Size { get; }
    public double XMin { get; }
    public double XMax { get; }
    public double YMin { get; }
    public double YMax { get; }

    /// <summary>P(class 1) at each cell's centre, row by row from the bottom.</summary>
    public ReadOnlySpan<double> Probabilities => probabilities;

    /// <summary>Whether example k of <see cref="Data"/> is classified wrong.</summary>
    public ReadOnlySpan<bool> Wrong => wrong;

    /// <summary>Examples classified right, of <see cref="Data"/>'s count.</summary>
    public int Correct { get; private set; }

    /// <summary>Whether <see cref="Compute"/> has run.</summary>
    public bool Computed { get; private set; }

    public double CellX(int column) => XMin + (column + 0.5) * (XMax - XMin) / Size;
    public double CellY(int row) => YMin + (row + 0.5) * (YMax - YMin) / Size;

    /// <summary>The cell holding the point (x1, x2), clamped to the grid.</summary>
    public (int Column, int Row) CellOf(double x1, double x2) =>
        (Math.Clamp((int)Math.Floor((x1 - XMin) / (XMax - XMin) * Size), 0, Size - 1),
         Math.Clamp((int)Math.Floor((x2 - YMin) / (YMax - YMin) * Size), 0, Size - 1));

    /// <summary>The predictions of the network with parameters <paramref name="theta"/>.</summary>
    public void Compute(ReadOnlySpan<double> theta)
    {
        network.Logits(theta, cells, cellIndices, logits);
        for (int i = 0; i < probabilities.Length; i++) probabilities[i] = Logistic.Sigmoid(logits[i]);
        network.Logits(theta, Data, exampleIndices, logits);
        var y = Data.Y;
        int correct = 0;
        for (int k = 0; k < wrong.Length; k++)
        {
            wrong[k] = Logistic.PredictsOne(logits[k]) != y[k] > 0.5;
            if (!wrong[k]) correct++;
        }
        Correct = correct;
        Computed = true;
    }

    private static (double Min, double Max) Widened(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        double span = max > min ? max - min : 1;
        return (min - Margin * span, max + Margin * span);
    }

    private static int[] Indices(int n)
    {
        var indices = new int[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        return indices;
    }
}
