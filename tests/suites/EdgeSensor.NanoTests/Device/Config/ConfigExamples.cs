namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// Documents beyond the shipped samples, compiled in. The desktop fuzz tests (EdgeSensor.Device.Tests) link this
/// file and mutate the same documents: one copy of each.
/// </summary>
public static class ConfigExamples
{
    /// <summary>The document of issue 4, every field given.</summary>
    public const string IssueExample = @"{
  ""id"": ""esp32-a1b2c3"", ""board"": ""esp32-devkitc"", ""prefix"": ""edgesensor"",
  ""broker"": {""host"": ""192.168.1.10"", ""port"": 1883, ""tls"": false, ""ca_certificate"": ""-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"", ""username"": ""dev"", ""password"": ""secret""},
  ""wifi"": {""ssid"": ""shed"", ""password"": ""secret12""},
  ""telemetry"": {""interval_s"": 10, ""qos"": 1},
  ""keepalive_s"": 30,
  ""failure_event_after"": 3,
  ""homeassistant"": {""discovery"": true, ""prefix"": ""homeassistant""},
  ""i2c"": [{""bus"": 1, ""sda"": 21, ""scl"": 22}],
  ""sensors"": [
    {""kind"": ""dht22"", ""name"": ""dht22"", ""pin_echo"": 4, ""pin_trigger"": 18},
    {""kind"": ""sht3x"", ""name"": ""sht31"", ""bus"": 1, ""address"": ""0x44""},
    {""kind"": ""bme280"", ""name"": ""bme280"", ""bus"": 1, ""address"": 118}
  ],
  ""actuators"": [
    {""kind"": ""relay"", ""name"": ""relay1"", ""pin"": 26, ""active_low"": true, ""safe_state"": ""off""},
    {""kind"": ""pwm"", ""name"": ""led"", ""pin"": 25, ""frequency_hz"": 1000, ""safe_state"": 0}
  ]
}";
}
