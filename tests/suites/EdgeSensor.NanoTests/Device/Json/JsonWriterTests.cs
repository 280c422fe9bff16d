using EdgeSensor.Device.Json;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json;

/// <summary>
/// The JSON writer's output byte for byte: numbers with fixed decimals rounded half away from zero and never an
/// exponent, the escapes RFC 8259 section 7 requires, UTF-8 for everything else (U+FFFD for a lone surrogate),
/// and a buffer that is too small.
/// </summary>
[TestClass]
public class JsonWriterTests
{
    [TestMethod]
    public void RoundsHalfUpToOneDecimal()
    {
        Assert.AreEqual("23.5", Number(23.45, 1));
    }

    [TestMethod]
    public void ANegativeValueThatRoundsToZeroHasNoSign()
    {
        Assert.AreEqual("0.0", Number(-0.04, 1));
    }

    [TestMethod]
    public void RoundsANegativeHalfAwayFromZero()
    {
        Assert.AreEqual("-0.1", Number(-0.05, 1));
    }

    [TestMethod]
    public void RoundsANegativeValueToTwoDecimals()
    {
        Assert.AreEqual("-12.35", Number(-12.345, 2));
    }

    [TestMethod]
    public void RoundsAPressureToOneDecimal()
    {
        Assert.AreEqual("1013.3", Number(1013.25, 1));
    }

    [TestMethod]
    public void WritesNoDecimalPointForZeroDecimals()
    {
        Assert.AreEqual("7", Number(7, 0));
    }

    [TestMethod]
    public void WritesATinyValueWithoutAnExponent()
    {
        Assert.AreEqual("0.000", Number(1e-9, 3));
    }

    [TestMethod]
    public void WritesALargeValueWithoutAnExponent()
    {
        Assert.AreEqual("123456790", Number(123456789.5, 0));
    }

    [TestMethod]
    public void NaNIsNull()
    {
        Assert.AreEqual("null", Number(double.NaN, 1));
    }

    [TestMethod]
    public void InfinityIsNull()
    {
        Assert.AreEqual("null", Number(double.PositiveInfinity, 1));
    }

    [TestMethod]
    public void AValueTooLargeForFixedDecimalsIsNull()
    {
        Assert.AreEqual("null", Number(1e300, 1));
    }

    [TestMethod]
    public void WritesANestedDocument()
    {
        byte[] buffer = new byte[256];
        JsonWriter w = Writer(buffer);
        w.BeginObject();
        w.Name("a"); w.Number(long.MaxValue);
        w.Name("b"); w.BeginArray(); w.String("x\"y\\z\n\u0001é😀"); w.Null(); w.EndArray();
        w.Name("c"); w.BeginObject(); w.EndObject();
        w.Name("d"); w.Number(-5);
        w.EndObject();

        AssertWritten("{\"a\":9223372036854775807,\"b\":[\"x\\\"y\\\\z\\u000a\\u0001é<f0 9f 98 80>\",null],\"c\":{},\"d\":-5}", buffer, w);
    }

    [TestMethod]
    public void ALoneSurrogateIsReplacedNotWrittenAsInvalidUtf8()
    {
        byte[] buffer = new byte[32];
        JsonWriter w = Writer(buffer);
        w.String("a" + (char)0xD800 + "b");

        AssertWritten("\"a\uFFFDb\"", buffer, w);
    }

    [TestMethod]
    public void EscapesUtf8BytesAsJsonRequires()
    {
        byte[] buffer = new byte[32];
        JsonWriter w = Writer(buffer);
        byte[] value = Utf8Text.Bytes("q\"b\\<1f>é/");
        w.String(value, 0, value.Length);

        AssertWritten("\"q\\\"b\\\\\\u001fé/\"", buffer, w);
    }

    [TestMethod]
    public void ATooSmallBufferOverflowsWithoutWritingPastItsEnd()
    {
        byte[] buffer = new byte[10];
        JsonWriter w = Writer(buffer);
        w.BeginObject();
        w.Name("long property");
        w.String("value");
        w.EndObject();

        Assert.IsTrue(w.Overflowed, "overflowed");
        Assert.AreEqual(10, w.Length, "length");
    }

    [TestMethod]
    public void ACharacterThatDoesNotFitIsNotWrittenInPart()
    {
        // "a😀" needs 7 bytes; with 4 the emoji would be cut: none of it is written.
        byte[] buffer = new byte[5];
        JsonWriter w = Writer(buffer);
        w.String("a😀");

        Assert.IsTrue(w.Overflowed, "overflowed");
        Assert.AreEqual((byte)0x61, buffer[1], "a");
        Assert.AreEqual((byte)0, buffer[2], "no lead byte without its continuation bytes");
    }

    static JsonWriter Writer(byte[] buffer)
    {
        JsonWriter w = new JsonWriter();
        w.Reset(buffer, 0);
        return w;
    }

    static string Number(double value, int decimals)
    {
        byte[] buffer = new byte[64];
        JsonWriter w = Writer(buffer);
        w.Number(value, decimals);
        Assert.IsFalse(w.Overflowed, "overflowed");
        return Ascii.Text(buffer, 0, w.Length);
    }

    static void AssertWritten(string expected, byte[] buffer, JsonWriter w)
    {
        byte[] bytes = Utf8Text.Bytes(expected);
        Assert.IsFalse(w.Overflowed, "overflowed");
        Assert.AreEqual(bytes.Length, w.Length, "length");
        for (int i = 0; i < bytes.Length; i++) Assert.AreEqual(bytes[i], buffer[i], "byte " + i.ToString());
    }
}
