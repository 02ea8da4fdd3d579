using Sim.Core.Landscapes;
using Sim.Core.Lessons;
using Sim.Core.Simulation;
using Sim.Render.Platform;
using Sim.Render.Playground;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// One kind of panel, declared once beside its drawing code: its names (the toast's, the help's and
/// <c>sim render --panels</c>'), its key, the lesson flag that opens it, whether it is about one ball,
/// and how to make one. <see cref="PanelRegistry"/> lists them; keys, help, lessons, the renderer and
/// the README's table all read that list.
/// </summary>
public sealed class PanelKind
{
    private int _index = -1;

    /// <summary>The name <c>sim render --panels</c> takes, e.g. "loss".</summary>
    public required string CliName { get; init; }

    /// <summary>What the toast calls it, e.g. "loss plot".</summary>
    public required string Title { get; init; }

    /// <summary>The help line: what it shows.</summary>
    public required string Help { get; init; }

    public required Key Key { get; init; }
    public Modifier Modifier { get; init; } = Modifier.Any;

    /// <summary>The key as the help and the README write it, e.g. "F2" or "Shift+O".</summary>
    public required string KeyLabel { get; init; }

    /// <summary>The flag a lesson step names it by; None if no lesson opens it.</summary>
    public LessonPanels Lesson { get; init; }

    /// <summary>About the selected ball: opening it selects the first ball when none is.</summary>
    public bool AboutOneBall { get; init; }

    /// <summary>It lists every ball, so the legend above the panels need not.</summary>
    public bool ListsBalls { get; init; }

    /// <summary>A plot: it takes what room the column has to spare.</summary>
    public bool IsPlot { get; init; }

    /// <summary>It shows a network's training (a 2-D landscape has no data, weights or classes): elsewhere its key says so in one line and leaves it closed, and <c>sim render --panels</c> refuses it.</summary>
    public bool NetworkScenes { get; init; }

    /// <summary>It takes a 2-D step apart, a number per axis (the explainer): a network's step has one per weight.</summary>
    public bool LandscapeScenes { get; init; }

    /// <summary>
    /// Whether it has something to show on <paramref name="world"/>'s scene. One that has not does not open
    /// (its key says why in one line) and takes no room in the column, so the panels that can show
    /// something keep it.
    /// </summary>
    public bool ShowsOn(World world) => world.Objective is Landscape ? !NetworkScenes : !LandscapeScenes;

    /// <summary>Why it has nothing to show on <paramref name="world"/>'s scene, in one line; null if it has.</summary>
    public string? WhyNotOn(World world) => ShowsOn(world) ? null
        : NetworkScenes ? $"the {Title} is {PanelChrome.NetworkScenesOnly}"
        : $"the {Title} is for 2-D scenes: a network's step has a number per weight";

    /// <summary>Opening it pauses the clock (the explainer holds the next step still).</summary>
    public bool Pauses { get; init; }

    /// <summary>Makes the panel; each overlay makes one of each kind.</summary>
    public required Func<IPanel> Create { get; init; }

    /// <summary>Its place in <see cref="PanelRegistry.All"/>: its bit in a <see cref="PanelSet"/> and its place in the column.</summary>
    public int Index => _index >= 0 ? _index : PanelRegistry.IndexOf(this);

    internal void Number(int index) => _index = index;

    public override string ToString() => Title;
}
