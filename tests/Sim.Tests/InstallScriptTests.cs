using System.Diagnostics;

namespace Sim.Tests;

/// <summary>
/// scripts/packages.sh (what ./play and ./test run first) on made-up machines: a PATH of fake apt-get, apt-cache,
/// dpkg-query, curl and dotnet that log what they are asked, and an empty home, so each branch of the SDK install
/// runs here without root, network or a change to this machine.
/// </summary>
public sealed class InstallScriptTests : IDisposable
{
    private const string ByHand = "curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0 --install-dir ~/.dotnet";

    private readonly string _root = Directory.CreateTempSubdirectory("sim-install-").FullName;
    private string Bin => Path.Join(_root, "bin");
    private string Home => Path.Join(_root, "home");
    private string Log => Path.Join(_root, "log");

    public InstallScriptTests()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(Home);
        File.WriteAllText(Log, "");
        foreach (string tool in (string[])["bash", "grep", "mktemp", "rm", "id", "env", "cat", "chmod", "mkdir", "dirname"])
            File.CreateSymbolicLink(Path.Join(Bin, tool), Path.Join("/usr/bin", tool));
        Fake("apt-get", """echo "apt-get $*" >> "$LOG"; if [ "$1" = install ] && [[ " $* " == *" dotnet-sdk-10.0 "* ]]; then DOTNET_SDKS=10.0.100 fake_dotnet "$(dirname "$0")/dotnet"; fi""");
        Fake("dpkg-query", """for p in $MISSING; do [ "${@: -1}" = "$p" ] && exit 1; done; printf 'install ok installed'""");
        Fake("apt-cache", """echo "apt-cache $*" >> "$LOG"; [ -n "$PACKAGED" ]""");
        Fake("curl", """
            echo "curl $*" >> "$LOG"
            [ -n "$ONLINE" ] || exit 6
            while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
            printf '%s\n' 'echo "dotnet-install.sh $*" >> "$LOG"' "$(declare -f fake_dotnet)" 'DOTNET_SDKS=10.0.100 fake_dotnet "$4/dotnet"' > "$out"
            """);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A fake command; fake_dotnet writes a dotnet whose --list-sdks prints $DOTNET_SDKS.</summary>
    private void Fake(string name, string body)
    {
        const string fakeDotnet = """fake_dotnet() { mkdir -p "$(dirname "$1")"; printf '#!/bin/bash\necho "%s [/sdk]"\n' "$DOTNET_SDKS" > "$1"; chmod +x "$1"; }""";
        string path = Path.Join(Bin, name);
        File.WriteAllText(path, $"#!/bin/bash\n{fakeDotnet}\nexport -f fake_dotnet\n{body}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void OldDotnetOnPath() => Fake("dotnet", """echo "8.0.100 [/usr/lib/dotnet/sdk]" """);

    private (int ExitCode, string Out, string Err, string[] Log) Install(Dictionary<string, string>? machine = null)
    {
        var start = new ProcessStartInfo("/usr/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = PublishedBuilds.RepositoryRoot };
        foreach (string a in (string[])["-c", "source scripts/packages.sh && sim_install_packages && echo \"dotnet: $(command -v dotnet)\""])
            start.ArgumentList.Add(a);
        start.Environment.Clear();
        start.Environment["PATH"] = Bin;
        start.Environment["HOME"] = Home;
        start.Environment["LOG"] = Log;
        foreach (var (k, v) in machine ?? []) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, err.Result, File.ReadAllLines(Log));
    }

    [Fact]
    public void Not_packaged_and_offline_says_in_one_line_what_to_run()
    {
        OldDotnetOnPath(); // an SDK older than 10 counts as none
        var r = Install();
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: the .NET 10.0 SDK is not installed and could not be downloaded; run: {ByHand}\n", r.Err);
        Assert.Contains($"installing: the .NET 10.0 SDK into {Home}/.dotnet", r.Out);
        Assert.Equal(["apt-get update -q", "apt-cache show dotnet-sdk-10.0", "curl -fsSL https://dot.net/v1/dotnet-install.sh -o " + r.Log[2].Split(' ')[^1]], r.Log);
    }

    [Fact]
    public void Not_packaged_installs_the_sdk_into_the_home_with_microsofts_script()
    {
        var r = Install(new() { ["ONLINE"] = "1" });
        Assert.Equal((0, ""), (r.ExitCode, r.Err));
        Assert.Contains($"dotnet-install.sh --channel 10.0 --install-dir {Home}/.dotnet", r.Log);
        Assert.DoesNotContain(r.Log, line => line.StartsWith("apt-get install", StringComparison.Ordinal));
        Assert.EndsWith($"dotnet: {Home}/.dotnet/dotnet\n", r.Out);
    }

    [Fact]
    public void Packaged_installs_dotnet_sdk_10_from_the_distribution_and_downloads_nothing()
    {
        var r = Install(new() { ["PACKAGED"] = "1", ["MISSING"] = "libsdl2-ttf-2.0-0" });
        Assert.Equal((0, ""), (r.ExitCode, r.Err));
        Assert.Contains("apt-get install -y -q libsdl2-ttf-2.0-0 dotnet-sdk-10.0", r.Log);
        Assert.DoesNotContain(r.Log, line => line.StartsWith("curl", StringComparison.Ordinal));
        Assert.EndsWith($"dotnet: {Bin}/dotnet\n", r.Out);
    }

    [Fact]
    public void With_the_sdk_and_every_package_present_nothing_is_asked_of_apt()
    {
        Fake("dotnet", """echo "10.0.401 [/usr/share/dotnet/sdk]" """);
        var r = Install();
        Assert.Equal((0, "", ""), (r.ExitCode, r.Err, string.Join('\n', r.Log)));
        Assert.Equal($"dotnet: {Bin}/dotnet\n", r.Out);
    }
}
