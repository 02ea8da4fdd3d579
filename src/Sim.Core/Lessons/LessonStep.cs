using Sim.Core.Scenarios;

namespace Sim.Core.Lessons;

/// <summary>
/// One step of a lesson: a scene and a one-line caption saying what to watch for. Toggles the
/// step makes (bias correction, batch size, momentum) live in the scenario's parameters, so a
/// step is nothing more than a scenario and how to look at it.
/// </summary>
/// <param name="Caption">One line, what to watch for; short enough for large text.</param>
/// <param name="Scenario">The scene; steps of a lesson vary one scenario with <c>with</c>.</param>
/// <param name="RunSteps">Simulation steps after which the caption's point is visible (headless render, tests).</param>
/// <param name="Panels">What the window draws beside the landscape.</param>
/// <param name="Ema">The figure of <see cref="LessonPanels.EmaPlot"/>, when the step has one.</param>
/// <param name="Select">The ball selected as the step opens (from 0; the one whose basin map shows), or null for none.</param>
public sealed record LessonStep(string Caption, Scenario Scenario, int RunSteps, LessonPanels Panels = LessonPanels.None, EmaFigure? Ema = null,
    int? Select = null);
