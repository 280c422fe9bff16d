using System;
using System.Text;
using System.Text.Json;
using EdgeSensor.Device.Json;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

public class JsonWriterTests
{
    static string Write(Action<JsonWriter> body, int size = 256)
    {
        var buffer = new byte[size];
        var w = new JsonWriter();
        w.Reset(buffer, 0);
        body(w);
        Assert.False(w.Overflowed);
        return Encoding.UTF8.GetString(buffer, 0, w.Length);
    }

    [Theory]
    [InlineData(23.45, 1, "23.5")]
    [InlineData(-0.04, 1, "0.0")]
    [InlineData(-0.05, 1, "-0.1")]
    [InlineData(-12.345, 2, "-12.35")]
    [InlineData(1013.25, 1, "1013.3")]
    [InlineData(7, 0, "7")]
    [InlineData(1e-9, 3, "0.000")]
    [InlineData(123456789.5, 0, "123456790")]
    public void Numbers_HaveFixedDecimalsAndNoExponent(double value, int decimals, string expected)
    {
        Assert.Equal(expected, Write(w => w.Number(value, decimals)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void NumbersWithoutAJsonForm_AreNull(double value)
    {
        Assert.Equal("null", Write(w => w.Number(value, 1)));
    }

    [Fact]
    public void NestedDocument_IsValidJson()
    {
        string text = Write(w =>
        {
            w.BeginObject();
            w.Name("a"); w.Number(long.MaxValue);
            w.Name("b"); w.BeginArray(); w.String("x\"y\\z\n\u0001é😀"); w.Null(); w.EndArray();
            w.Name("c"); w.BeginObject(); w.EndObject();
            w.Name("d"); w.Number(-5);
            w.EndObject();
        });
        var doc = JsonDocument.Parse(text).RootElement;
        Assert.Equal(long.MaxValue, doc.GetProperty("a").GetInt64());
        Assert.Equal("x\"y\\z\n\u0001é😀", doc.GetProperty("b")[0].GetString());
        Assert.Equal(-5, doc.GetProperty("d").GetInt32());
    }

    [Fact]
    public void LoneSurrogate_IsReplacedNotWrittenAsInvalidUtf8()
    {
        string text = Write(w => w.String("a" + (char)0xD800 + "b"));
        Assert.Equal("a\uFFFDb", JsonDocument.Parse(text).RootElement.GetString());
    }

    [Fact]
    public void TooSmallBuffer_OverflowsWithoutWritingPastItsEnd()
    {
        var buffer = new byte[10];
        var w = new JsonWriter();
        w.Reset(buffer, 0);
        w.BeginObject();
        w.Name("long property");
        w.String("value");
        w.EndObject();
        Assert.True(w.Overflowed);
        Assert.Equal(10, w.Length);
    }
}
