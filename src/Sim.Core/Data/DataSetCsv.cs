using System.Globalization;

namespace Sim.Core.Data;

/// <summary>
/// A two-class data set as CSV: the header <c>x1,x2,label</c>, then one example per line with
/// finite inputs and a label of 0 or 1. A problem is an <see cref="InputError"/> naming the file
/// and the line.
/// </summary>
public static class DataSetCsv
{
    public const string Header = "x1,x2,label";

    public static DataSet Load(string path)
    {
        var lines = InputFile.ReadText(path, Limits.DataFileBytes, "data").ReplaceLineEndings("\n").Split('\n');
        return Parse(lines, path);
    }

    public static DataSet Parse(IReadOnlyList<string> lines, string name)
    {
        if (lines.Count == 0 || lines[0].Trim().TrimStart('\uFEFF') != Header)
            throw new InputError($"{name}: line 1: expected the header {Header}");
        var x1 = new List<double>();
        var x2 = new List<double>();
        var y = new List<double>();
        for (int n = 1; n < lines.Count; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            string at = $"{name}: line {n + 1}";
            if (cells.Length != 3) throw new InputError($"{at}: expected 3 values x1,x2,label, got {cells.Length}");
            x1.Add(Number(cells[0], at, "x1"));
            x2.Add(Number(cells[1], at, "x2"));
            y.Add(cells[2].Trim() switch
            {
                "0" => 0,
                "1" => 1,
                var other => throw new InputError($"{at}: label {InputError.Quote(other)} is not 0 or 1"),
            });
            if (y.Count > DataSetCatalog.MaxExamples) throw new InputError($"{at}: more than {DataSetCatalog.MaxExamples} examples");
        }
        if (y.Count < 2) throw new InputError($"{name}: {y.Count} examples; expected at least 2");
        return new DataSet([.. x1], [.. x2], [.. y]);
    }

    private static double Number(string cell, string at, string column)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw new InputError($"{at}: {column} {InputError.Quote(cell.Trim())} is not a finite number");
    }

    /// <summary>Writes <paramref name="data"/> in this format, round-trip numbers.</summary>
    public static void Write(DataSet data, TextWriter output)
    {
        output.WriteLine(Header);
        for (int i = 0; i < data.Count; i++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{data.X1[i]:R},{data.X2[i]:R},{data.Y[i]:R}"));
    }
}
