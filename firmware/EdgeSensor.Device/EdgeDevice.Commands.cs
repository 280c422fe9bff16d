using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Commands;
using EdgeSensor.Device.Documents;
using EdgeSensor.Device.Json;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device;

/// <summary>Commands, on the loop's thread: applied in arrival order, each rejection an event, each change a retained state.</summary>
public sealed partial class EdgeDevice
{
    void ApplyCommands()
    {
        int actuator;
        while (commands.TryDequeue(command, out actuator))
        {
            CommandRejection rejection = (CommandRejection)command[CommandQueue.Rejection];
            if (rejection == CommandRejection.None) rejection = actuators[actuator].Apply(command, CommandQueue.Payload, command[CommandQueue.PayloadLength]);
            if (rejection == CommandRejection.None)
            {
                stateDirty[actuator] = commanded[actuator] = true;
                continue;
            }
            DeviceEvents.CommandRejected(EventWriter(), command, CommandQueue.Name, command[CommandQueue.NameLength], rejection);
            PublishEvent();
        }
        int overflows = commands.Overflows;
        if (overflows == reportedOverflows) return;
        DeviceEvents.Event(EventWriter(), "command_rejected", "reason", "queue_full", "count", overflows - reportedOverflows);
        reportedOverflows = overflows;
        PublishEvent();
    }

    /// <summary>The real state of every actuator whose state changed or must be repeated; false while some could not go out.</summary>
    bool PublishStates()
    {
        if (link == null) return true;
        bool done = true;
        for (int i = 0; i < actuators.Length; i++)
        {
            if (!stateDirty[i]) continue;
            int length = actuators[i].WriteState(statePayload, 0);
            if (link.Publish(topics.State[i], statePayload, 0, length, MqttQos.AtLeastOnce, true) == MqttPublishResult.Accepted) stateDirty[i] = false;
            else done = false;
        }
        return done;
    }

    /// <summary>The writer, emptied onto the event buffer: each event is written with it, then sent by <see cref="PublishEvent"/>.</summary>
    JsonWriter EventWriter()
    {
        json.Reset(smallDocument, 0);
        return json;
    }

    MqttPublishResult PublishEvent()
    {
        if (link == null) return MqttPublishResult.NotConnected;
        if (json.Overflowed) return MqttPublishResult.TooLarge;
        return link.Publish(topics.Event, smallDocument, 0, json.Length, MqttQos.AtLeastOnce, false);
    }
}
