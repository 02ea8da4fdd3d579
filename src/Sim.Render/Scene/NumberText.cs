using System.Globalization;

namespace Sim.Render.Scene;

/// <summary>
/// Numbers as a lecture slide would print them: three significant digits, exponent only when needed,
/// and no digits that say nothing: 1e−4 rather than 1.00e−4, 2.5e6 rather than 2.50e+6, as G3 prints
/// 0.5 rather than 0.500.
/// </summary>
public static class NumberText
{
    public static string Short(double v)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..Format(v, buffer)]);
    }

    /// <summary>Writes <see cref="Short"/>'s text into <paramref name="into"/> (32 characters suffice) and returns its length; allocates nothing.</summary>
    public static int Format(double v, Span<char> into) => Format(v, 3, into);

    /// <summary>
    /// <paramref name="v"/> with up to <paramref name="digits"/> significant digits (1 to 15), trailing zeros
    /// dropped; whole numbers up to 99,999 in full, an exponent below 0.001 and from 100,000.
    /// </summary>
    public static int Format(double v, int digits, Span<char> into)
    {
        if (double.IsNaN(v)) return Copy("NaN", into);
        if (double.IsInfinity(v)) return Copy(v > 0 ? "∞" : "−∞", into);
        double a = Math.Abs(v);
        // Never fewer digits than the whole part has: G2 would print 100 as 1E+02.
        if (a >= 1 && a < 1000) digits = Math.Max(digits, (int)Math.Floor(Math.Log10(a)) + 1);
        // G3 would print 1060 as 1.06E+03: whole numbers up to 99,999 read better.
        string format = a != 0 && (a >= 1e5 || a < 1e-3) ? Mantissas[Math.Clamp(digits, 1, 15)] : a >= 1000 ? "0" : Generals[Math.Clamp(digits, 1, 15)];
        if (!v.TryFormat(into, out int written, format, CultureInfo.InvariantCulture)) return Copy("?", into);
        // A true minus sign reads better than a hyphen at a distance.
        for (int i = 0; i < written; i++)
            if (into[i] == '-') into[i] = '−';
        return written;
    }

    // "0.##e-0": up to three significant digits, no trailing zeros, a sign on the exponent only when negative.
    private static readonly string[] Mantissas = [.. Enumerable.Range(0, 16).Select(d => (d > 1 ? "0." + new string('#', d - 1) : "0") + "e-0")];
    private static readonly string[] Generals = [.. Enumerable.Range(0, 16).Select(d => "G" + Math.Max(d, 1))];

    private static int Copy(string text, Span<char> into)
    {
        text.AsSpan().CopyTo(into);
        return text.Length;
    }
}
