using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.Device.Documents
{
    /// <summary>The JSON published on <c>&lt;base&gt;/event</c>: things an operator must see.</summary>
    internal static class DeviceEvents
    {
        /// <summary>The <c>reason</c> of each <see cref="CommandRejection"/>, by its value.</summary>
        static readonly string[] Reasons = new string[] { "none", "unknown_actuator", "invalid_payload", "payload_too_large", "invalid_utf8", "retained" };

        /// <summary><c>{"event":"command_rejected","actuator":..,"reason":..}</c></summary>
        public static void CommandRejected(JsonWriter json, byte[] actuator, int actuatorOffset, int actuatorLength, CommandRejection reason)
        {
            json.BeginObject();
            json.Member("event", "command_rejected");
            json.Name("actuator");
            json.String(actuator, actuatorOffset, actuatorLength);
            json.Member("reason", Reasons[(int)reason]);
            json.EndObject();
        }

        /// <summary>Commands that found the queue full: they were not applied.</summary>
        public static void CommandsDropped(JsonWriter json, int count)
        {
            json.BeginObject();
            json.Member("event", "command_rejected");
            json.Member("reason", "queue_full");
            json.Name("count");
            json.Number(count);
            json.EndObject();
        }

        /// <summary><c>{"event":"sensor_failed","sensor":..,"errors":n}</c> or <c>sensor_recovered</c>.</summary>
        public static void Sensor(JsonWriter json, SensorEvent kind, string sensor, int errors)
        {
            json.BeginObject();
            json.Member("event", kind == SensorEvent.Failed ? "sensor_failed" : "sensor_recovered");
            json.Member("sensor", sensor);
            json.Name("errors");
            json.Number(errors);
            json.EndObject();
        }

        /// <summary><c>{"event":"boot","fw":..}</c>: published once after the first connection, so restarts are visible.</summary>
        public static void Boot(JsonWriter json, string firmwareVersion)
        {
            json.BeginObject();
            json.Member("event", "boot");
            json.Member("fw", firmwareVersion);
            json.EndObject();
        }
    }
}
