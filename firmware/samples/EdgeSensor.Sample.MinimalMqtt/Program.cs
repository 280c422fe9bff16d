using System.Device.Gpio;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using EdgeSensor.Esp32.Adapters;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Sample.MinimalMqtt;

/// <summary>
/// The device side of the sample: Wi-Fi, a TCP transport, a clock and an LED, then a reading every ten seconds.
/// Everything MQTT is in <see cref="MinimalMqttSample"/>; the transport, clock and Wi-Fi helper are the ESP32
/// application's own (firmware/EdgeSensor.Esp32/Adapters, linked by the .nfproj, not copied).
/// </summary>
public static class Program
{
    const int BrokerPort = 1883;
    const int ReadingIntervalMs = 10000;

    // GPIO 2 drives the on-board LED of many ESP32 boards; an ESP32 DevKitC has none: wire an LED and a resistor to it.
    const int LedPin = 2;

    public static void Main()
    {
        SampleSettings settings = SampleSettings.Load();
        if (!settings.FromSecretsFile)
        {
            Debug.WriteLine("no SampleSecrets.cs: using the Wi-Fi network stored on the device and broker " + settings.BrokerHost);
        }

        GpioController gpio = new GpioController();
        DeviceBoard board = new DeviceBoard(gpio.OpenPin(LedPin, PinMode.Output));
        string id = ClientId();
        Debug.WriteLine("client id " + id + ", broker " + settings.BrokerHost + ":" + BrokerPort.ToString());

        WifiConnection.ConnectWithRetry(settings.WifiSsid, settings.WifiPassword, false);

        MinimalMqttSample sample = new MinimalMqttSample(
            new SocketTransport(settings.BrokerHost, BrokerPort), new TickClock(), id, "edgesensor-sample/" + id, board);
        sample.Start();

        for (int n = 0; ; n++)
        {
            MqttPublishResult result = sample.PublishReading(ReadSensor(n));
            if (result != MqttPublishResult.Accepted) Debug.WriteLine("reading skipped: " + result.ToString());
            Thread.Sleep(ReadingIntervalMs);
        }
    }

    /// <summary>Stands in for a real sensor: 20.0 to 24.9 degrees, in tenths. Put your driver's reading here.</summary>
    static int ReadSensor(int n) => 200 + (n * 7 % 50);

    /// <summary>"sample-" and the Wi-Fi MAC's last three bytes, so that two boards never share a client id.</summary>
    static string ClientId()
    {
        NetworkInterface station = WifiConnection.StationInterface();
        byte[] mac = station == null ? null : station.PhysicalAddress;
        if (mac == null || mac.Length < 3) return "sample-000000";
        int last = mac.Length - 1;
        return "sample-" + mac[last - 2].ToString("x2") + mac[last - 1].ToString("x2") + mac[last].ToString("x2");
    }

    sealed class DeviceBoard : ISampleBoard
    {
        readonly GpioPin led;

        public DeviceBoard(GpioPin led) => this.led = led;

        public void SwitchLed(bool on) => led.Write(on ? PinValue.High : PinValue.Low);

        public void Log(string line) => Debug.WriteLine(line);
    }
}
