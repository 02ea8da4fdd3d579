using System.Text;
using Sim.Core.Optimizers;

namespace Sim.Render.Classroom;

/// <summary>
/// A ball's name after its hyperparameters were edited: the rule and whatever differs from its class's
/// defaults ("sgd, momentum 0.967, nesterov on"), so a label never claims a value the ball no longer has.
/// </summary>
public static class OptimizerLabel
{
    public static string Of(Optimizer optimizer)
    {
        var defaults = OptimizerCatalog.Create(optimizer.Name).Hyperparameters.ToDictionary(h => h.Key, h => h.Value);
        var text = new StringBuilder(optimizer.Name);
        foreach (var h in optimizer.Hyperparameters)
            if (!defaults.TryGetValue(h.Key, out double fallback) || fallback != h.Value)
                text.Append(", ").Append(h.Key).Append(' ').Append(ParameterEditor.Display(h));
        return text.ToString();
    }
}
