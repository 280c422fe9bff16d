using System;
using System.Text;
using EdgeSensor.Device.Json;
using Xunit;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>
/// The JSON reader's cases that cannot run on nanoCLR. Every other vector (tokens, escapes, surrogates, numbers,
/// refusals and their positions) is a NanoTest (tests/suites/EdgeSensor.NanoTests/Device/Json/), run here too by
/// EdgeSensor.NanoTests.OnDesktop.
/// </summary>
[Collection(EdgeSensor.Device.Tests.AllocationCollection.Name)]
public class JsonReaderTests
{
    /// <summary>
    /// A nanoFramework string cannot hold U+0000 (on nanoCLR this decodes to ""): the device never keeps such a
    /// string, it asks <see cref="JsonReader.ContainsNul"/> first (NanoTests Json/JsonReaderNulTests).
    /// </summary>
    [Fact]
    public void Decodes_the_NUL_escape_into_a_string_that_holds_it()
    {
        Assert.Equal(new[] { "String:\0" }, JsonTokens.Read("\"\\u0000\""));
    }

    /// <summary>A megabyte of input: more than a board's heap.</summary>
    [Fact]
    public void Refuses_a_hostile_depth_quickly_without_recursion()
    {
        byte[] json = Encoding.ASCII.GetBytes(new string('[', 1_000_000));

        JsonReaderException error = Assert.Throws<JsonReaderException>(() => JsonTokens.Read(json));

        Assert.Equal(JsonReader.MaxDepth, error.Position);
    }

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void Reading_tokens_allocates_nothing()
    {
        byte[] json = JsonTokens.Utf8("{\"name\":\"caf\\u00e9 😀\",\"values\":[1,-2.5e3,true,false,null],\"nested\":{\"deep\":[[[]]]}}");
        const int Documents = 1000;
        var readers = new JsonReader[Documents + 1];
        for (int index = 0; index < readers.Length; index++)
        {
            readers[index] = new JsonReader(json, 0, json.Length);
        }

        Assert.Equal(22, ReadAllTokens(readers[Documents]));
        long before = GC.GetAllocatedBytesForCurrentThread();
        int tokens = 0;
        for (int index = 0; index < Documents; index++)
        {
            tokens += ReadAllTokens(readers[index]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(22 * Documents, tokens);
    }

    static int ReadAllTokens(JsonReader reader)
    {
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
            if (reader.TokenType == JsonTokenType.PropertyName || reader.TokenType == JsonTokenType.String)
            {
                reader.TextEquals("values");
            }
            else if (reader.TokenType == JsonTokenType.Number)
            {
                reader.TryGetInt32(out _);
            }
        }

        return tokens;
    }
}
