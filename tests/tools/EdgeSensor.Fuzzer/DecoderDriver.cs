using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Fuzzer;

/// <summary>
/// Runs a case against <see cref="MqttDecoder"/>: frames the bytes packet by packet as a receiver would and decodes
/// each frame, then decodes the whole case as one packet. The bytes end the buffer, so any read past them throws.
/// </summary>
public sealed class DecoderDriver
{
    readonly byte[] buffer = new byte[FuzzCase.Capacity + 64];
    readonly BrokerPacket packet = new BrokerPacket();

    /// <summary>None when every frame decoded, else the first error.</summary>
    public MqttError Run(FuzzCase c)
    {
        int start = buffer.Length - c.Length;
        System.Array.Copy(c.Bytes, 0, buffer, start, c.Length);

        MqttError outcome = Frames(start);
        if (c.IsValid && outcome != MqttError.None) throw new FuzzViolation("a valid case was refused: " + outcome);

        MqttError whole = BrokerDecoder.Decode(buffer, start, c.Length, packet);
        CheckNamed(whole);
        if (whole == MqttError.None) CheckViewInside(start, buffer.Length);
        return outcome;
    }

    MqttError Frames(int position)
    {
        int end = buffer.Length;
        while (position < end)
        {
            int header = MqttDecoder.TryReadFixedHeader(buffer, position, end - position, out _, out int remaining);
            if (header < 0) return Expect(BrokerDecoder.Decode(buffer, position, end - position, packet), MqttError.MalformedRemainingLength);
            if (header == 0 || remaining > end - position - header)
                return Expect(BrokerDecoder.Decode(buffer, position, end - position, packet), MqttError.PacketTooShort);
            MqttError error = BrokerDecoder.Decode(buffer, position, header + remaining, packet);
            CheckNamed(error);
            if (error != MqttError.None) return error;
            CheckViewInside(position, position + header + remaining);
            position += header + remaining;
        }
        return MqttError.None;
    }

    static MqttError Expect(MqttError actual, MqttError expected)
    {
        if (actual != expected) throw new FuzzViolation("framing said " + expected + ", Decode said " + actual);
        return actual;
    }

    static void CheckNamed(MqttError error)
    {
        if (error < MqttError.None || error > MqttError.StringTooLong)
            throw new FuzzViolation("the decoder answered " + error + ", which is not a codec error");
    }

    /// <summary>Every field of the decoded view points inside the packet it came from.</summary>
    void CheckViewInside(int start, int end)
    {
        BrokerPacket p = packet;
        Inside("topic", p.TopicOffset, p.TopicLength, start, end);
        Inside("payload", p.PayloadOffset, p.PayloadLength, start, end);
        if (p.Type != MqttPacketType.Connect) return;
        Inside("client id", p.ClientIdOffset, p.ClientIdLength, start, end);
        if (p.HasWill)
        {
            Inside("will topic", p.WillTopicOffset, p.WillTopicLength, start, end);
            Inside("will message", p.WillPayloadOffset, p.WillPayloadLength, start, end);
        }
        if (p.HasUserName) Inside("user name", p.UserNameOffset, p.UserNameLength, start, end);
        if (p.HasPassword) Inside("password", p.PasswordOffset, p.PasswordLength, start, end);
    }

    static void Inside(string field, int offset, int length, int start, int end)
    {
        if (length == 0) return;
        if (length < 0 || offset < start || offset + length > end)
            throw new FuzzViolation(field + " at " + offset + "+" + length + " lies outside the packet [" + start + ", " + end + ")");
    }
}
