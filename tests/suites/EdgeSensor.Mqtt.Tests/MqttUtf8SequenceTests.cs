using System;
using System.Text;
using Xunit;

namespace EdgeSensor.Mqtt.Tests;

/// <summary>
/// The one-sequence primitives that hold RFC 3629's rules for both MQTT's Validate and the device's JSON
/// reader, checked against the runtime's strict UTF-8 decoder and encoder over every scalar value.
/// </summary>
public class MqttUtf8SequenceTests
{
    static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

    [Fact]
    public void Every_scalar_value_round_trips_through_EncodeScalar_SequenceLength_and_DecodeSequence()
    {
        byte[] buffer = new byte[8];
        for (int scalar = 0; scalar <= 0x10FFFF; scalar++)
        {
            if (scalar >= 0xD800 && scalar <= 0xDFFF)
            {
                continue;
            }

            byte[] expected = StrictUtf8.GetBytes(char.ConvertFromUtf32(scalar));
            Array.Fill(buffer, (byte)0xAA);
            int end = MqttUtf8.EncodeScalar(scalar, buffer, 1);

            Assert.True(expected.Length == MqttUtf8.EncodedLength(scalar), "length of U+" + scalar.ToString("X4"));
            Assert.True(end == 1 + expected.Length, "end of U+" + scalar.ToString("X4"));
            Assert.True(expected.AsSpan().SequenceEqual(buffer.AsSpan(1, expected.Length)), "bytes of U+" + scalar.ToString("X4"));
            Assert.True(buffer[end] == 0xAA, "wrote past U+" + scalar.ToString("X4"));
            Assert.True(expected.Length == MqttUtf8.SequenceLength(buffer, 1, end), "measured U+" + scalar.ToString("X4"));
            Assert.True(scalar == MqttUtf8.DecodeSequence(buffer, 1, expected.Length), "decoded U+" + scalar.ToString("X4"));
            Assert.True(expected.Length == 1 || 0 == MqttUtf8.SequenceLength(buffer, 1, end - 1), "cut short U+" + scalar.ToString("X4"));
        }
    }

    [Fact]
    public void Every_two_and_three_byte_lead_is_measured_as_the_runtime_decodes_it()
    {
        byte[] buffer = new byte[3];
        for (int lead = 0x80; lead <= 0xEF; lead++)
        {
            for (int second = 0; second <= 0xFF; second++)
            {
                for (int third = 0; third <= (lead >= 0xE0 ? 0xFF : 0); third++)
                {
                    buffer[0] = (byte)lead;
                    buffer[1] = (byte)second;
                    buffer[2] = (byte)third;
                    int length = lead >= 0xE0 ? 3 : 2;
                    int measured = MqttUtf8.SequenceLength(buffer, 0, length);
                    bool wellFormed = IsOneScalar(buffer, length);
                    Assert.True(wellFormed ? measured == length : measured == 0, Hex(buffer, length) + " measured " + measured);
                }
            }
        }
    }

    [Fact]
    public void Four_byte_leads_are_measured_as_the_runtime_decodes_them_at_every_boundary()
    {
        int[] edges = { 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF };
        byte[] buffer = new byte[4];
        for (int lead = 0xF0; lead <= 0xFF; lead++)
        {
            foreach (int second in edges)
            {
                foreach (int third in edges)
                {
                    foreach (int fourth in edges)
                    {
                        buffer[0] = (byte)lead;
                        buffer[1] = (byte)second;
                        buffer[2] = (byte)third;
                        buffer[3] = (byte)fourth;
                        int measured = MqttUtf8.SequenceLength(buffer, 0, 4);
                        Assert.True(IsOneScalar(buffer, 4) ? measured == 4 : measured == 0, Hex(buffer, 4) + " measured " + measured);
                    }
                }
            }
        }
    }

    /// <summary>Whether the runtime decodes the bytes as exactly one scalar value of that many bytes.</summary>
    static bool IsOneScalar(byte[] bytes, int length)
    {
        return Rune.DecodeFromUtf8(bytes.AsSpan(0, length), out _, out int consumed) == System.Buffers.OperationStatus.Done
            && consumed == length;
    }

    static string Hex(byte[] bytes, int length)
    {
        return BitConverter.ToString(bytes, 0, length);
    }
}
