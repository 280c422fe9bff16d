namespace EdgeSensor.Esp32;

/// <summary>
/// The configuration document, compiled in: nanoFramework 1.x offers no file system to read it from.
/// Identical to hardware/config/esp32-devkitc.json, final newline included: the NanoTests compile this file and
/// parse it on nanoCLR, and their desktop run compares it with the shipped file byte for byte.
/// It holds no secrets: Wi-Fi and broker credentials come from DeviceSecrets.cs (see DeviceSecrets.Apply.cs).
/// Without an "id" the device names itself "esp32-" and the last 6 hex digits of its Wi-Fi MAC.
/// </summary>
static class DeviceConfigDocument
{
    public const string Json = @"{
  ""id"": """",
  ""board"": ""esp32-devkitc"",
  ""prefix"": ""edgesensor"",
  ""broker"": {
    ""host"": ""192.168.1.10"",
    ""port"": 1883,
    ""tls"": false
  },
  ""telemetry"": {
    ""interval_s"": 10,
    ""qos"": 1
  },
  ""keepalive_s"": 30,
  ""failure_event_after"": 3,
  ""homeassistant"": {
    ""discovery"": false,
    ""prefix"": ""homeassistant""
  },
  ""i2c"": [
    { ""bus"": 1, ""sda"": 21, ""scl"": 22 }
  ],
  ""sensors"": [
    { ""kind"": ""dht22"", ""name"": ""dht22"", ""pin_echo"": 4, ""pin_trigger"": 18 },
    { ""kind"": ""sht3x"", ""name"": ""sht31"", ""bus"": 1, ""address"": ""0x44"" },
    { ""kind"": ""bme280"", ""name"": ""bme280"", ""bus"": 1, ""address"": ""0x76"" }
  ],
  ""actuators"": [
    { ""kind"": ""relay"", ""name"": ""relay1"", ""pin"": 26, ""active_low"": true, ""safe_state"": ""off"" },
    { ""kind"": ""pwm"", ""name"": ""led"", ""pin"": 25, ""frequency_hz"": 1000, ""safe_state"": 0 }
  ]
}
";
}
