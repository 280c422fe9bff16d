using EdgeSensor.Device.Json;
using EdgeSensor.Device.Sensors;

namespace EdgeSensor.Device.Documents;

/// <summary>
/// The telemetry document (docs/device-topics.md): <c>{"seq":..,"uptime_s":..,"sensors":{..},"errors":{..}}</c>, written
/// without allocating. A sensor whose last read failed reports null for each quantity, never a stale value.
/// </summary>
static class TelemetryDocument
{
    public static void Write(JsonWriter json, long seq, long uptimeSeconds, ISensor[] sensors, SensorReadings readings)
    {
        json.BeginObject();
        json.Name("seq");
        json.Number(seq);
        json.Name("uptime_s");
        json.Number(uptimeSeconds);
        json.Name("sensors");
        json.BeginObject();
        for (int s = 0; s < sensors.Length; s++)
        {
            json.Name(sensors[s].Name);
            json.BeginObject();
            SensorQuantity[] quantities = sensors[s].Quantities;
            for (int q = 0; q < quantities.Length; q++)
            {
                json.Name(quantities[q].Key);
                if (readings.Ok[s]) json.Number(readings.Values[s][q], quantities[q].Decimals);
                else json.Null();
            }
            json.EndObject();
        }
        json.EndObject();
        json.Name("errors");
        json.BeginObject();
        for (int s = 0; s < sensors.Length; s++)
        {
            json.Name(sensors[s].Name);
            json.Number(readings.ConsecutiveErrors[s]);
        }
        json.EndObject();
        json.EndObject();
    }
}
