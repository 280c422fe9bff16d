using System.Threading;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Commands
{
    /// <summary>
    /// Commands received on the MQTT thread, waiting for the device loop to apply them: a fixed number of
    /// slots, each with room for a payload of <see cref="CommandPayload.MaxLength"/> bytes. Checks that need
    /// no actuator (retained flag, size, UTF-8, known name) are made on arrival; the verdict travels with the command.
    /// </summary>
    public sealed class CommandQueue
    {
        readonly int[] actuators;
        readonly CommandRejection[] rejections;
        readonly byte[][] payloads;
        readonly int[] payloadLengths;
        readonly byte[][] names;
        readonly int[] nameLengths;
        readonly object gate = new object();
        int head;
        int count;
        int overflows;

        public CommandQueue(int capacity)
        {
            actuators = new int[capacity];
            rejections = new CommandRejection[capacity];
            payloads = new byte[capacity][];
            payloadLengths = new int[capacity];
            names = new byte[capacity][];
            nameLengths = new int[capacity];
            for (int i = 0; i < capacity; i++)
            {
                payloads[i] = new byte[CommandPayload.MaxLength];
                names[i] = new byte[CommandPayload.MaxLength];
            }
        }

        /// <summary>Commands lost because the queue was full (the loop reports them).</summary>
        public int Overflows { get { return overflows; } }

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
                int slot = (head + count) % actuators.Length;
                count++;
                actuators[slot] = actuator;
                nameLengths[slot] = CopyName(message.Buffer, nameOffset, nameLength, names[slot]);
                rejections[slot] = Verdict(actuator, message);
                int length = 0;
                if (rejections[slot] == CommandRejection.None)
                {
                    int offset = message.PayloadOffset;
                    length = message.PayloadCount;
                    CommandPayload.Trim(message.Buffer, ref offset, ref length);
                    System.Array.Copy(message.Buffer, offset, payloads[slot], 0, length);
                }
                payloadLengths[slot] = length;
                return true;
            }
            finally { Monitor.Exit(gate); }
        }

        /// <summary>Copies the oldest command into the caller's buffers and removes it; false when empty.</summary>
        public bool TryDequeue(out int actuator, out CommandRejection rejection, byte[] payload, out int payloadLength, byte[] name, out int nameLength)
        {
            Monitor.Enter(gate);
            try
            {
                actuator = -1;
                rejection = CommandRejection.None;
                payloadLength = nameLength = 0;
                if (count == 0) return false;
                actuator = actuators[head];
                rejection = rejections[head];
                payloadLength = payloadLengths[head];
                nameLength = nameLengths[head];
                System.Array.Copy(payloads[head], 0, payload, 0, payloadLength);
                System.Array.Copy(names[head], 0, name, 0, nameLength);
                head = (head + 1) % actuators.Length;
                count--;
                return true;
            }
            finally { Monitor.Exit(gate); }
        }

        static CommandRejection Verdict(int actuator, MqttMessage message)
        {
            // A retained command would fire again on every reconnect ("ghost switching").
            if (message.Retain) return CommandRejection.Retained;
            if (actuator < 0) return CommandRejection.UnknownActuator;
            if (message.PayloadTotalLength > CommandPayload.MaxLength) return CommandRejection.PayloadTooLarge;
            if (MqttUtf8.Validate(message.Buffer, message.PayloadOffset, message.PayloadCount) != MqttError.None) return CommandRejection.InvalidUtf8;
            return CommandRejection.None;
        }

        /// <summary>Keeps at most the slot's size, cut at a character boundary so the copy stays valid UTF-8.</summary>
        static int CopyName(byte[] source, int offset, int length, byte[] target)
        {
            if (length > target.Length)
            {
                length = target.Length;
                while (length > 0 && (source[offset + length] & 0xC0) == 0x80) length--;
            }
            System.Array.Copy(source, offset, target, 0, length);
            return length;
        }
    }
}
