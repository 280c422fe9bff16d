using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.Device.Documents;

/// <summary><c>&lt;base&gt;/info</c>: what this device is, published retained after every connect. Never a secret.</summary>
static class InfoDocument
{
    public static void Write(JsonWriter json, DeviceConfig config, string firmwareVersion, string ipAddress, ISensor[] sensors, Actuator[] actuators)
    {
        json.BeginObject()
            .Member("id", config.Id)
            .Member("fw", firmwareVersion)
            .Member("board", config.Board)
            .Name("ip");
        if (ipAddress == null) json.Null();
        else json.String(ipAddress);
        json.Name("sensors").BeginArray();
        for (int i = 0; i < sensors.Length; i++) json.String(sensors[i].Name);
        json.EndArray().Name("actuators").BeginArray();
        for (int i = 0; i < actuators.Length; i++) json.String(actuators[i].Name);
        json.EndArray()
            .Name("telemetry_s").Number(config.TelemetryIntervalSeconds)
            .EndObject();
    }
}
