using System.Globalization;

namespace Sim.Render.Scene;

/// <summary>Numbers as a lecture slide would print them: three significant digits, exponent only when needed.</summary>
public static class NumberText
{
    public static string Short(double v)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..Format(v, buffer)]);
    }

    /// <summary>Writes <see cref="Short"/>'s text into <paramref name="into"/> (32 characters suffice) and returns its length; allocates nothing.</summary>
    public static int Format(double v, Span<char> into)
    {
        if (double.IsNaN(v)) return Copy("NaN", into);
        if (double.IsInfinity(v)) return Copy(v > 0 ? "∞" : "−∞", into);
        double a = Math.Abs(v);
        // G3 would print 1060 as 1.06E+03: whole numbers up to 99,999 read better.
        string format = a != 0 && (a >= 1e5 || a < 1e-3) ? "0.00e+0" : a >= 1000 ? "0" : "G3";
        if (!v.TryFormat(into, out int written, format, CultureInfo.InvariantCulture)) return Copy("?", into);
        // A true minus sign reads better than a hyphen at a distance.
        for (int i = 0; i < written; i++)
            if (into[i] == '-') into[i] = '−';
        return written;
    }

    private static int Copy(string text, Span<char> into)
    {
        text.AsSpan().CopyTo(into);
        return text.Length;
    }
}
