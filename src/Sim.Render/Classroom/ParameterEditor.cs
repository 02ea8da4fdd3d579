using System.Globalization;
using Sim.Core;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;

namespace Sim.Render.Classroom;

/// <summary>
/// Changes one ball's hyperparameters while it runs: a row is chosen, and a key makes its value 1.25
/// times larger or smaller (a switch flips). The ball carries on with its state under the new
/// optimizer (<see cref="OptimizerCatalog.With"/>, <see cref="Ball.Reconfigure"/>); a value the
/// optimizer refuses leaves it as it was and says why in <see cref="Message"/>.
/// </summary>
public sealed class ParameterEditor
{
    /// <summary>
    /// Averaging factors in [0, 1): these move by 1.25 in 1 − value, so the key that raises them walks
    /// toward 1 (0.9, 0.92, 0.936, ...) and one from 0 switches them on, instead of jumping past 1.
    /// </summary>
    private static readonly string[] TowardOne = ["momentum", "dampening", "alpha", "beta", "beta1", "beta2", "rho", "gain_down", "eta_minus"];

    public const double Factor = 1.25;

    /// <summary>Where a zero value goes on the first step up (weight decay, lr_decay), since scaling keeps it zero.</summary>
    public const double FromZero = 1e-3;

    /// <summary>The chosen row, an index into the optimizer's hyperparameters.</summary>
    public int Row { get; private set; }

    /// <summary>What the last change did, or why it was refused; null before any.</summary>
    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public void Clear()
    {
        Row = 0;
        Message = null;
        MessageIsError = false;
    }

    /// <summary>Moves the chosen row up (−1) or down (+1), wrapping around the optimizer's list.</summary>
    public void Move(Optimizer optimizer, int direction)
    {
        int n = optimizer.Hyperparameters.Count();
        Row = ((Row + direction) % n + n) % n;
    }

    /// <summary>Keeps the row inside the list of <paramref name="optimizer"/> (another ball may have fewer).</summary>
    public void Fit(Optimizer optimizer) => Row = Math.Min(Row, optimizer.Hyperparameters.Count() - 1);

    /// <summary>Raises (+1) or lowers (−1) the chosen hyperparameter of <paramref name="ball"/>; true if it changed.</summary>
    public bool Change(Ball ball, int direction)
    {
        Fit(ball.Optimizer);
        var h = ball.Optimizer.Hyperparameters.ElementAt(Row);
        string value = h.IsSwitch ? (h.Value != 0 ? "false" : "true") : Next(h.Key, h.Value, direction).ToString("R", CultureInfo.InvariantCulture);
        try
        {
            ball.Reconfigure(OptimizerCatalog.With(ball.Optimizer, h.Key, value));
            var now = ball.Optimizer.Hyperparameters.ElementAt(Row);
            Message = $"{ball.Label}: {h.Key} = {Display(now)}";
            MessageIsError = false;
            return true;
        }
        catch (InputError e)
        {
            Message = e.Message;
            MessageIsError = true;
            return false;
        }
    }

    /// <summary>The value one step up or down from <paramref name="value"/>.</summary>
    public static double Next(string key, double value, int direction)
    {
        double factor = direction > 0 ? Factor : 1 / Factor;
        if (Array.IndexOf(TowardOne, key) >= 0) return 1 - (1 - value) / factor;
        if (value == 0) return direction > 0 ? FromZero : 0;
        return value * factor;
    }

    /// <summary>A value as the panel shows it: on/off, or a short number.</summary>
    public static string Display(Hyperparameter h) => h.IsSwitch ? (h.Value != 0 ? "on" : "off") : Scene.NumberText.Short(h.Value);
}
