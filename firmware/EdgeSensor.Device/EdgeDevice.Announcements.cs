using System.Threading;
using EdgeSensor.Device.Documents;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>What the device says about itself after every connect, resumed where the outbox last filled up.</summary>
public sealed partial class EdgeDevice
{
    /// <summary>
    /// After every connect: <c>online</c>, <c>info</c>, discovery documents, once per boot a <c>boot</c> event, why
    /// the device was offline, <c>deaf</c> when the broker refused the command subscription, every actuator's state. Resumes where it stopped when the outbox was full; false while unfinished.
    /// </summary>
    bool Announce()
    {
        int generation = Interlocked.CompareExchange(ref connectGeneration, 0, 0);
        if (link == null || generation == 0) return true;
        if (generation != announcedGeneration)
        {
            announcedGeneration = generation;
            announcement = QuietConnect ? int.MaxValue : 0;
            asleepSaid &= QuietConnect; // online is said again: asleep must follow it
            for (int i = 0; i < stateDirty.Length && !QuietConnect; i++) stateDirty[i] = true;
        }
        int discoveryCount = config.HomeAssistantDiscovery ? discoveryTopics.Length : 0;
        // online, info, discovery, boot, disconnected; then deaf and its event once a SUBACK refused the commands
        int total = 2 + discoveryCount + (refusedGeneration == generation ? 4 : 2);
        while (announcement < total)
        {
            MqttPublishResult result;
            if (announcement == 0) result = link.Publish(topics.Status, Online, 0, Online.Length, MqttQos.AtLeastOnce, true);
            else if (announcement == 1)
            {
                json.Reset(document, 0);
                InfoDocument.Write(json, config, firmwareVersion, IpAddress, sensors, actuators);
                result = Publish(topics.Info, true, MqttQos.AtLeastOnce);
            }
            else if (announcement < 2 + discoveryCount)
            {
                json.Reset(document, 0);
                HomeAssistantDiscovery.Write(json, announcement - 2, config, firmwareVersion, topics.Base, sensors, actuators);
                result = Publish(discoveryTopics[announcement - 2], true, MqttQos.AtLeastOnce);
            }
            else if (announcement == 2 + discoveryCount)
            {
                result = MqttPublishResult.Accepted;
                if (!bootReported)
                {
                    DeviceEvents.Event(EventWriter(), "boot", "fw", firmwareVersion, null, 0);
                    result = PublishEvent();
                    bootReported = result == MqttPublishResult.Accepted;
                }
            }
            else if (announcement == 3 + discoveryCount)
            {
                result = MqttPublishResult.Accepted;
                if (offlineReport != 0)
                {
                    DeviceEvents.Disconnected(EventWriter(), offlineReport);
                    result = PublishEvent();
                }
            }
            else if (announcement == 4 + discoveryCount)
            {
                // Retained, so operators see it until the next connect says online (a battery board's asleep follows).
                result = link.Publish(topics.Status, Deaf, 0, Deaf.Length, MqttQos.AtLeastOnce, true);
                asleepSaid = false;
            }
            else
            {
                DeviceEvents.Event(EventWriter(), "subscribe_refused", "filter", topics.CommandFilter, null, 0);
                result = PublishEvent();
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
