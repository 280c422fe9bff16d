using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.Device.Documents;

/// <summary>
/// Home Assistant MQTT discovery (docs/device-topics.md): one retained config document per sensor quantity
/// (component <c>sensor</c>), per relay (<c>switch</c>), per PWM output (<c>number</c>) and one for the telemetry
/// interval (<c>number</c>, which writes a desired settings document; not on a battery board, which takes no remote
/// settings), each with the device's availability topic and a shared device block. Topics are encoded once;
/// documents are written on demand.
/// </summary>
static class HomeAssistantDiscovery
{
    /// <summary>One per document: every sensor's quantities in order, then every actuator, then the telemetry interval.</summary>
    public static byte[][] Topics(DeviceConfig config, ISensor[] sensors, Actuator[] actuators)
    {
        int count = actuators.Length + (config.Battery ? 0 : 1);
        for (int s = 0; s < sensors.Length; s++) count += sensors[s].Quantities.Length;
        byte[][] topics = new byte[count][];
        int i = 0;
        for (int s = 0; s < sensors.Length; s++)
        {
            for (int q = 0; q < sensors[s].Quantities.Length; q++) topics[i++] = Topic(config, "sensor", sensors[s].Name + "_" + sensors[s].Quantities[q].Key);
        }
        for (int a = 0; a < actuators.Length; a++) topics[i++] = Topic(config, actuators[a].Kind == ActuatorKind.Relay ? "switch" : "number", actuators[a].Name);
        if (i < count) topics[i] = Topic(config, "number", "telemetry_interval");
        return topics;
    }

    /// <summary>
    /// Document <paramref name="document"/>, in the order of <see cref="Topics"/>; nothing (an empty retained payload, which
    /// removes the entity) for a quantity of a sensor turned off.
    /// </summary>
    public static void Write(JsonWriter json, int document, DeviceConfig config, string firmwareVersion, string baseTopic, ISensor[] sensors, bool[] sensorOn, Actuator[] actuators)
    {
        int s = 0;
        while (s < sensors.Length && document >= sensors[s].Quantities.Length) document -= sensors[s++].Quantities.Length;
        if (s < sensors.Length && !sensorOn[s]) return;
        json.BeginObject();
        if (s == sensors.Length && document == actuators.Length)
        {
            // HA publishes a whole desired document: the interval alone, versioned by its clock (docs/device-topics.md).
            json.Member("name", "telemetry interval")
                .Member("unique_id", config.Id + "_telemetry_interval")
                .Member("command_topic", baseTopic + "/settings/desired")
                .Member("command_template", "{\"version\":{{ now().timestamp() | int }},\"telemetry\":{\"interval_s\":{{ value | int }}}}")
                .Name("retain").Boolean(true)
                .Member("state_topic", baseTopic + "/settings/reported")
                .Member("value_template", "{{ value_json.telemetry.interval_s }}");
            Range(json, 1, 86400, "s", "box").Member("entity_category", "config");
        }
        else if (s < sensors.Length)
        {
            string sensor = sensors[s].Name;
            SensorQuantity quantity = sensors[s].Quantities[document];
            json.Member("name", sensor + " " + quantity.DeviceClass)
                .Member("unique_id", config.Id + "_" + sensor + "_" + quantity.Key)
                .Member("state_topic", baseTopic + "/telemetry")
                .Member("value_template", "{{ value_json.sensors['" + sensor + "']." + quantity.Key + " }}")
                .Member("unit_of_measurement", quantity.Unit)
                .Member("device_class", quantity.DeviceClass)
                .Member("state_class", "measurement");
        }
        else
        {
            Actuator actuator = actuators[document];
            json.Member("name", actuator.DisplayName)
                .Member("unique_id", config.Id + "_" + actuator.Name)
                .Member("command_topic", baseTopic + "/cmd/" + actuator.Name)
                .Member("state_topic", baseTopic + "/state/" + actuator.Name);
            if (actuator.Kind == ActuatorKind.Relay)
            {
                json.Member("payload_on", "ON")
                    .Member("payload_off", "OFF")
                    .Member("state_on", "ON")
                    .Member("state_off", "OFF");
            }
            else Range(json, 0, 100, "%", "slider");
        }

        DiscoveryAvailability.Write(json, config, baseTopic, s < sensors.Length)
            .Name("device").BeginObject()
                .Name("identifiers").BeginArray().String(config.Id).EndArray()
                .Member("name", config.Id)
                .Member("manufacturer", "EdgeSensor")
                .Member("model", config.Board)
                .Member("sw_version", firmwareVersion)
            .EndObject()
            .EndObject();
    }

    /// <summary>A <c>number</c> entity's range in whole steps, its unit and how HA shows it.</summary>
    static JsonWriter Range(JsonWriter json, int min, int max, string unit, string mode)
        => json.Name("min").Number(min).Name("max").Number(max).Name("step").Number(1).Member("unit_of_measurement", unit).Member("mode", mode);

    static byte[] Topic(DeviceConfig config, string component, string objectId)
        => DeviceTopics.Utf8(config.HomeAssistantPrefix + "/" + component + "/" + config.Id + "/" + objectId + "/config");
}
