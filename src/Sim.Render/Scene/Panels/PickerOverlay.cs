using Sim.Render.Platform;
using Sim.Render.Playground;

namespace Sim.Render.Scene.Panels;

/// <summary>The optimizer picker (Shift+N) as a list over the scene's room, the chosen row highlighted.</summary>
public sealed class PickerOverlay
{
    private const string Hint = "↑ ↓ choose · Enter: add a ball · Shift+Enter: switch the selected ball · Esc";

    public void Draw(Window window, OptimizerPicker picker, float left, float right, in PanelContext c)
    {
        if (!picker.IsOpen) return;
        var names = OptimizerPicker.Names;
        int size = c.Small;
        float row = size * 1.35f, width = Math.Min(right - left - 2 * c.Pad, size * 24);
        int rows = Math.Min(names.Count, Math.Max((int)((window.Height * 0.7f) / row) - 3, 3));
        int top = Math.Clamp(picker.Row - rows / 2, 0, Math.Max(names.Count - rows, 0)); // the chosen row in view
        float height = (rows + 2.6f) * row, x = left + Math.Max((right - left - width) / 2, c.Pad), y = Math.Max((window.Height - height) / 3, c.Pad);
        window.DrawRectangle(x, y, width, height, c.Theme.Sheet);
        window.DrawRectangle(x, y, width, 2, c.Theme.Accent);
        TextFit.Draw(window, "add or switch a ball: optimizer", x + c.Pad, y + c.Pad * 0.5f, c.TextSize, size, width - 2 * c.Pad, c.Theme.Text);
        float ry = y + row * 1.3f;
        for (int r = 0; r < rows; r++)
        {
            int i = top + r;
            bool chosen = i == picker.Row;
            if (chosen) window.DrawRectangle(x, ry - 1, width, row, c.Theme.ChosenRow);
            window.DrawText(chosen ? "▸" : " ", x + c.Pad, ry, size, c.Theme.Text);
            window.DrawText(names[i], x + c.Pad + size * 1.2f, ry, size, chosen ? c.Theme.Text : c.Theme.Stats);
            ry += row;
        }
        TextFit.Draw(window, Hint, x + c.Pad, ry + row * 0.2f, size * 4 / 5, size * 3 / 5, width - 2 * c.Pad, c.Theme.DimText);
    }
}
