namespace EdgeSensor.Device
{
    /// <summary>
    /// The telemetry document (docs/device-topics.md): <c>{"seq":..,"uptime_s":..,"sensors":{..},"errors":{..}}</c>, written
    /// from pre-encoded keys. A sensor whose last read failed reports null for each quantity, never a stale value.
    /// </summary>
    public sealed class TelemetryDocument
    {
        static readonly byte[] Seq = DeviceTopics.Utf8("seq");
        static readonly byte[] Uptime = DeviceTopics.Utf8("uptime_s");
        static readonly byte[] SensorsKey = DeviceTopics.Utf8("sensors");
        static readonly byte[] ErrorsKey = DeviceTopics.Utf8("errors");

        readonly ISensor[] sensors;
        readonly byte[][] names;

        public TelemetryDocument(ISensor[] sensors)
        {
            this.sensors = sensors;
            names = new byte[sensors.Length][];
            for (int i = 0; i < sensors.Length; i++) names[i] = DeviceTopics.Utf8(sensors[i].Name);
        }

        public void Write(JsonWriter json, long seq, long uptimeSeconds, SensorReadings readings)
        {
            json.BeginObject();
            json.Name(Seq);
            json.Number(seq);
            json.Name(Uptime);
            json.Number(uptimeSeconds);
            json.Name(SensorsKey);
            json.BeginObject();
            for (int s = 0; s < sensors.Length; s++)
            {
                json.Name(names[s]);
                json.BeginObject();
                SensorQuantity[] quantities = sensors[s].Quantities;
                for (int q = 0; q < quantities.Length; q++)
                {
                    json.Name(quantities[q].KeyUtf8);
                    if (readings.Ok[s]) json.Number(readings.Values[s][q], quantities[q].Decimals);
                    else json.Null();
                }
                json.EndObject();
            }
            json.EndObject();
            json.Name(ErrorsKey);
            json.BeginObject();
            for (int s = 0; s < sensors.Length; s++)
            {
                json.Name(names[s]);
                json.Number(readings.ConsecutiveErrors[s]);
            }
            json.EndObject();
            json.EndObject();
        }
    }
}
