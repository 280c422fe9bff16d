using System;
using System.IO;
using EdgeSensor.NanoBuild;
using Xunit;

namespace EdgeSensor.NanoBuild.Tests;

/// <summary>Finding the four toolchain locations, and saying exactly what is wrong when they are not there.</summary>
public sealed class ToolchainTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("nanobuild-toolchain-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string EnvFile(string text)
    {
        string file = Path.Combine(folder, "toolchain.env");
        File.WriteAllText(file, text);
        return file;
    }

    string Existing(string name, bool isFolder)
    {
        string path = Path.Combine(folder, name);
        if (isFolder) Directory.CreateDirectory(path);
        else File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void Reads_the_four_locations_from_an_env_file_with_comments_exports_and_quotes()
    {
        string refs = Existing("refs", true), pe = Existing("pe", true), mdp = Existing("mdp.dll", false), clr = Existing("nanoclr", false);
        string file = EnvFile("# written by the toolchain build\nNANO_REFS=" + refs + "\nexport NANO_PE=\"" + pe + "\"\nNANO_MDP='" + mdp + "'\n\nNANO_CLR=" + clr + "\n");

        Toolchain toolchain = Toolchain.Locate(file);

        Assert.Equal((refs, pe, mdp, clr), (toolchain.References, toolchain.PeFiles, toolchain.MetadataProcessor, toolchain.NanoClr));
    }

    [Fact]
    public void A_missing_env_file_names_itself_and_how_to_get_a_toolchain()
    {
        UsageException e = Assert.Throws<UsageException>(() => Toolchain.Locate(Path.Combine(folder, "absent.env")));
        Assert.Contains("absent.env does not exist", e.Message);
        Assert.Contains("docs/nanoframework.md", e.Message);
    }

    [Fact]
    public void A_location_that_does_not_exist_is_named()
    {
        string refs = Existing("refs", true), pe = Existing("pe", true), mdp = Existing("mdp.dll", false);
        string file = EnvFile("NANO_REFS=" + refs + "\nNANO_PE=" + pe + "\nNANO_MDP=" + mdp + "\nNANO_CLR=" + folder + "/gone\n");

        UsageException e = Assert.Throws<UsageException>(() => Toolchain.Locate(file));
        Assert.Contains("NANO_CLR=" + folder + "/gone does not exist", e.Message);
    }

    [Fact]
    public void A_missing_key_is_named()
    {
        UsageException e = Assert.Throws<UsageException>(() => Toolchain.Locate(EnvFile("NANO_REFS=" + folder + "\n")));
        Assert.Contains("does not set NANO_PE", e.Message);
    }
}
