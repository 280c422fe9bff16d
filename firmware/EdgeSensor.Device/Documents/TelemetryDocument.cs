using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.Device.Documents;

/// <summary>
/// The telemetry document (docs/device-topics.md): <c>{"seq":..,"uptime_s":..,"sensors":{..},"errors":{..}}</c>, written
/// without allocating. A sensor whose last read failed reports null for each quantity, never a stale value; a sensor
/// turned off by the settings is left out.
/// </summary>
static class TelemetryDocument
{
    public static void Write(JsonWriter json, long seq, long uptimeSeconds, ISensor[] sensors, bool[] sensorOn, SensorReadings readings)
    {
        json.BeginObject()
            .Name("seq").Number(seq)
            .Name("uptime_s").Number(uptimeSeconds)
            .Name("sensors").BeginObject();
        for (int s = 0; s < sensors.Length; s++)
        {
            if (!sensorOn[s]) continue;
            json.Name(sensors[s].Name).BeginObject();
            SensorQuantity[] quantities = sensors[s].Quantities;
            for (int q = 0; q < quantities.Length; q++)
            {
                json.Name(quantities[q].Key);
                if (readings.Ok[s]) json.Number(readings.Values[s][q], quantities[q].Decimals);
                else json.Null();
            }
            json.EndObject();
        }
        json.EndObject().Name("errors").BeginObject();
        for (int s = 0; s < sensors.Length; s++)
        {
            if (sensorOn[s]) json.Name(sensors[s].Name).Number(readings.ConsecutiveErrors[s]);
        }
        json.EndObject().EndObject();
    }
}
