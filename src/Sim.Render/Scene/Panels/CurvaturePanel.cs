using Sim.Core.Lessons;
using Sim.Render.Playground;
using Sim.Core.Landscapes;
using Sim.Core.Simulation;
using Sim.Render.Classroom;
using Sim.Render.Platform;

namespace Sim.Render.Scene.Panels;

/// <summary>
/// Why a ball is stuck, or flying: the Hessian's eigenvalues under each ball and what they make the
/// point (<see cref="Curvature"/>): a minimum, a bowl, a saddle, a cap or a plateau.
/// </summary>
public sealed class CurvaturePanel : IPanel
{
    public const int MaxRows = 6;

    private readonly TextLine[] _numbers = [new(), new(), new(), new(), new(), new()];
    private Landscape? _rangeOf;
    private readonly TextMemo<int> _more = new();
    private double _range = 1;

    public static PanelKind Kind { get; } = new()
    {
        CliName = "curvature", Title = "curvature panel", Key = Key.F7, KeyLabel = "F7", Lesson = LessonPanels.Curvature,
        Help = "curvature under each ball: bowl, saddle or plateau", Create = () => new CurvaturePanel(),
    };

    public float PreferredHeight(in PanelContext c) => PanelChrome.TitleHeight(c) + c.Pad + Rows(c) * RowHeight(c)
        + (c.World.Balls.Count > MaxRows ? c.Small * 1.2f : 0);

    /// <summary>Its heading and one ball's row: a box with no row would show nothing.</summary>
    public float LeastHeight(in PanelContext c) => PanelChrome.TitleHeight(c) + c.Pad + RowHeight(c) + (c.World.Balls.Count > 1 ? c.Small * 1.2f : 0);

    private static int Rows(in PanelContext c) => Math.Clamp(c.World.Balls.Count, 1, MaxRows);
    private static float RowHeight(in PanelContext c) => c.Small * 3.3f;

    public void Draw(Window window, PanelRect rect, in PanelContext c)
    {
        var room = PanelChrome.Draw(window, rect, "curvature: Hessian eigenvalues λ", c);
        var landscape = c.World.Landscape;
        if (!ReferenceEquals(landscape, _rangeOf))
        {
            _range = Curvature.ValueRange(landscape); // 4,225 evaluations: once per landscape
            _rangeOf = landscape;
        }
        var balls = c.World.Balls;
        int fit = (int)(room.Height / RowHeight(c) + 0.05f);
        // The "… and N more" line takes a third of a row.
        int rows = balls.Count <= Math.Min(fit, MaxRows) ? balls.Count : Math.Min(Math.Max((int)((room.Height - c.Small * 1.2f) / RowHeight(c) + 0.05f), 1), MaxRows);
        for (int i = 0; i < rows; i++)
        {
            var ball = balls[i];
            float y = room.Y + i * RowHeight(c);
            if (i == c.Selected) window.DrawRectangle(rect.X, y - 2, rect.Width, RowHeight(c) - 2, c.Theme.SelectedRow);
            PanelChrome.Swatch(window, room.X, y, c, i);
            var curvature = Curvature.At(landscape, ball.Position, _range);
            float width = room.Right - room.X - c.Small;
            TextFit.Draw(window, ball.Label, room.X + c.Small, y, c.Small, c.Small * 3 / 4, width, c.Theme.Text);
            var (kind, colour) = Describe(curvature, c.Theme);
            float x = room.X + c.Small;
            int small = c.Small * 9 / 10;
            TextFit.Draw(window, kind, x, y + c.Small * 1.1f, small, small * 3 / 4, width, colour);
            var numbers = _numbers[i].Clear().Append("λ₁ ").AppendShort(curvature.Lambda1).Append("   λ₂ ").AppendShort(curvature.Lambda2);
            // The condition number of a bowl: how stretched the ravine is (1 is round).
            if (curvature.Kind == CurvatureKind.Bowl) numbers.Append("   κ ").AppendShort(curvature.ConditionNumber);
            TextFit.Draw(window, numbers.Span, x, y + c.Small * 2.1f, small, small * 3 / 4, width, c.Theme.Stats);
        }
        PanelChrome.More(window, _more, room.X + c.Small, room.Y + rows * RowHeight(c), room.Width - c.Small, rows, balls.Count, c);
    }

    /// <summary>A few words for the hall, coloured by how stuck the ball is.</summary>
    public static (string Text, Color Colour) Describe(in Curvature curvature, Theme theme) => (curvature.Kind, curvature.NearStationary) switch
    {
        (CurvatureKind.Bowl, true) => ("minimum", theme.Good),
        (CurvatureKind.Bowl, false) => ("bowl: up both ways", theme.Stats),
        (CurvatureKind.Saddle, true) => ("saddle point!", theme.Warning),
        (CurvatureKind.Saddle, false) => ("saddle: up one way, down the other", theme.Stats),
        (CurvatureKind.Ridge, _) => ("cap: down every way", theme.Stats),
        (CurvatureKind.Plateau, _) => ("plateau: flat, tiny gradient", theme.Warning),
        _ => ("no curvature here: not a finite point", theme.Stats),
    };
}
