namespace Sim;

/// <summary>A file a command will write (--out, --screenshot-after): checked before any work is done.</summary>
public static class OutputFile
{
    /// <summary>
    /// The path must not be a directory, its directory must exist, and with <paramref name="extension"/>
    /// (".png") it must end so; otherwise an <see cref="Core.InputError"/> naming <paramref name="option"/>.
    /// </summary>
    public static void Check(string path, string option, string? extension = null)
    {
        if (extension is not null && !path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            throw new Core.InputError($"{option} '{path}' must name a {extension} file");
        if (Directory.Exists(path))
            throw new Core.InputError($"{option} '{path}' is a directory; expected a file name such as {(extension is null ? "run.csv" : "out" + extension)}");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
            throw new Core.InputError($"{option} '{path}': directory '{directory}' does not exist");
    }
}
