using System;
using System.Linq;
using EdgeSensor.Portability.Tests.ApiCheck;
using Xunit;

namespace EdgeSensor.Portability.Tests;

/// <summary>
/// The check is only worth something if it fails: run on ordinary modern C# (the fixture assembly),
/// it must name each non-portable use together with the method or attribute target that makes it.
/// </summary>
public sealed class CheckerFindsNonPortableCodeTests
{
    const string Samples = "EdgeSensor.Portability.Fixture.NonPortableSamples";

    static readonly Lazy<PortabilityReport> FixtureReport = new(() => PortabilityChecker.Check(
        ApiListing.Load(RepositoryPaths.ApiListingFile),
        TestOutputAssemblies.Paths("EdgeSensor.Portability.Fixture.dll"),
        CheckOptions.ModernCSharp));

    [Theory]
    [InlineData("T:System.Collections.Generic.List{System.Int32}", Samples + ".CountWithList(System.Int32)")]
    [InlineData("M:System.Collections.Generic.List`1.Add(`0)", Samples + ".CountWithList(System.Int32)")]
    public void ReportsListOfInt(string member, string usingMethod)
    {
        AssertReported(member, "M:" + usingMethod);
    }

    [Theory]
    [InlineData("T:System.Threading.Tasks.Task", Samples + ".DelayAsync(System.Int32)")]
    [InlineData("M:System.Runtime.CompilerServices.AsyncTaskMethodBuilder.Create", Samples + ".DelayAsync(System.Int32)")]
    [InlineData("M:System.Runtime.CompilerServices.AsyncStateMachineAttribute.#ctor(System.Type)", Samples + ".DelayAsync(System.Int32)")]
    public void ReportsAsyncMethod(string member, string usingMethod)
    {
        AssertReported(member, "M:" + usingMethod);
    }

    [Theory]
    [InlineData("M:System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.#ctor(System.Int32,System.Int32)")]
    [InlineData("M:System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.ToStringAndClear")]
    public void ReportsStringInterpolationOfAVariable(string member)
    {
        AssertReported(member, "M:" + Samples + ".DescribeReading(System.Int32)");
    }

    [Fact]
    public void ReportsGenericMethodInstantiationInInterpolation()
    {
        AssertReported(
            "M:System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted``1(``0) instantiated with {System.Int32}",
            "M:" + Samples + ".DescribeReading(System.Int32)");
    }

    [Fact]
    public void ReportsAnUnlistedBaseTypeNamedDirectly()
    {
        AssertReported("T:System.Threading.EventWaitHandle", "M:" + Samples + ".SignalThroughTheBase(System.Threading.EventWaitHandle)");
    }

    [Fact]
    public void ReportsDateTimeNowAsAProperty()
    {
        AssertReported("P:System.DateTime.Now", "M:" + Samples + ".LocalTimestamp");
    }

    [Fact]
    public void ReportsTheAttributesNullableAnnotationsEmit()
    {
        AssertReported(
            "M:System.Runtime.CompilerServices.NullableContextAttribute.#ctor(System.Byte)",
            "M:" + Samples + ".LengthOrZero(System.String)");
    }

    [Fact]
    public void ReportsTheRefSafetyRulesAttributeCSharp11AndLaterPutOnTheModule()
    {
        AssertReported(
            "M:System.Runtime.CompilerServices.RefSafetyRulesAttribute.#ctor(System.Int32)",
            "module EdgeSensor.Portability.Fixture.dll");
    }

    [Fact]
    public void AcceptsPropertiesByAccessorAndMembersDeclaredOnABaseType()
    {
        PortabilityReport report = FixtureReport.Value;

        Assert.DoesNotContain(report.Violations, violation => violation.UsedBy.Contains(".PortableSamples", StringComparison.Ordinal));
        Assert.Contains("mscorlib", report.NanoAssembliesUsedBy["EdgeSensor.Portability.Fixture"]);
    }

    static void AssertReported(string member, string usedBy)
    {
        PortabilityReport report = FixtureReport.Value;
        Assert.True(
            report.Violations.Any(violation => violation.Member == member && violation.UsedBy == usedBy),
            $"Expected '{member}' used by '{usedBy}' to be reported. {report.Describe()}");
    }
}
