using System.Device.Gpio;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Text;
using System.Threading;
using EdgeSensor.Device;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Esp32.Adapters;
using EdgeSensor.Mqtt;
using nanoFramework.Runtime.Native;

namespace EdgeSensor.Esp32;

/// <summary>
/// Wires the portable device application to the ESP32: pins, sensors, Wi-Fi, the broker connection. All
/// behaviour lives in EdgeSensor.Device and EdgeSensor.Mqtt; this only builds and starts them.
/// </summary>
public static class Program
{
    const string FirmwareVersion = "0.1.0";
    const int StopTimeoutMs = 1000;

    public static void Main()
    {
        Debug.WriteLine("EdgeSensor " + FirmwareVersion + " starting");

        // The document is compiled in, so reading it needs neither hardware nor network.
        DeviceConfig config = LoadConfig();
        if (config == null)
        {
            // Without a configuration no output is known, so none is touched: the pins stay as reset left them.
            Thread.Sleep(Timeout.Infinite);
            return;
        }

        // Safe state first, before sensors (a DHT takes a second to settle) and long before any network.
        GpioController gpio = new GpioController();
        Actuator[] actuators = BoardActuators.CreateInSafeState(config.Actuators, gpio);

        if (!DeviceSecrets.ApplyTo(config))
        {
            Debug.WriteLine("no DeviceSecrets.cs: using the Wi-Fi network stored on the device, no broker credentials");
        }

        byte[] mac = DeviceIdentity.StationMac();
        if (string.IsNullOrEmpty(config.Id)) config.Id = DeviceIdentity.IdFromMac(mac);
        Debug.WriteLine("device id " + config.Id);

        ISensor[] sensors = BoardSensors.Create(config, gpio);
        EdgeDevice device = new EdgeDevice(config, FirmwareVersion, sensors, actuators);

        TickClock clock = new TickClock();
        MqttClientOptions options = new MqttClientOptions();
        options.Connect = device.CreateConnectOptions();
        options.Session = device.CreateSessionOptions();
        options.JitterSeed = DeviceIdentity.JitterSeed(mac);
        ConnectionLogger handler = new ConnectionLogger(device, config.Prefix + "/" + config.Id + "/cmd/+");
        MqttClient client = new MqttClient(CreateTransport(config.Broker), clock, options, handler);
        if (config.Battery)
        {
            BatteryBoard.Run(config, device, client, clock); // ends in deep sleep
            return;
        }

        device.Attach(client);

        // Sampling starts now and goes on whatever the network does; telemetry waits in the client's outbox.
        DeviceLoop.Start(device, clock);

        WifiConnection.ConnectWithRetry(config.Wifi.Ssid, config.Wifi.Password, config.Broker.Tls);
        device.IpAddress = WifiConnection.CurrentIpAddress();
        NetworkChange.NetworkAddressChanged += delegate { device.IpAddress = WifiConnection.CurrentIpAddress(); };

        // A reboot through Power.RebootDevice ends the session gracefully: retained "offline", then DISCONNECT
        // (so the broker drops the will). Reboot handlers should be short: Stop waits at most StopTimeoutMs.
        Power.OnRebootEvent += delegate
        {
            device.PublishOffline();
            client.Stop(StopTimeoutMs);
        };

        client.Start();
        Thread.Sleep(Timeout.Infinite);
    }

    static DeviceConfig LoadConfig()
    {
        byte[] json = Encoding.UTF8.GetBytes(DeviceConfigDocument.Json);
        try
        {
            return DeviceConfigParser.Parse(json, 0, json.Length);
        }
        catch (ConfigException e)
        {
            // The message names the field; the document holds no secrets (see DeviceSecrets.Apply.cs).
            Debug.WriteLine("configuration rejected: " + e.Message);
            return null;
        }
    }

    static IMqttTransport CreateTransport(BrokerConfig broker)
    {
        Debug.WriteLine("broker " + broker.Host + ":" + broker.Port.ToString() + (broker.Tls ? " (TLS)" : ""));
        if (broker.Tls) return new TlsSocketTransport(broker.Host, broker.Port, broker.CaCertificate);
        return new SocketTransport(broker.Host, broker.Port);
    }
}
