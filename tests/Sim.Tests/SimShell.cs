using System.Diagnostics;

namespace Sim.Tests;

/// <summary>
/// Runs a bash command line in which <c>$SIM</c> is the built program, for what only a shell can
/// arrange: closed or full standard streams, pipes to <c>head</c>.
/// </summary>
public static class SimShell
{
    public static SimProcess.Result Run(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["SIM"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "sim.dll");
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new SimProcess.Result(process.ExitCode, output, err.Result);
    }
}
