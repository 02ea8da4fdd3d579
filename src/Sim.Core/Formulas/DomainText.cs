using System.Globalization;
using Sim.Core.Landscapes;

namespace Sim.Core.Formulas;

/// <summary>
/// A display domain as the user gives it: <c>--domain XMIN,XMAX,YMIN,YMAX</c> or a scenario's
/// <c>"domain": [xmin, xmax, ymin, ymax]</c>; one rule for both. Finite, each side longer than
/// <see cref="MinSide"/> and within ±<see cref="MaxCoordinate"/>, so a surface can be drawn over it.
/// </summary>
public static class DomainText
{
    public const double MaxCoordinate = 1e6;
    public const double MinSide = 1e-6;

    private const string Expected = "expected XMIN,XMAX,YMIN,YMAX with XMIN < XMAX and YMIN < YMAX, such as -2,2,-1,3";

    /// <summary>Parses <c>XMIN,XMAX,YMIN,YMAX</c>; <paramref name="what"/> names the input in errors ("--domain").</summary>
    public static Domain Parse(string text, string what)
    {
        var parts = text.Split(',');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new InputError($"{what} {InputError.Quote(text)} is not a domain; {Expected}");
        return Check(values, $"{what} {InputError.Quote(text)}");
    }

    /// <summary>The domain of four numbers xmin, xmax, ymin, ymax, or an <see cref="InputError"/> naming <paramref name="what"/>.</summary>
    public static Domain Check(ReadOnlySpan<double> v, string what)
    {
        if (v.Length != 4) throw new InputError($"{what} has {v.Length} numbers; {Expected}");
        foreach (var c in v)
            if (!double.IsFinite(c) || Math.Abs(c) > MaxCoordinate)
                throw new InputError($"{what}: every bound must be a finite number within ±{MaxCoordinate:0e0}; {Expected}");
        if (!(v[1] - v[0] >= MinSide) || !(v[3] - v[2] >= MinSide))
            throw new InputError($"{what} is empty or inverted; {Expected}");
        return new Domain(v[0], v[1], v[2], v[3]);
    }
}
