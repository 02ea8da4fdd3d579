namespace Sim.Render.Scene.Panels;

/// <summary>
/// A plot's vertical axis: linear, or base-10 logarithmic when every value is positive and they span at
/// least two decades (a loss falling from 10 to 10⁻⁶ would otherwise be a cliff and a flat line).
/// </summary>
public readonly record struct PlotScale(double Min, double Max, bool Log)
{
    /// <summary>Values spanning this ratio or more get a log axis.</summary>
    public const double LogFrom = 20;

    /// <summary>Smallest span a log axis shows, in decades, so a flat series is not stretched into noise.</summary>
    public const double MinDecades = 1;

    /// <summary>The axis for values from <paramref name="min"/> to <paramref name="max"/> (finite ones), with a little room at both ends.</summary>
    public static PlotScale For(double min, double max, bool allowLog = true)
    {
        if (!(min <= max)) return new PlotScale(0, 1, false);
        if (allowLog && min > 0 && max / min >= LogFrom)
        {
            double lo = Math.Log10(min), hi = Math.Log10(max), pad = 0.04 * (hi - lo);
            return new PlotScale(lo - pad, hi + pad, true);
        }
        if (max == min)
        {
            double half = min == 0 ? 1 : Math.Abs(min) * 0.1;
            return new PlotScale(min - half, max + half, false);
        }
        double margin = 0.05 * (max - min);
        // Values that are never negative (losses, rates) keep zero as the floor rather than a negative label.
        return new PlotScale(min >= 0 ? Math.Max(min - margin, 0) : min - margin, max + margin, false);
    }

    /// <summary>
    /// A log axis whose floor is no more than <paramref name="decades"/> below its top, for series such as
    /// step sizes that can touch zero (a zero would otherwise pull the axis down without end).
    /// </summary>
    public static PlotScale LogWithin(double min, double max, double decades)
    {
        if (!(max > 0)) return new PlotScale(0, 1, false);
        double hi = Math.Log10(max), lo = Math.Max(min > 0 ? Math.Log10(min) : hi - decades, hi - decades);
        if (hi - lo < MinDecades) lo = hi - MinDecades;
        double pad = 0.04 * (hi - lo);
        return new PlotScale(lo - pad, hi + pad, true);
    }

    /// <summary>Where <paramref name="value"/> sits from 0 (bottom) to 1 (top); NaN if it cannot be shown (≤ 0 on a log axis).</summary>
    public double Fraction(double value)
    {
        double v = Log ? (value > 0 ? Math.Log10(value) : double.NaN) : value;
        return (v - Min) / (Max - Min);
    }

    /// <summary>The value at the bottom (0) or top (1) of the axis.</summary>
    public double ValueAt(double fraction)
    {
        double v = Min + fraction * (Max - Min);
        return Log ? Math.Pow(10, v) : v;
    }
}
