using System.Globalization;
using System.Text.RegularExpressions;
using Sim.Core;
using Sim.Core.Optimizers;
using Sim.Core.Schedules;

namespace Sim.Tests;

/// <summary>
/// The reference pages under docs/ against the code they describe: every optimizer with its defaults, every
/// schedule with its defaults, every command; and no page links outside the repository.
/// </summary>
public partial class DocsTests
{
    private static string Page(string name) => File.ReadAllText(Path.Join(PublishedBuilds.RepositoryRoot, "docs", name));

    /// <summary>The `key`=value pairs of a "Defaults:" paragraph (up to the blank line after it).</summary>
    private static Dictionary<string, string> Defaults(string paragraph) =>
        DefaultPair().Matches(paragraph).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"`(\w+)`=([0-9eE.+\-]+|true|false)")]
    private static partial Regex DefaultPair();

    private static bool SameValue(Hyperparameter h, string documented) =>
        h.IsSwitch ? h.Text == documented : h.Value == double.Parse(documented, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_optimizer_has_a_section_listing_exactly_its_defaults()
    {
        string page = Page("optimizers.md");
        foreach (string name in OptimizerCatalog.Names)
        {
            var section = Regex.Match(page, $"### `{name}`\\n(.*?)(?=\\n### |\\n## |$)", RegexOptions.Singleline);
            Assert.True(section.Success, $"docs/optimizers.md has no section ### `{name}`");
            var paragraph = Regex.Match(section.Groups[1].Value, @"Defaults: (.*?)(\n\n|$)", RegexOptions.Singleline);
            Assert.True(paragraph.Success, $"{name}: no Defaults: line");
            var documented = Defaults(paragraph.Groups[1].Value);
            var actual = OptimizerCatalog.Create(name).Hyperparameters.ToList();
            Assert.Equal(actual.Select(h => h.Key).Order(), documented.Keys.Order());
            foreach (var h in actual)
                Assert.True(SameValue(h, documented[h.Key]), $"{name}: docs say {h.Key}={documented[h.Key]}, the code {h.Text}");
        }
    }

    [Fact]
    public void Every_schedule_has_a_row_whose_defaults_build_the_default_schedule()
    {
        string page = Page("schedules.md");
        foreach (string name in ScheduleCatalog.Names)
        {
            var row = Regex.Match(page, $@"^\| `{name}` \|.*$", RegexOptions.Multiline);
            Assert.True(row.Success, $"docs/schedules.md has no row for `{name}`");
            var documented = Defaults(row.Value);
            var p = new Parameters();
            foreach (var (key, value) in documented) p.Set(key, value);
            Assert.Equal(ScheduleCatalog.Create(name), ScheduleCatalog.Create(name, p));
            p.RejectUnused($"schedule {name}"); // every documented key is one the schedule reads
        }
    }

    [Fact]
    public void Every_command_of_sim_help_is_described()
    {
        var help = SimProcess.Run("--help");
        var commands = Regex.Matches(help.Out, @"^  ([a-z][a-z-]+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("trace", commands);
        string page = Page("cli.md");
        foreach (string command in commands)
            Assert.Matches($@"`sim {Regex.Escape(command)}(?![\w-])", page);
    }

    [Fact]
    public void No_page_links_outside_the_repository_and_every_relative_link_resolves()
    {
        string root = PublishedBuilds.RepositoryRoot;
        var pages = Directory.GetFiles(Path.Join(root, "docs"), "*.md").Append(Path.Join(root, "README.md"));
        foreach (string page in pages)
        {
            string text = File.ReadAllText(page);
            Assert.DoesNotContain("shared/spec", text);
            foreach (Match link in Regex.Matches(text, @"\]\(([^)#\s]+)(#[^)]*)?\)"))
            {
                string target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal)) continue;
                string resolved = Path.GetFullPath(Path.Join(Path.GetDirectoryName(page)!, target));
                Assert.True(resolved.StartsWith(root, StringComparison.Ordinal), $"{page}: {target} is outside the repository");
                Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{page}: {target} does not exist");
            }
        }
    }
}
