using System;
using System.IO;
using System.Linq;
using EdgeSensor.ApiListingTool;
using EdgeSensor.Portability.Tests.ApiCheck;
using Xunit;

namespace EdgeSensor.Portability.Tests.ListingTool;

/// <summary>
/// tests/tools/EdgeSensor.ApiListing (its reading and writing code is compiled in here): that it lists exactly
/// what the listing's header promises, that the API check can read what it writes, and that the committed
/// listing was generated from the sources the tool pins.
/// </summary>
public sealed class ApiListingToolTests
{
    const string Ns = "EdgeSensor.Portability.Tests.ListingTool.ListingSamples";

    [Fact]
    public void ListsPublicAndProtectedMembersOnTheirDeclaringTypeOnly()
    {
        string[] listed = PublicApi.Read(typeof(ListingSamples.Visible).Assembly.Location, out _)
            .Where(id => id.Substring(2).StartsWith(Ns + ".", StringComparison.Ordinal))
            .ToArray();

        string[] expected =
        {
            $"E:{Ns}.Visible.Changed",
            $"F:{Ns}.Kind.First",
            $"F:{Ns}.Kind.Second",
            $"F:{Ns}.Visible.Constant",
            $"F:{Ns}.Visible.Field",
            $"F:{Ns}.Visible.ProtectedInternalField",
            $"M:{Ns}.Derived.#ctor",
            $"M:{Ns}.Visible.#ctor",
            $"M:{Ns}.Visible.#ctor(System.Int32)",
            $"M:{Ns}.Visible.Method(System.Int32@,System.Int32[])",
            $"M:{Ns}.Visible.NestedProtected.#ctor",
            $"M:{Ns}.Visible.NestedProtected.Inside",
            $"M:{Ns}.Visible.NestedPublic.#ctor",
            $"M:{Ns}.Visible.Overridable",
            $"M:{Ns}.Visible.op_Addition({Ns}.Visible,{Ns}.Visible)",
            $"M:{Ns}.Visible.op_Implicit({Ns}.Visible)~System.Int32",
            $"P:{Ns}.Visible.Item(System.Int32)",
            $"P:{Ns}.Visible.Property",
            $"T:{Ns}.Derived",
            $"T:{Ns}.Kind",
            $"T:{Ns}.Visible",
            $"T:{Ns}.Visible.NestedProtected",
            $"T:{Ns}.Visible.NestedPublic",
        };
        Assert.Equal(expected, listed);
    }

    [Fact]
    public void WritesAListingTheApiCheckReads()
    {
        var sources = PinnedSources.Listed;
        string path = Path.Combine(Path.GetTempPath(), "apilisting-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            ListingFile.Write(path, sources.Select(source => (source, new System.Collections.Generic.SortedSet<string>(StringComparer.Ordinal) { "T:" + source.Assembly + ".Sample" })).ToList());

            ApiListing listing = ApiListing.Load(path);
            Assert.Equal(sources.Length, listing.Count);
            Assert.Equal("mscorlib", listing.AssemblyOf("T:mscorlib.Sample"));
            Assert.Equal("1.3.42", listing.Packages.ForAssembly("nanoFramework.System.Text").TagVersion);
            Assert.Null(listing.Packages.ForAssembly("UnitsNet.Temperature").TagVersion);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Pins moved without a regeneration, or the listing edited by hand, show here.</summary>
    [Fact]
    public void TheCommittedListingNamesThePinnedSources()
    {
        string[] tableRows = File.ReadLines(RepositoryPaths.ApiListingFile)
            .TakeWhile(line => line.StartsWith('#'))
            .SkipWhile(line => !line.StartsWith("# assembly ", StringComparison.Ordinal))
            .Skip(1)
            .Select(line => string.Join(" ", line.TrimStart('#').Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToArray();

        string[] pinned = PinnedSources.Listed.Select(source => source.Assembly + " " + source.PackageId + " " + source.Source).ToArray();
        Assert.Equal(pinned, tableRows);
    }
}
