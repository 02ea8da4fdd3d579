namespace Sim.Core.Formulas;

/// <summary>
/// Turns the nodes a <see cref="Tape"/> needs into instructions: the nodes the roots reach, in graph
/// order (children first); a register for each, taken from those whose value was last read by an
/// earlier instruction (or by this one: an instruction reads its operands before it writes).
/// </summary>
internal sealed class TapeCompiler
{
    private readonly ExpressionGraph g;
    private readonly int[] roots;
    private readonly int[] lastUse;
    private readonly int[] register;
    private readonly Stack<int> free = new();
    private readonly bool fuse;
    private int registers = 2; // x, y

    public TapeCompiler(ExpressionGraph graph, int[] roots, bool fuse)
    {
        g = graph;
        this.fuse = fuse;
        this.roots = roots;
        lastUse = new int[graph.Count];
        register = new int[graph.Count];
        Array.Fill(lastUse, -1);
        Array.Fill(register, -1);
    }

    public Tape Compile()
    {
        var needed = Reachable();
        MarkLastUses(needed);
        var code = new List<Instruction>();
        var constants = new List<(int, double)>();
        for (int id = 0; id < g.Count; id++)
        {
            if (!needed[id]) continue;
            var n = g[id];
            switch (n.Op)
            {
                case Op.X: register[id] = 0; continue;
                case Op.Y: register[id] = 1; continue;
                case Op.Const:
                    register[id] = registers++; // constants are set once and kept
                    constants.Add((register[id], n.Value));
                    continue;
            }
            Release(n.A, id);
            if (n.B >= 0 && n.B != n.A) Release(n.B, id);
            register[id] = free.Count > 0 ? free.Pop() : registers++;
            code.Add(new Instruction(n.Op, register[id], register[n.A], n.B >= 0 ? register[n.B] : -1));
        }
        return Tape.Create([.. code], [.. constants], [.. roots.Select(r => register[r])], registers, fuse);
    }

    private bool[] Reachable()
    {
        var needed = new bool[g.Count];
        foreach (int r in roots) needed[r] = true;
        for (int id = g.Count - 1; id >= 0; id--) // parents come after children: one backward pass
        {
            if (!needed[id]) continue;
            var n = g[id];
            if (n.A >= 0) needed[n.A] = true;
            if (n.B >= 0) needed[n.B] = true;
        }
        return needed;
    }

    private void MarkLastUses(bool[] needed)
    {
        for (int id = 0; id < g.Count; id++)
        {
            if (!needed[id]) continue;
            var n = g[id];
            if (n.A >= 0) lastUse[n.A] = id;
            if (n.B >= 0) lastUse[n.B] = id;
        }
        foreach (int r in roots) lastUse[r] = int.MaxValue; // outputs live to the end
    }

    /// <summary>Frees the register of operand <paramref name="node"/> if instruction <paramref name="at"/> reads it last.</summary>
    private void Release(int node, int at)
    {
        var op = g[node].Op;
        if (lastUse[node] == at && op is not (Op.X or Op.Y or Op.Const)) free.Push(register[node]);
    }
}
