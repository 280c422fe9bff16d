using System.Threading;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Commands;

/// <summary>
/// Commands received on the MQTT thread, waiting for the device loop to apply them: a fixed number of
/// slots, each with room for a payload and an actuator name of <see cref="CommandPayload.MaxLength"/> bytes.
/// Checks that need no actuator (retained flag, size, UTF-8, known name) are made on arrival; the verdict
/// travels with the command. A slot is one byte array laid out as below, which is what the loop copies out.
/// </summary>
public sealed class CommandQueue
{
    public const int Rejection = 0;
    public const int PayloadLength = 1;
    public const int NameLength = 2;
    public const int Payload = 3;
    public const int Name = Payload + CommandPayload.MaxLength;
    public const int SlotLength = Name + CommandPayload.MaxLength;

    readonly int[] actuators;
    readonly byte[][] slots;
    readonly object gate = new object();
    int head;
    int count;
    int overflows;

    public CommandQueue(int capacity)
    {
        actuators = new int[capacity];
        slots = new byte[capacity][];
        for (int i = 0; i < capacity; i++) slots[i] = new byte[SlotLength];
    }

    /// <summary>Commands waiting to be applied.</summary>
    public int Count
    {
        get
        {
            Monitor.Enter(gate);
            try { return count; }
            finally { Monitor.Exit(gate); }
        }
    }

    /// <summary>Commands lost because the queue was full (the loop reports them).</summary>
    public int Overflows => overflows;

    /// <summary>Takes a received command; false (and counted) when the queue is full.</summary>
    public bool Enqueue(int actuator, MqttMessage message, int nameOffset, int nameLength)
    {
        Monitor.Enter(gate);
        try
        {
            if (count == actuators.Length)
            {
                overflows++;
                return false;
            }
            int index = (head + count) % actuators.Length;
            count++;
            byte[] slot = slots[index];
            actuators[index] = actuator;

            // At most the slot's room, cut at a character boundary so the copy stays valid UTF-8.
            if (nameLength > CommandPayload.MaxLength)
            {
                nameLength = CommandPayload.MaxLength;
                while (nameLength > 0 && (message.Buffer[nameOffset + nameLength] & 0xC0) == 0x80) nameLength--;
            }
            // A topic too long for the buffer reaches us unchecked: its first bytes may not be UTF-8 (the event must be).
            if (MqttUtf8.Validate(message.Buffer, nameOffset, nameLength) != MqttError.None) nameLength = 0;
            System.Array.Copy(message.Buffer, nameOffset, slot, Name, nameLength);
            slot[NameLength] = (byte)nameLength;
            CommandRejection rejection = Verdict(actuator, message);
            slot[Rejection] = (byte)rejection;
            int length = 0;
            if (rejection == CommandRejection.None)
            {
                int offset = message.PayloadOffset;
                length = message.PayloadCount;
                CommandPayload.Trim(message.Buffer, ref offset, ref length);
                System.Array.Copy(message.Buffer, offset, slot, Payload, length);
            }
            slot[PayloadLength] = (byte)length;
            return true;
        }
        finally { Monitor.Exit(gate); }
    }

    /// <summary>Copies the oldest command's slot into <paramref name="command"/> (SlotLength bytes) and removes it; false when empty.</summary>
    public bool TryDequeue(byte[] command, out int actuator)
    {
        Monitor.Enter(gate);
        try
        {
            actuator = -1;
            if (count == 0) return false;
            actuator = actuators[head];
            System.Array.Copy(slots[head], command, SlotLength);
            head = (head + 1) % actuators.Length;
            count--;
            return true;
        }
        finally { Monitor.Exit(gate); }
    }

    // A retained command would fire again on every reconnect ("ghost switching"). A negative total length is the
    // session's notice that the topic was too long: no payload follows.
    static CommandRejection Verdict(int actuator, MqttMessage message)
        => message.Retain ? CommandRejection.Retained
            : message.PayloadTotalLength < 0 ? CommandRejection.TopicTooLong
            : actuator < 0 ? CommandRejection.UnknownActuator
            : message.PayloadTotalLength > CommandPayload.MaxLength ? CommandRejection.PayloadTooLarge
            : MqttUtf8.Validate(message.Buffer, message.PayloadOffset, message.PayloadCount) != MqttError.None ? CommandRejection.InvalidUtf8
            : CommandRejection.None;
}
