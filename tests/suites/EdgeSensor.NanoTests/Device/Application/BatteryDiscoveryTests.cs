using EdgeSensor.Device;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// A battery board's discovery on nanoCLR (docs/battery.md): asleep is available, commands at QoS 1, sensors expire.
/// Whole documents are compared on the desktop (EdgeSensor.Device.Tests), to keep this assembly's string table small.
/// </summary>
[TestClass]
public class BatteryDiscoveryTests
{
    [TestMethod]
    public void AsleepIsAvailable()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.HomeAssistantDiscovery = true;
        config.Battery = true;
        config.TelemetryIntervalSeconds = 600;
        config.AwakeLimitSeconds = 20;
        Actuator[] actuators = new Actuator[] { new RelayActuator(config.Actuators[0], new FakeOutput()), new PwmActuator(config.Actuators[1], new FakeOutput()) };
        EdgeDevice device = new EdgeDevice(config, DeviceFixture.Firmware, new ISensor[] { new DhtSensor("dht22", new FakeDht(), SensorKind.Dht22) }, actuators);
        RecordingLink link = new RecordingLink();
        device.Wake(false, 0);
        device.Attach(link);
        device.OnConnected(false);
        device.Tick(0);
        // Sensor documents: 600 s interval + 20 s awake limit + 60 s for the RTC's drift.
        int found = 0;
        for (int i = 0; i < link.Count; i++)
        {
            string text = Ascii.Text(link[i].Payload, 0, link[i].Payload.Length);
            if (text.IndexOf("'asleep' else value }}\",\"qos\":1,\"expire_after\":680,\"payload_available") > 0) found++;
        }
        Assert.AreEqual(2, found); // the DHT22's temperature and humidity, not the relay or the PWM output
    }
}
