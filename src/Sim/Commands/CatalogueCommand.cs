using Sim.Core.Data;
using Sim.Core.Landscapes;
using Sim.Core.Networks;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;

namespace Sim.Commands;

/// <summary><c>sim catalogue</c>: every landscape, optimizer, schedule, data set and activation by name.</summary>
public static class CatalogueCommand
{
    public static int Run(string[] args)
    {
        _ = new Arguments("catalogue", args, [], []);
        Console.WriteLine("landscapes:");
        foreach (var name in LandscapeCatalog.Names)
        {
            var l = LandscapeCatalog.Create(name);
            Console.WriteLine($"  {name,-16}{l.Formula}");
        }
        Console.WriteLine("optimizers:");
        foreach (var (name, summary) in OptimizerCatalog.Summaries)
        {
            var defaults = string.Join(" ", OptimizerCatalog.Create(name).Hyperparameters);
            Console.WriteLine($"  {name,-16}{summary}");
            Console.WriteLine($"  {"",-16}{defaults}");
        }
        Console.WriteLine("schedules:");
        foreach (var name in ScheduleCatalog.Names) Console.WriteLine($"  {name,-16}{ScheduleCatalog.Create(name).Label}");
        Console.WriteLine("data sets (sim train --data):");
        foreach (var (name, noise, summary) in DataSetCatalog.Summaries) Console.WriteLine($"  {name,-16}{summary}; noise {noise:G3}");
        Console.WriteLine($"activations (sim train --activation): {string.Join(", ", Activations.Names)}");
        return 0;
    }
}
