using System.Threading;
using EdgeSensor.Device.Documents;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>What the device says about itself after every connect, resumed where the outbox last filled up.</summary>
public sealed partial class EdgeDevice
{
    /// <summary>
    /// After every connect: <c>online</c>, the documents (info, discovery, reported settings), once per boot a <c>boot</c>
    /// event, why the device was offline, <c>deaf</c> when the broker refused the command subscription, every actuator's
    /// state. Resumes where it stopped when the outbox was full; false while unfinished.
    /// </summary>
    bool Announce()
    {
        int generation = Interlocked.CompareExchange(ref connectGeneration, 0, 0);
        if (link == null || generation == 0) return true;
        if (generation != announcedGeneration)
        {
            announcedGeneration = generation;
            announcement = QuietConnect ? int.MaxValue : 0;
            documentNext = QuietConnect ? int.MaxValue : 0; // a quiet wake's documents are retained on the broker already
            asleepSaid &= QuietConnect; // online is said again: asleep must follow it
            for (int i = 0; i < stateDirty.Length && !QuietConnect; i++) stateDirty[i] = true;
        }
        // online, documents, boot, disconnected; then deaf and its event once a SUBACK refused the commands
        int total = refusedGeneration == generation ? 6 : 4;
        while (announcement < total)
        {
            MqttPublishResult result = MqttPublishResult.Accepted;
            if (announcement == 0) result = link.Publish(topics.Status, Online, 0, Online.Length, MqttQos.AtLeastOnce, true);
            else if (announcement == 1)
            {
                if (!PublishDocuments()) return false;
            }
            else if (announcement == 2)
            {
                if (!bootReported)
                {
                    DeviceEvents.Event(EventWriter(), "boot", "fw", firmwareVersion, null, 0);
                    result = PublishEvent();
                    bootReported = result == MqttPublishResult.Accepted;
                }
            }
            else if (announcement == 3)
            {
                if (offlineReport != 0)
                {
                    DeviceEvents.Disconnected(EventWriter(), offlineReport);
                    result = PublishEvent();
                }
            }
            else if (announcement == 4)
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
        return PublishDocuments() && PublishStates();
    }

    /// <summary>
    /// The retained documents from <see cref="documentNext"/> on: <c>info</c>, the discovery documents, the reported
    /// settings. A connect or a change of settings starts them again. Discovery documents go out while discovery is on,
    /// and once more, empty (which removes the entities), after settings turned it off. False while unfinished.
    /// </summary>
    bool PublishDocuments()
    {
        int discovery = config.HomeAssistantDiscovery || discoveryShown ? discoveryTopics.Length : 0;
        while (documentNext <= discovery + 1)
        {
            json.Reset(document, 0);
            byte[] topic = topics.Reported;
            if (documentNext == 0)
            {
                InfoDocument.Write(json, config, firmwareVersion, IpAddress, sensors, actuators);
                topic = topics.Info;
            }
            else if (documentNext <= discovery)
            {
                if (config.HomeAssistantDiscovery) HomeAssistantDiscovery.Write(json, documentNext - 1, config, firmwareVersion, topics.Base, sensors, sensorOn, actuators);
                topic = discoveryTopics[documentNext - 1];
            }
            else SettingsDocument.Write(json, config, sensors, sensorOn, sensorChange, actuators);
            MqttPublishResult result = Publish(topic, true, MqttQos.AtLeastOnce);
            if (result == MqttPublishResult.OutboxFull || result == MqttPublishResult.SendBufferFull) return false;
            if (result == MqttPublishResult.NotConnected) return true; // the next connect starts them again
            documentNext++;
        }
        discoveryShown = config.HomeAssistantDiscovery;
        return true;
    }

    MqttPublishResult Publish(byte[] topic, bool retain, MqttQos qos)
    {
        if (json.Overflowed) return MqttPublishResult.TooLarge;
        return link.Publish(topic, document, 0, json.Length, qos, retain);
    }
}
