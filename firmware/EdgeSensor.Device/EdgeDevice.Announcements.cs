using System.Threading;
using EdgeSensor.Device.Documents;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device
{
    /// <summary>What the device says about itself after every connect, resumed where the outbox last filled up.</summary>
    public sealed partial class EdgeDevice
    {
        /// <summary>
        /// After every connect: <c>online</c>, <c>info</c>, discovery documents, every actuator's state, and once per
        /// boot a <c>boot</c> event. Resumes where it stopped when the outbox was full; false while unfinished.
        /// </summary>
        bool Announce()
        {
            int generation = Interlocked.CompareExchange(ref connectGeneration, 0, 0);
            if (link == null || generation == 0) return true;
            if (generation != announcedGeneration)
            {
                announcedGeneration = generation;
                announcement = 0;
                for (int i = 0; i < stateDirty.Length; i++) stateDirty[i] = true;
            }
            int discoveryCount = config.HomeAssistantDiscovery ? discovery.Topics.Length : 0;
            int total = 2 + discoveryCount + 1;
            while (announcement < total)
            {
                MqttPublishResult result;
                if (announcement == 0)
                {
                    result = link.Publish(topics.Status, Online, 0, Online.Length, MqttQos.AtLeastOnce, true);
                }
                else if (announcement == 1)
                {
                    json.Reset(document, 0);
                    InfoDocument.Write(json, config, firmwareVersion, IpAddress, sensors, actuators);
                    result = Publish(topics.Info, true, MqttQos.AtLeastOnce);
                }
                else if (announcement < 2 + discoveryCount)
                {
                    json.Reset(document, 0);
                    discovery.Write(json, announcement - 2);
                    result = Publish(discovery.Topics[announcement - 2], true, MqttQos.AtLeastOnce);
                }
                else if (!bootReported)
                {
                    json.Reset(smallDocument, 0);
                    DeviceEvents.Boot(json, firmwareVersion);
                    result = link.Publish(topics.Event, smallDocument, 0, json.Length, MqttQos.AtLeastOnce, false);
                    if (result == MqttPublishResult.Accepted) bootReported = true;
                }
                else
                {
                    result = MqttPublishResult.Accepted;
                }
                if (result == MqttPublishResult.OutboxFull || result == MqttPublishResult.SendBufferFull) return false;
                if (result == MqttPublishResult.NotConnected) return true;
                announcement++; // accepted, or refused for good (too large): either way, on to the next
            }
            return PublishStates();
        }

        MqttPublishResult Publish(byte[] topic, bool retain, MqttQos qos)
        {
            if (json.Overflowed) return MqttPublishResult.TooLarge;
            return link.Publish(topic, document, 0, json.Length, qos, retain);
        }
    }
}
