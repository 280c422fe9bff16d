using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.Device.Documents;

/// <summary>
/// <c>&lt;base&gt;/settings/reported</c>: every setting a desired document may change, as the device runs with it, and the
/// version of the document applied (0: the compiled-in configuration). It is itself a valid desired document.
/// </summary>
static class SettingsDocument
{
    public static void Write(JsonWriter json, DeviceConfig config, ISensor[] sensors, bool[] sensorOn, int[] sensorChange, Actuator[] actuators)
    {
        json.BeginObject()
            .Name("version").Number(config.SettingsVersion)
            .Name("telemetry").BeginObject()
                .Name("interval_s").Number(config.TelemetryIntervalSeconds)
                .Name("qos").Number(config.TelemetryQos)
                .Name("min_interval_s").Number(config.TelemetryMinIntervalSeconds)
            .EndObject()
            .Name("homeassistant").BeginObject().Name("discovery").Boolean(config.HomeAssistantDiscovery).EndObject()
            .Name("sensors").BeginArray();
        for (int i = 0; i < sensors.Length; i++)
        {
            json.BeginObject()
                .Member("name", sensors[i].Name)
                .Name("enabled").Boolean(sensorOn[i])
                .Name("change").Number(sensorChange[i] / 10.0, 1)
                .EndObject();
        }
        json.EndArray().Name("actuators").BeginArray();
        for (int i = 0; i < actuators.Length; i++)
        {
            ActuatorConfig actuator = actuators[i].Config;
            json.BeginObject().Member("name", actuator.Name).Member("display_name", actuators[i].DisplayName).Name("safe_state");
            if (actuator.Kind == ActuatorKind.Pwm) json.Number(actuator.SafePercent);
            else json.String(actuator.SafeOn ? "on" : "off");
            json.EndObject();
        }
        json.EndArray().EndObject();
    }
}
