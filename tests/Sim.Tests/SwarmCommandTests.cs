namespace Sim.Tests;

/// <summary><c>--swarm SPEC</c> and a scenario's <c>"swarm"</c> through the real program: pictures with a swarm, and one error line for a bad spec.</summary>
public class SwarmCommandTests
{
    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"sim-swarm-{Guid.NewGuid():N}{extension}");

    [Theory]
    [InlineData("bogus", "error: --swarm 'bogus' is not a swarm; expected grid:N, disc:X,Y,R,N or random:N[:SEED]")]
    [InlineData("grid:0", "error: --swarm 'grid:0': N must be a whole number from 1 to 500")]
    [InlineData("grid:100000", "error: --swarm 'grid:100000': N must be a whole number from 1 to 500")]
    [InlineData("disc:0,0,1", "error: --swarm 'disc:0,0,1': a disc is disc:X,Y,R,N (centre, radius, number of points)")]
    [InlineData("disc:0,0,-1,10", "error: --swarm 'disc:0,0,-1,10': the radius R must be above 0")]
    [InlineData("random:1e3", "error: --swarm 'random:1e3': N must be a whole number from 1 to 250,000")]
    [InlineData("random:10:seed", "error: --swarm 'random:10:seed': the seed must be a whole number from 0 to 18446744073709551615")]
    public void A_bad_swarm_is_one_error_line_exit_2_and_no_picture(string spec, string expected)
    {
        string output = Temp(".png");
        var r = SimProcess.Run("render", "--landscape", "himmelblau", "--optimizer", "sgd", "--swarm", spec, "--steps", "5", "--size", "64x64", "--out", output);
        Assert.Equal(expected, SimProcess.AssertError(r));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Swarm_goes_with_a_lesson_or_a_scenario_but_not_with_trace_and_a_swarm_of_too_many_steps_is_refused()
    {
        string output = Temp(".png"), scenario = Temp(".json");
        try
        {
            File.WriteAllText(scenario, """{"landscape": "himmelblau", "balls": [{"optimizer": "sgd", "params": {"lr": 0.01}}], "swarm": "disc:0,0,2,400"}""");
            Assert.Equal(0, SimProcess.Run("render", "--scenario", scenario, "--steps", "5", "--size", "64x64", "--out", output).ExitCode);
            Assert.Equal(0, SimProcess.Run("render", "--lesson", "basins", "--swarm", "grid:20", "--steps", "5", "--size", "64x64", "--out", output).ExitCode);
            Assert.StartsWith("error: unknown option '--swarm'", SimProcess.AssertError(SimProcess.Run("trace", "--landscape", "himmelblau", "--optimizer", "sgd", "--swarm", "grid:4", "--steps", "5")));
            Assert.StartsWith("error: balls and swarm points × --steps = 250,001,000 is over the limit",
                SimProcess.AssertError(SimProcess.Run("render", "--landscape", "himmelblau", "--optimizer", "sgd", "--swarm", "grid:500", "--steps", "1000", "--size", "64x64", "--out", output)));
        }
        finally
        {
            File.Delete(output);
            File.Delete(scenario);
        }
    }

    [Theory]
    [InlineData("\"swarm\": 5", "error: {0}: swarm: expected a string")]
    [InlineData("\"swarm\": \"grid:-1\"", "error: {0}: swarm: 'grid:-1': N must be a whole number from 1 to 500")]
    [InlineData("\"swarm\": \"\"", "error: {0}: swarm: '' is not a swarm; expected grid:N, disc:X,Y,R,N or random:N[:SEED]")]
    public void A_bad_swarm_in_a_scenario_names_its_key(string json, string expected)
    {
        string scenario = Temp(".json");
        try
        {
            string balls = json.Contains("\"balls\"") ? "" : ", \"balls\": [{\"optimizer\": \"sgd\"}]";
            File.WriteAllText(scenario, $"{{\"landscape\": \"himmelblau\"{balls}, {json}}}");
            var r = SimProcess.Run("render", "--scenario", scenario, "--steps", "5", "--size", "64x64", "--out", Temp(".png"));
            Assert.Equal(string.Format(expected, scenario), SimProcess.AssertError(r));
        }
        finally
        {
            File.Delete(scenario);
        }
    }
}
