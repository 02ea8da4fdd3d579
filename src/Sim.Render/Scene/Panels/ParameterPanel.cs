using Sim.Core.Lessons;
using Sim.Render.Playground;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// The selected ball's hyperparameters, the chosen one marked, editable with the keys while the ball
/// runs on; under them what the last change did, or why it was refused.
/// </summary>
public sealed class ParameterPanel : IPanel
{
    private readonly TextMemo<(string, string)> _title = new();
    private readonly WrappedText _message = new();
    private (Optimizer?, double, BiasCorrectionState) _snapshotOf;
    private Hyperparameter[] _values = [];
    private string[] _texts = [];

    public static PanelKind Kind { get; } = new()
    {
        CliName = "parameters", Title = "parameter panel", Key = Key.F9, KeyLabel = "F9", AboutOneBall = true,
        Help = "the selected ball's hyperparameters, editable (Tab selects)", Create = () => new ParameterPanel(),
    };

    public float PreferredHeight(in PanelContext c)
    {
        int rows = 1;
        if (c.Selected >= 0 && c.Selected < c.World.Balls.Count)
        {
            Refresh(c.World.Balls[c.Selected].Optimizer, c);
            rows = _values.Length;
        }
        return PanelChrome.TitleHeight(c) + c.Pad + (rows + 4f) * RowHeight(c);
    }

    private static float RowHeight(in PanelContext c) => c.Small * 1.2f;

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        if (c.Selected < 0 || c.Selected >= c.World.Balls.Count)
        {
            var empty = PanelChrome.Draw(window, rect, "parameters", c);
            window.DrawText("Tab selects a ball to edit", empty.X, empty.Y, c.Small, c.Theme.DimText);
            return;
        }
        var ball = c.World.Balls[c.Selected];
        var room = PanelChrome.Draw(window, rect, _title.Get((ball.Label, ball.Optimizer.Name), static k => $"parameters of {k.Item1}"), c);
        Refresh(ball.Optimizer, c);
        var editor = c.Session.Parameters;
        int size = c.Small, row = Math.Min(editor.Row, _values.Length - 1);
        float valueX = room.X + room.Width * 0.55f;
        int rows = Math.Min(_values.Length, Math.Max((int)(room.Height / RowHeight(c)) - 4, 1));
        int top = Math.Clamp(row - rows + 1, 0, Math.Max(_values.Length - rows, 0)); // keep the chosen row in view
        for (int r = 0; r < rows; r++)
        {
            int i = top + r;
            float y = room.Y + r * RowHeight(c);
            bool chosen = i == row;
            if (chosen) window.DrawRectangle(rect.X, y - 1, rect.Width, RowHeight(c), c.Theme.ChosenRow);
            window.DrawText(chosen ? "▸" : " ", room.X, y, size, c.Theme.Text);
            TextFit.Draw(window, _values[i].Key, room.X + size, y, size, size * 2 / 3, valueX - room.X - size * 1.3f, chosen ? c.Theme.Text : c.Theme.Stats);
            window.DrawText(_texts[i], valueX, y, size, chosen ? c.Theme.Text : c.Theme.Stats);
            // − and + at the row's end: a click chooses the row and changes it as [ and ] do.
            float button = size * 1.3f, right = rect.Right - c.Pad;
            window.DrawText("−", right - 2 * button + size * 0.3f, y, size, c.Theme.Accent);
            window.DrawText("+", right - button + size * 0.3f, y, size, c.Theme.Accent);
            c.Targets?.Add(right - 2 * button, y - 1, button, RowHeight(c), Key.LeftBracket, Modifier.None, i);
            c.Targets?.Add(right - button, y - 1, button, RowHeight(c), Key.RightBracket, Modifier.None, i);
        }
        float below = room.Y + rows * RowHeight(c) + c.Small * 0.3f;
        int hint = size * 4 / 5;
        TextFit.Draw(window, "↑ ↓ choose    − + (click, or [ ]) change", room.X, below, hint, hint * 3 / 4, room.Width, c.Theme.DimText);
        if (editor.Message is { } message)
        {
            var colour = editor.MessageIsError ? c.Theme.Bad : c.Theme.Good;
            // Two lines at most, broken at words: a refusal says why at its start.
            var lines = _message.Lines(window, message, hint, room.Width, 2);
            for (int line = 0; line < lines.Count; line++)
                window.DrawText(lines[line], room.X, below + hint * (1.35f + 1.2f * line), hint, colour);
        }
    }

    /// <summary>The values as text, remade only when the optimizer or a value changed in place (lr keys, bias correction).</summary>
    private void Refresh(Optimizer optimizer, in PanelContext c)
    {
        var key = (optimizer, optimizer.LearningRate, c.World.BiasCorrection);
        if (_snapshotOf == key) return;
        _snapshotOf = key;
        _values = [.. optimizer.Hyperparameters];
        _texts = [.. _values.Select(ParameterEditor.Display)];
    }
}
