using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.Device.Documents
{
    /// <summary>The JSON published on <c>&lt;base&gt;/event</c>: things an operator must see.</summary>
    public static class DeviceEvents
    {
        static readonly byte[] EventKey = DeviceTopics.Utf8("event");
        static readonly byte[] ActuatorKey = DeviceTopics.Utf8("actuator");
        static readonly byte[] ReasonKey = DeviceTopics.Utf8("reason");
        static readonly byte[] SensorKey = DeviceTopics.Utf8("sensor");
        static readonly byte[] ErrorsKey = DeviceTopics.Utf8("errors");
        static readonly byte[] CountKey = DeviceTopics.Utf8("count");
        static readonly byte[] FwKey = DeviceTopics.Utf8("fw");

        /// <summary><c>{"event":"command_rejected","actuator":..,"reason":..}</c></summary>
        public static void CommandRejected(JsonWriter json, byte[] actuator, int actuatorLength, CommandRejection reason)
        {
            json.BeginObject();
            json.Name(EventKey);
            json.String("command_rejected");
            json.Name(ActuatorKey);
            json.String(actuator, 0, actuatorLength);
            json.Name(ReasonKey);
            json.String(ReasonText(reason));
            json.EndObject();
        }

        /// <summary>Commands that found the queue full: they were not applied.</summary>
        public static void CommandsDropped(JsonWriter json, int count)
        {
            json.BeginObject();
            json.Name(EventKey);
            json.String("command_rejected");
            json.Name(ReasonKey);
            json.String("queue_full");
            json.Name(CountKey);
            json.Number(count);
            json.EndObject();
        }

        /// <summary><c>{"event":"sensor_failed","sensor":..,"errors":n}</c> or <c>sensor_recovered</c>.</summary>
        public static void Sensor(JsonWriter json, SensorEvent kind, string sensor, int errors)
        {
            json.BeginObject();
            json.Name(EventKey);
            json.String(kind == SensorEvent.Failed ? "sensor_failed" : "sensor_recovered");
            json.Name(SensorKey);
            json.String(sensor);
            json.Name(ErrorsKey);
            json.Number(errors);
            json.EndObject();
        }

        /// <summary><c>{"event":"boot","fw":..}</c>: published once after the first connection, so restarts are visible.</summary>
        public static void Boot(JsonWriter json, string firmwareVersion)
        {
            json.BeginObject();
            json.Name(EventKey);
            json.String("boot");
            json.Name(FwKey);
            json.String(firmwareVersion);
            json.EndObject();
        }

        public static string ReasonText(CommandRejection reason)
        {
            switch (reason)
            {
                case CommandRejection.UnknownActuator: return "unknown_actuator";
                case CommandRejection.InvalidPayload: return "invalid_payload";
                case CommandRejection.PayloadTooLarge: return "payload_too_large";
                case CommandRejection.InvalidUtf8: return "invalid_utf8";
                case CommandRejection.Retained: return "retained";
                default: return "none";
            }
        }
    }
}
