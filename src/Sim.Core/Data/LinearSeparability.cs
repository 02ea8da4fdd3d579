namespace Sim.Core.Data;

/// <summary>
/// Whether a line through the origin separates two classes (targets 0 and 1). If one does, even
/// with examples on the line, a classifier without bias drives its logistic loss towards 0 along
/// that line's normal and the loss has no minimum; if none does, the minimum is finite and unique.
/// </summary>
public static class LinearSeparability
{
    /// <summary>
    /// With z = ±x (the sign of the class), no separating line exists exactly when the z surround
    /// the origin: sorted by angle, no gap between neighbours reaches π. A small margin treats
    /// nearly separable sets, whose minimum lies absurdly far out, as separable.
    /// </summary>
    public static bool ThroughOrigin(DataSet data)
    {
        var x1 = data.X1;
        var x2 = data.X2;
        var y = data.Y;
        var angles = new List<double>(data.Count);
        for (int i = 0; i < data.Count; i++)
        {
            double sign = y[i] > 0.5 ? 1 : -1;
            if (x1[i] != 0 || x2[i] != 0) angles.Add(Math.Atan2(sign * x2[i], sign * x1[i]));
        }
        if (angles.Count < 3) return true;
        angles.Sort();
        double largestGap = angles[0] + 2 * Math.PI - angles[^1];
        for (int i = 1; i < angles.Count; i++) largestGap = Math.Max(largestGap, angles[i] - angles[i - 1]);
        return largestGap >= Math.PI - 1e-3;
    }
}
