using Sim.Render.Platform;
using Xunit;

namespace Sim.Render.Tests;

/// <summary>The font search on each platform, over a made-up font folder, and fontconfig's answer on this machine.</summary>
public sealed class SystemFontTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sim-fonts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Touch(string relative)
    {
        string path = Path.Join(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0]);
        return path;
    }

    [Fact]
    public void Fontconfigs_answer_is_taken_when_it_is_a_scalable_font_file()
    {
        string matched = Touch("anywhere/SomeSans.otf");
        Assert.Equal(matched, SystemFont.Find(NativePlatform.Linux, () => matched, [Path.Join(_root, "empty")]));
    }

    [Fact]
    public void A_bitmap_font_or_no_fontconfig_falls_back_to_the_folders_in_order_of_preference()
    {
        string bitmap = Touch("misc/6x13.pcf.gz");
        Touch("truetype/liberation/LiberationSans-Regular.ttf");
        string dejavu = Touch("truetype/dejavu/DejaVuSans.ttf");
        Assert.Equal(dejavu, SystemFont.Find(NativePlatform.Linux, () => bitmap, [_root]));
        Assert.Equal(dejavu, SystemFont.Find(NativePlatform.Linux, () => null, [_root]));
    }

    [Fact]
    public void Windows_and_macos_find_their_own_system_fonts()
    {
        string segoe = Touch("Windows/Fonts/segoeui.ttf");
        Touch("Windows/Fonts/arial.ttf");
        Assert.Equal(segoe, SystemFont.Find(NativePlatform.Windows, () => null, [Path.Join(_root, "Windows", "Fonts")]));

        string arial = Touch("System/Library/Fonts/Supplemental/Arial.ttf");
        Touch("System/Library/Fonts/Helvetica.ttc");
        Assert.Equal(arial, SystemFont.Find(NativePlatform.MacOS, () => null, [Path.Join(_root, "System", "Library", "Fonts")]));
    }

    [Theory]
    [InlineData(NativePlatform.Linux, "apt-get install fonts-dejavu-core fontconfig")]
    [InlineData(NativePlatform.MacOS, "brew install --cask font-dejavu")]
    [InlineData(NativePlatform.Windows, "install DejaVu Sans (DejaVuSans.ttf) or Arial into Windows' Fonts folder")]
    public void No_font_is_one_line_saying_where_it_looked_and_what_to_install(NativePlatform platform, string hint)
    {
        Touch("misc/6x13.pcf.gz");
        var e = Assert.Throws<PlatformError>(() => SystemFont.Find(platform, () => null, [_root, Path.Join(_root, "missing")]));
        Assert.StartsWith("no font found (", e.Message);
        Assert.Contains(_root, e.Message);
        Assert.EndsWith($"): {hint}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void On_this_machine_fontconfig_finds_a_font_that_exists()
    {
        string font = SystemFont.Find();
        Assert.True(File.Exists(font), font);
        Assert.Equal("DejaVuSans.ttf", Path.GetFileName(font));
    }
}
