using System.Globalization;
using Sim.Core;
using Sim.Core.Landscapes;
using Sim.Core.Optimizers;
using Sim.Core.Simulation;
using Sim.Render.Classroom;

namespace Sim.Render.Playground;

/// <summary>Balls added, switched and removed from inside the window (the optimizer picker and Delete).</summary>
public sealed partial class PlaygroundControls
{
    /// <summary>The most balls a window holds: as many as the renderer's 1,000-ball case draws.</summary>
    public const int MaxBalls = 1000;

    public OptimizerPicker Picker => State.Picker;

    public void OpenPicker()
    {
        if (RefuseOnNetwork("a network scene's balls come from its scenario: the picker adds balls to 2-D landscapes")) return;
        Picker.Open();
        Say("↑ ↓ choose an optimizer · Enter adds a ball · Shift+Enter switches the selected ball · Esc closes", 6);
    }

    public void MovePicker(int direction) => Picker.Move(direction);

    public void ClosePicker() => Picker.Close();

    /// <summary>A ball of the chosen optimizer at the marked start (a click), else the selected ball's start, else the landscape's.</summary>
    public void AddPickedBall()
    {
        Picker.Close();
        if (World.Balls.Count >= MaxBalls)
        {
            Say($"at most {MaxBalls:N0} balls: Tab selects one and Delete removes it", 6);
            return;
        }
        var start = MarkedStart ?? (SelectedBall >= 0 && SelectedBall < World.Balls.Count ? World.Balls[SelectedBall].Start : World.Landscape.DefaultStart);
        var optimizer = OptimizerCatalog.Create(Picker.Chosen);
        var ball = new Ball(OptimizerLabel.Of(optimizer), Colour.Palette[World.Balls.Count % Colour.Palette.Count], optimizer, start);
        if (!Try(() => World.Add(ball))) return;
        _ownStarts[ball] = start;
        State.SelectedBall = World.Balls.Count - 1;
        Say(string.Create(CultureInfo.InvariantCulture, $"added {ball.Label} at ({start.X:0.###}, {start.Y:0.###}) as ball {World.Balls.Count}"));
    }

    /// <summary>The selected ball runs the chosen optimizer from now on, from its own start, in its colour.</summary>
    public void SwitchSelectedBall()
    {
        Picker.Close();
        if (SelectedBall < 0 || SelectedBall >= World.Balls.Count)
        {
            Say("Tab selects the ball to switch first");
            return;
        }
        var old = World.Balls[SelectedBall];
        var optimizer = OptimizerCatalog.Create(Picker.Chosen);
        var ball = new Ball(OptimizerLabel.Of(optimizer), old.Colour, optimizer, old.Start) { BatchSize = old.BatchSize };
        if (!Try(() => World.Replace(SelectedBall, ball))) return;
        if (_ownStarts.Remove(old, out var own)) _ownStarts[ball] = own;
        Say($"ball {SelectedBall + 1} is now {ball.Label}, from its start");
    }

    /// <summary>Removes the selected ball (Delete); the last one stays, so the scene always has a ball.</summary>
    public void RemoveSelectedBall()
    {
        if (SelectedBall < 0 || SelectedBall >= World.Balls.Count)
        {
            Say("Tab selects the ball Delete removes");
            return;
        }
        if (World.Balls.Count == 1)
        {
            Say("the last ball stays: Shift+N switches it to another optimizer");
            return;
        }
        var ball = World.Balls[SelectedBall];
        World.Remove(ball);
        _ownStarts.Remove(ball);
        State.SelectedBall = Math.Min(SelectedBall, World.Balls.Count - 1);
        Say($"removed {ball.Label}");
    }

    /// <summary>Runs a change the world may refuse (a bad combination): the refusal is one line on screen.</summary>
    private bool Try(Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (InputError e)
        {
            Say(e.Message, 6);
            return false;
        }
    }
}
