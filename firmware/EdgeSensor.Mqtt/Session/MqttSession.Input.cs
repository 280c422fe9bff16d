using System;
using EdgeSensor.Mqtt.Codec;

namespace EdgeSensor.Mqtt.Session
{
    /// <summary>The receiving half of the session: framing, strict decoding, and each packet's effect.</summary>
    public sealed partial class MqttSession
    {
        readonly byte[] receive;
        readonly MqttPacket packet = new MqttPacket();
        readonly MqttMessage message = new MqttMessage();

        int receiveStart;
        int receiveEnd;

        /// <summary>Set when a packet needs an answer and the send buffer has no room: input waits for output.</summary>
        bool inputStalled;

        // A PUBLISH larger than the receive buffer: its header stays at the front of the buffer and the
        // payload passes behind it in chunks (streamed), or the whole packet is skipped (skipping).
        bool streaming;
        bool streamDelivers;
        int streamHeaderEnd;
        int streamPayloadDone;
        bool skipping;
        int skipRemaining;
        int skipPosition;
        int skipIdPosition;
        int skipPacketId;
        MqttQos skipQos;

        /// <summary>Free space the transport may read into; then call <see cref="Received"/>.</summary>
        public int GetReceiveSpace(out byte[] buffer, out int offset)
        {
            if (receiveStart > 0) Compact(); // while streaming the header sits at 0, so nothing moves it
            buffer = receive;
            offset = receiveEnd;
            return receive.Length - receiveEnd;
        }

        /// <summary><paramref name="count"/> bytes were read into the receive space: process them.</summary>
        public void Received(int count, long now)
        {
            if (count <= 0) return;
            receiveEnd += count;
            lastReceivedAt = now;
            ProcessInput(now);
        }

        void ProcessInput(long now)
        {
            inputStalled = false;
            while (state != MqttSessionState.Disconnected && !inputStalled)
            {
                if (streaming) { if (!ContinueStream()) break; continue; }
                if (skipping) { if (!ContinueSkip()) break; continue; }

                int available = receiveEnd - receiveStart;
                int headerLength = MqttDecoder.TryReadFixedHeader(receive, receiveStart, available, out int firstByte, out int remaining);
                if (headerLength == 0) break;
                if (headerLength < 0) { Close(MqttError.MalformedRemainingLength); return; }
                MqttError error = MqttDecoder.CheckFirstByte(firstByte);
                if (error != MqttError.None) { Close(error); return; }

                int total = headerLength + remaining;
                if (total <= available)
                {
                    if (!HandlePacket(receiveStart, total)) break;
                    receiveStart += total;
                }
                else if (total <= receive.Length) break; // the rest is on its way
                else if ((firstByte >> 4) != (int)MqttPacketType.Publish) { Close(MqttError.PacketTooLong); return; }
                else
                {
                    Compact();
                    if (!BeginLargePublish(firstByte & 0x0F, headerLength, remaining)) break;
                }
            }
            if (receiveStart == receiveEnd && !streaming && !skipping) receiveStart = receiveEnd = 0;
        }

        /// <summary>Handles one complete packet; false when it must wait for room in the send buffer.</summary>
        bool HandlePacket(int offset, int length)
        {
            MqttError error = MqttDecoder.Decode(receive, offset, length, packet);
            if (error != MqttError.None) { Close(error); return false; }
            if (state == MqttSessionState.Connecting && packet.Type != MqttPacketType.Connack)
            {
                Close(MqttError.UnexpectedPacket); // [MQTT-3.2.0-1] the first packet from the server is CONNACK
                return false;
            }
            bool answers = packet.Type == MqttPacketType.Pubrec || packet.Type == MqttPacketType.Pubrel
                || (packet.Type == MqttPacketType.Publish && packet.Qos != MqttQos.AtMostOnce);
            if (answers && output.MakeRoom(4) < 0)
            {
                inputStalled = true;
                return false;
            }
            switch (packet.Type)
            {
                case MqttPacketType.Connack: OnConnack(); break;
                case MqttPacketType.Publish: OnPublish(); break;
                case MqttPacketType.Puback: Complete(packet.PacketId, OutboxState.AwaitingPuback); break;
                case MqttPacketType.Pubrec: OnPubrec(); break;
                case MqttPacketType.Pubcomp: Complete(packet.PacketId, OutboxState.AwaitingPubcomp); break;
                case MqttPacketType.Pubrel: OnPubrel(); break;
                case MqttPacketType.Suback: OnSuback(); break;
                case MqttPacketType.Unsuback: OnUnsuback(); break;
                case MqttPacketType.Pingresp: pingOutstanding = false; break;
                default: Close(MqttError.UnexpectedPacket); return false; // CONNECT, SUBSCRIBE... are client-to-server only
            }
            return state != MqttSessionState.Disconnected;
        }

        void OnConnack()
        {
            if (state != MqttSessionState.Connecting) { Close(MqttError.UnexpectedPacket); return; }
            if (packet.ReturnCode != MqttConnectReturnCode.Accepted)
            {
                LastReturnCode = packet.ReturnCode;
                Close(MqttError.ConnectionRefused);
                return;
            }
            OnConnectionAccepted(packet.SessionPresent);
        }

        void OnPublish()
        {
            int id = packet.PacketId;
            bool duplicate = packet.Qos == MqttQos.ExactlyOnce && pendingReleases.Contains(id);
            // The answer is queued first: the room checked for it stays ours even if the callback publishes.
            Acknowledge(packet.Qos, id, duplicate);
            if (duplicate) return;
            FillMessage(packet.PayloadOffset, packet.PayloadLength, 0, packet.PayloadLength);
            MessagesReceived++;
            handler.OnMessage(message);
        }

        /// <summary>PUBACK for QoS 1 [MQTT-4.3.2-2]; PUBREC for QoS 2, remembering the id until PUBREL [MQTT-4.3.3-2].</summary>
        void Acknowledge(MqttQos qos, int packetId, bool alreadyPending)
        {
            if (state == MqttSessionState.Disconnected || qos == MqttQos.AtMostOnce) return;
            if (qos == MqttQos.ExactlyOnce && !alreadyPending) pendingReleases.Add(packetId);
            int at = output.MakeRoom(4);
            output.Commit(MqttEncoder.Ack(output.Bytes, at, qos == MqttQos.AtLeastOnce ? MqttPacketType.Puback : MqttPacketType.Pubrec, packetId));
        }

        void OnPubrec()
        {
            int entry = FindInflight(packet.PacketId, OutboxState.AwaitingPubrec);
            if (entry >= 0) outbox.SetState(entry, OutboxState.AwaitingPubcomp);
            // Answered even when unknown, so that the broker can discard its state [MQTT-4.3.3-1].
            int at = output.MakeRoom(4);
            output.Commit(MqttEncoder.Ack(output.Bytes, at, MqttPacketType.Pubrel, packet.PacketId));
        }

        void OnPubrel()
        {
            pendingReleases.Remove(packet.PacketId);
            int at = output.MakeRoom(4);
            output.Commit(MqttEncoder.Ack(output.Bytes, at, MqttPacketType.Pubcomp, packet.PacketId)); // [MQTT-4.3.3-2]
        }

        void Complete(int packetId, OutboxState expected)
        {
            int entry = FindInflight(packetId, expected);
            if (entry < 0) return; // a late or repeated acknowledgement: nothing is waiting for it
            outbox.SetState(entry, OutboxState.Completed);
            inflight--;
            PublishesCompleted++;
            outbox.ReclaimCompleted();
            TransmitOutbox();
        }

        int FindInflight(int packetId, OutboxState expected)
        {
            for (int e = outbox.First; e >= 0 && e != transmitCursor; e = outbox.Next(e))
            {
                if (outbox.State(e) == expected && outbox.PacketId(e) == packetId) return e;
            }
            return -1;
        }

        void OnSuback()
        {
            int code = 0;
            for (int i = 0; i < subscriptions.Capacity && code < packet.PayloadLength; i++)
            {
                if (subscriptions.State(i) != SubscriptionState.Subscribing || subscriptions.PacketId(i) != packet.PacketId) continue;
                int result = receive[packet.PayloadOffset + code++];
                subscriptions.SetState(i, result == MqttSubscribeResult.Failure ? SubscriptionState.Refused : SubscriptionState.Active, 0);
                handler.OnSubscribeResult(i, result);
            }
        }

        void OnUnsuback()
        {
            for (int i = 0; i < subscriptions.Capacity; i++)
            {
                if (subscriptions.State(i) == SubscriptionState.UnsubscribeSent && subscriptions.PacketId(i) == packet.PacketId)
                {
                    subscriptions.SetState(i, SubscriptionState.Free, 0);
                }
            }
        }

        void FillMessage(int payloadOffset, int payloadCount, int position, int total)
        {
            message.Buffer = receive;
            message.TopicOffset = packet.TopicOffset;
            message.TopicLength = packet.TopicLength;
            message.PayloadOffset = payloadOffset;
            message.PayloadCount = payloadCount;
            message.PayloadPosition = position;
            message.PayloadTotalLength = total;
            message.Qos = packet.Qos;
            message.Retain = packet.Retain;
            message.Dup = packet.Dup;
            message.PacketId = packet.PacketId;
            if (position == 0) message.SubscriptionIndex = subscriptions.Match(receive, packet.TopicOffset, packet.TopicLength);
        }

        /// <summary>
        /// A PUBLISH whose packet is larger than the receive buffer, its fixed header at the buffer's front.
        /// When its topic and packet identifier fit, the payload streams behind them; otherwise it is skipped.
        /// </summary>
        bool BeginLargePublish(int flags, int headerLength, int remaining)
        {
            MqttError error = MqttDecoder.DecodePublishHeader(receive, headerLength, receiveEnd - headerLength, flags, remaining, packet, out int variableLength);
            if (error != MqttError.None) { Close(error); return false; }
            if (variableLength == 0 && receiveEnd < receive.Length) return false; // the rest of the topic is on its way
            if (variableLength == 0)
            {
                BeginSkip(headerLength, remaining, packet.Qos, 2 + BigEndian.ReadUInt16(receive, headerLength));
                return true;
            }
            if (options.LargePayloads == MqttLargePayloadPolicy.Drop)
            {
                BeginSkip(headerLength, remaining, packet.Qos, 2 + packet.TopicLength);
                return true;
            }
            bool duplicate = packet.Qos == MqttQos.ExactlyOnce && pendingReleases.Contains(packet.PacketId);
            streaming = true;
            streamDelivers = !duplicate;
            streamHeaderEnd = headerLength + variableLength;
            streamPayloadDone = 0;
            message.PayloadTotalLength = remaining - variableLength;
            return true;
        }

        bool ContinueStream()
        {
            int total = message.PayloadTotalLength;
            int available = receiveEnd - streamHeaderEnd;
            int chunk = total - streamPayloadDone < available ? total - streamPayloadDone : available;
            if (chunk == 0) return false;
            bool last = streamPayloadDone + chunk == total;
            if (last && packet.Qos != MqttQos.AtMostOnce && output.MakeRoom(4) < 0)
            {
                inputStalled = true;
                return false;
            }
            if (last)
            {
                Acknowledge(packet.Qos, packet.PacketId, !streamDelivers);
                if (streamDelivers) MessagesReceived++;
            }
            if (streamDelivers)
            {
                FillMessage(streamHeaderEnd, chunk, streamPayloadDone, total);
                handler.OnMessage(message);
                if (state == MqttSessionState.Disconnected) return false;
            }
            streamPayloadDone += chunk;
            Array.Copy(receive, streamHeaderEnd + chunk, receive, streamHeaderEnd, receiveEnd - streamHeaderEnd - chunk);
            receiveEnd -= chunk;
            if (!last) return true;

            streaming = false;
            Array.Copy(receive, streamHeaderEnd, receive, 0, receiveEnd - streamHeaderEnd);
            receiveEnd -= streamHeaderEnd;
            receiveStart = 0;
            return true;
        }

        void BeginSkip(int headerLength, int remaining, MqttQos qos, int idPosition)
        {
            skipping = true;
            skipRemaining = remaining;
            skipPosition = 0;
            skipQos = qos;
            skipIdPosition = qos == MqttQos.AtMostOnce ? -1 : idPosition;
            skipPacketId = 0;
            receiveStart = headerLength;
        }

        /// <summary>Consumes a skipped packet's bytes, picking out its packet identifier on the way so it can be acknowledged.</summary>
        bool ContinueSkip()
        {
            int available = receiveEnd - receiveStart;
            int n = skipRemaining < available ? skipRemaining : available;
            if (n == 0) return false;
            bool last = n == skipRemaining;
            if (last && skipQos != MqttQos.AtMostOnce && output.MakeRoom(4) < 0)
            {
                inputStalled = true;
                return false;
            }
            for (int i = 0; i < n; i++)
            {
                int position = skipPosition + i;
                if (position == skipIdPosition) skipPacketId = receive[receiveStart + i] << 8;
                else if (position == skipIdPosition + 1) skipPacketId |= receive[receiveStart + i];
            }
            skipPosition += n;
            skipRemaining -= n;
            receiveStart += n;
            if (!last) return true;

            skipping = false;
            if (skipQos != MqttQos.AtMostOnce && skipPacketId == 0) { Close(MqttError.ZeroPacketId); return false; }
            MessagesDropped++;
            bool pending = skipQos == MqttQos.ExactlyOnce && pendingReleases.Contains(skipPacketId);
            Acknowledge(skipQos, skipPacketId, pending);
            return true;
        }

        void Compact()
        {
            if (receiveStart == 0) return;
            Array.Copy(receive, receiveStart, receive, 0, receiveEnd - receiveStart);
            receiveEnd -= receiveStart;
            receiveStart = 0;
        }

        void ResetInput()
        {
            receiveStart = receiveEnd = 0;
            streaming = skipping = inputStalled = false;
        }
    }
}
