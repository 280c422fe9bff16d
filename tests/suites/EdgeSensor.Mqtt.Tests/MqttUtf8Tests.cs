using System;
using System.Text;
using System.Text.Unicode;
using Xunit;

namespace EdgeSensor.Mqtt.Tests;

/// <summary>
/// MqttUtf8 against the runtime's own UTF-8 (random, exhaustive), and the strings only the desktop can hold. The
/// hand-written vectors (well-formed and ill-formed UTF-8, ByteCount and Encode) are checked on nanoCLR and here
/// through the NanoTests (MqttUtf8Tests).
/// </summary>
public class MqttUtf8Tests
{
    static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

    // Code units as char arrays: attribute strings are stored as UTF-8, which would turn an
    // unpaired surrogate into U+FFFD before the test ever saw it. Not on nanoCLR: a nanoFramework string holds
    // neither U+0000 nor an unpaired surrogate (it becomes U+FFFD), so these strings cannot exist there.
    [Theory]
    [InlineData(new[] { '\0' }, "U+0000 [MQTT-1.5.3-2]")]
    [InlineData(new[] { 'a', 'b', '\0' }, "U+0000 at the end [MQTT-1.5.3-2]")]
    [InlineData(new[] { '\uD800' }, "lone high surrogate [MQTT-1.5.3-1]")]
    [InlineData(new[] { '\uDC00' }, "lone low surrogate [MQTT-1.5.3-1]")]
    [InlineData(new[] { 'a', '\uD83D' }, "high surrogate at the end")]
    [InlineData(new[] { '\uD83D', 'a' }, "high surrogate before a non-surrogate")]
    [InlineData(new[] { '\uDE00', '\uD83D' }, "pair in the wrong order")]
    [InlineData(new[] { '\uD83D', '\uD83D', '\uDE00' }, "two highs then one low")]
    [InlineData(new[] { '\uD83D', '\uDE00', '\uDE00' }, "one high then two lows")]
    public void ByteCount_is_minus_one_for_strings_mqtt_cannot_carry(char[] units, string what)
    {
        Assert.True(MqttUtf8.ByteCount(new string(units)) == -1, what);
    }

    [Fact]
    public void Random_strings_ByteCount_and_Encode_agree_with_Encoding_UTF8_and_Validate_accepts_them()
    {
        Random random = new Random(20240531);
        byte[] buffer = new byte[4 * 64 + 8];
        int carriable = 0;
        int refused = 0;

        for (int round = 0; round < 20000; round++)
        {
            string value = RandomUtf16(random, random.Next(0, 33));
            int expectedCount = StrictByteCountOrMinusOne(value);

            Assert.True(expectedCount == MqttUtf8.ByteCount(value), Describe(value));

            int offset = random.Next(0, 8);
            int written = MqttUtf8.Encode(value, buffer, offset);
            byte[] expectedBytes = Encoding.UTF8.GetBytes(value);
            Assert.True(expectedBytes.AsSpan().SequenceEqual(buffer.AsSpan(offset, written)), Describe(value));

            if (expectedCount >= 0)
            {
                carriable++;
                Assert.True(MqttError.None == MqttUtf8.Validate(buffer, offset, written), Describe(value));
            }
            else
            {
                refused++;
            }
        }

        // The generator must exercise both outcomes, or the test proves little.
        Assert.InRange(carriable, 5000, 20000);
        Assert.InRange(refused, 1000, 20000);
    }

    [Fact]
    public void Decode_gives_back_every_string_mqtt_can_carry()
    {
        Random random = new Random(20261204);
        byte[] buffer = new byte[4 * 64];
        int decoded = 0;
        for (int round = 0; round < 20000; round++)
        {
            string value = RandomUtf16(random, random.Next(0, 33));
            if (MqttUtf8.ByteCount(value) < 0)
            {
                continue;
            }

            int written = MqttUtf8.Encode(value, buffer, 0);
            Assert.True(value == MqttUtf8.Decode(buffer, 0, written), Describe(value));
            decoded++;
        }

        Assert.InRange(decoded, 5000, 20000);
    }

    [Fact]
    public void Random_bytes_Validate_agrees_with_a_strict_decoder_except_that_it_also_refuses_nul()
    {
        Random random = new Random(7);
        int accepted = 0;
        int refused = 0;

        for (int round = 0; round < 50000; round++)
        {
            byte[] body = RandomUtf8Like(random, random.Next(0, 13));
            bool expected = DecodesStrictly(body) && Array.IndexOf(body, (byte)0) < 0;

            MqttError actual = MqttUtf8.Validate(body, 0, body.Length);

            Assert.True(expected == (actual == MqttError.None), Convert.ToHexString(body));
            if (expected)
            {
                accepted++;
            }
            else
            {
                refused++;
            }
        }

        Assert.InRange(accepted, 5000, 50000);
        Assert.InRange(refused, 5000, 50000);
    }

    [Fact]
    public void Every_sequence_of_up_to_three_bytes_is_judged_as_the_runtime_judges_it()
    {
        // Exhaustive, so every boundary of RFC 3629's table for 1..3-byte forms is covered.
        // Utf8.IsValid is the runtime's own validator (it accepts U+0000, which MQTT refuses).
        byte[] body = new byte[3];
        for (int length = 1; length <= 3; length++)
        {
            int combinations = 1 << (8 * length);
            for (int value = 0; value < combinations; value++)
            {
                for (int i = 0; i < length; i++)
                {
                    body[i] = (byte)(value >> (8 * i));
                }

                ReadOnlySpan<byte> span = body.AsSpan(0, length);
                bool expected = Utf8.IsValid(span) && span.IndexOf((byte)0) < 0;
                if (expected != (MqttUtf8.Validate(body, 0, length) == MqttError.None))
                {
                    Assert.Fail("disagreement on " + Convert.ToHexString(span));
                }
            }
        }
    }

    [Fact]
    public void Four_byte_forms_are_judged_as_the_runtime_judges_them_at_every_boundary()
    {
        // All lead and second bytes, third and fourth bytes at the edges of their ranges.
        byte[] edges = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF };
        byte[] body = new byte[4];
        for (int lead = 0xC0; lead <= 0xFF; lead++)
        {
            for (int second = 0; second <= 0xFF; second++)
            {
                foreach (byte third in edges)
                {
                    foreach (byte fourth in edges)
                    {
                        body[0] = (byte)lead;
                        body[1] = (byte)second;
                        body[2] = third;
                        body[3] = fourth;
                        bool expected = Utf8.IsValid(body) && Array.IndexOf(body, (byte)0) < 0;
                        if (expected != (MqttUtf8.Validate(body, 0, 4) == MqttError.None))
                        {
                            Assert.Fail("disagreement on " + Convert.ToHexString(body));
                        }
                    }
                }
            }
        }
    }

    static int StrictByteCountOrMinusOne(string value)
    {
        if (value.Contains('\0'))
        {
            return -1;
        }

        try
        {
            return StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return -1;
        }
    }

    static bool DecodesStrictly(byte[] body)
    {
        try
        {
            StrictUtf8.GetString(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>UTF-16 text weighted toward the cases that matter: every encoded length, pairs, strays and NUL.</summary>
    static string RandomUtf16(Random random, int units)
    {
        StringBuilder text = new StringBuilder(units);
        while (text.Length < units)
        {
            int kind = random.Next(100);
            if (kind < 30)
            {
                text.Append((char)random.Next(0x01, 0x80));
            }
            else if (kind < 45)
            {
                text.Append((char)random.Next(0x80, 0x800));
            }
            else if (kind < 65)
            {
                int unit = random.Next(0x800, 0x10000 - 0x800);
                text.Append((char)(unit < 0xD800 ? unit : unit + 0x800));
            }
            else if (kind < 85)
            {
                text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
            }
            else if (kind < 92)
            {
                text.Append(new[] { '\u007F', '\u0080', '\u07FF', '\u0800', '\uD7FF', '\uE000', '\uFEFF', '\uFFFF' }[random.Next(8)]);
            }
            else if (kind < 99)
            {
                // An unpaired surrogate: MQTT cannot carry this string.
                text.Append((char)random.Next(0xD800, 0xE000));
            }
            else
            {
                text.Append('\0');
            }
        }

        return text.ToString();
    }

    /// <summary>Bytes that are often valid UTF-8 and otherwise wrong in a single, varied way.</summary>
    static byte[] RandomUtf8Like(Random random, int maxLength)
    {
        byte[] interesting =
        {
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF,
        };

        int style = random.Next(3);
        if (style == 0)
        {
            byte[] noise = new byte[maxLength];
            random.NextBytes(noise);
            return noise;
        }

        if (style == 1)
        {
            byte[] picked = new byte[maxLength];
            for (int i = 0; i < picked.Length; i++)
            {
                picked[i] = interesting[random.Next(interesting.Length)];
            }

            return picked;
        }

        // Valid text, then sometimes one byte replaced by an interesting one.
        byte[] text = Encoding.UTF8.GetBytes(RandomUtf16(random, maxLength / 2).Replace('\0', 'z'));
        if (text.Length > 0 && random.Next(2) == 0)
        {
            text[random.Next(text.Length)] = interesting[random.Next(interesting.Length)];
        }

        return text;
    }

    static string Describe(string value)
    {
        StringBuilder units = new StringBuilder();
        foreach (char unit in value)
        {
            units.Append(((int)unit).ToString("X4")).Append(' ');
        }

        return units.ToString();
    }
}
