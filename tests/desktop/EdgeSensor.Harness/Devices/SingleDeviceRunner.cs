using System;
using EdgeSensor.Desktop.Devices;
using EdgeSensor.Device.Config;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Harness.Devices;

/// <summary>One <see cref="SimulatedDevice"/>, as the ESP32 would run it.</summary>
sealed class SingleDeviceRunner : IDeviceRunner
{
    readonly SimulatedDevice device;
    readonly string broker;
    bool started;

    /// <param name="log">Where the device's log goes (why it was offline, that it is deaf); called on its MQTT thread.</param>
    public SingleDeviceRunner(DeviceConfig config, IMqttTransport transport, string broker, Action<string> log)
    {
        this.broker = broker;
        device = new SimulatedDevice(config, transport, log: log);
    }

    public string[] Ids => new[] { device.Config.Id };

    public void Start(TimeSpan timeout)
    {
        device.Start();
        started = true;
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!device.Client.WaitForConnection(100))
        {
            // The first failed attempt already says what is wrong; retrying would only keep the user waiting.
            UserErrorException failure = BrokerFailure.Describe(broker, "device " + device.Config.Id, device.FirstFailure, device.FirstFailureCode,
                device.Client.LastTransportError, device.ConnectTimeoutMs);
            if (failure != null)
            {
                throw failure;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new UserErrorException("device " + device.Config.Id + " did not connect to " + broker + " within " + timeout.TotalSeconds + " s", ExitCodes.BrokerRefused);
            }
        }
    }

    public void Stop()
    {
        // SimulatedDevice.Stop joins its loop thread, which a device that never started does not have.
        if (started)
        {
            device.Stop();
        }
    }

    public void Dispose() => Stop();
}
