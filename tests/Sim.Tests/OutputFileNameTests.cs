namespace Sim.Tests;

/// <summary>An output file name longer than file systems allow is bad input (exit 2), not an I/O failure found when writing.</summary>
public class OutputFileNameTests
{
    [Theory]
    [InlineData("render", ".png")]
    [InlineData("basins", ".csv")]
    public void A_file_name_over_255_bytes_is_one_error_line_and_exit_2(string command, string extension)
    {
        string path = Path.Combine(Path.GetTempPath(), new string('a', 300) + extension);
        var r = command == "render"
            ? SimProcess.Run("render", "--landscape", "quadratic", "--optimizer", "sgd", "--steps", "1", "--size", "64x64", "--out", path)
            : SimProcess.Run("basins", "--landscape", "quadratic", "--optimizer", "sgd", "--grid", "4", "--steps", "1", "--out", path);
        Assert.EndsWith(": the file name is longer than 255 bytes, the limit of common file systems", SimProcess.AssertError(r));
    }
}
