using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session
{
    /// <summary>
    /// The bytes read from the transport and not yet consumed, cut into packets: each complete one goes to the
    /// session's handler, a PUBLISH larger than the buffer to the <see cref="LargePublishReader"/>. Reads append at
    /// End; packets are framed from Start.
    /// </summary>
    internal sealed class PacketReader
    {
        public readonly byte[] Bytes;
        public readonly LargePublishReader Large;
        public int Start;
        public int End;

        /// <summary>A packet needs an answer and the send buffer has no room: input waits until output is written.</summary>
        public bool Stalled;

        readonly MqttSession session;

        public PacketReader(MqttSession session, MqttPacket packet, int size, bool dropLarge)
        {
            this.session = session;
            Bytes = new byte[size];
            Large = new LargePublishReader(session, this, packet, dropLarge);
        }

        /// <summary>The free space after End, once the unread bytes are moved to the front.</summary>
        public int Space(out byte[] buffer, out int offset)
        {
            Compact(); // while a large PUBLISH streams its header sits at 0, so nothing moves
            buffer = Bytes;
            offset = End;
            return Bytes.Length - End;
        }

        /// <summary>Handles every complete packet, until more bytes are needed, input stalls or the connection ends.</summary>
        public void Process()
        {
            Stalled = false;
            while (session.State != MqttSessionState.Disconnected && !Stalled)
            {
                if (Large.Active)
                {
                    if (!Large.Continue()) break;
                    continue;
                }
                int available = End - Start;
                int headerLength = MqttDecoder.TryReadFixedHeader(Bytes, Start, available, out int firstByte, out int remaining);
                if (headerLength == 0) break;
                int total = headerLength + remaining;
                MqttError error = headerLength < 0 ? MqttError.MalformedRemainingLength : MqttDecoder.CheckFirstByte(firstByte);
                // Only a PUBLISH may be larger than the buffer: it is read in pieces, anything else would be buffered whole.
                if (error == MqttError.None && total > Bytes.Length && (firstByte >> 4) != (int)MqttPacketType.Publish) error = MqttError.PacketTooLong;
                if (error != MqttError.None)
                {
                    session.Close(error);
                    return;
                }
                if (total <= available)
                {
                    if (!session.HandlePacket(Start, total)) break;
                    Start += total;
                }
                else if (total <= Bytes.Length) break; // the rest is on its way
                else
                {
                    Compact();
                    if (!Large.Begin(firstByte & 0x0F, headerLength, remaining)) break;
                }
            }
            if (Start == End && !Large.Active) Start = End = 0;
        }

        public void Compact()
        {
            if (Start == 0) return;
            Array.Copy(Bytes, Start, Bytes, 0, End - Start);
            End -= Start;
            Start = 0;
        }

        public void Clear()
        {
            Start = End = 0;
            Stalled = false;
            Large.Clear();
        }
    }
}
