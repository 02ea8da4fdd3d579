using System.Globalization;

namespace Sim.Render.Scene;

/// <summary>Numbers as a lecture slide would print them: three significant digits, exponent only when needed.</summary>
public static class NumberText
{
    public static string Short(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsInfinity(v)) return v > 0 ? "∞" : "−∞";
        double a = Math.Abs(v);
        var text = a != 0 && (a >= 1e5 || a < 1e-3)
            ? v.ToString("0.00e+0", CultureInfo.InvariantCulture)
            : v.ToString("G3", CultureInfo.InvariantCulture);
        return text.Replace('-', '−'); // a true minus sign reads better than a hyphen at a distance
    }
}
