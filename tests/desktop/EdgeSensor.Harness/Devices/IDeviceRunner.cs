using System;

namespace EdgeSensor.Harness.Devices;

/// <summary>What `run` drives: one simulated device, or a fleet of them for --devices N.</summary>
interface IDeviceRunner : IDisposable
{
    /// <summary>The device ids, for the hint lines and the observer's subscriptions.</summary>
    string[] Ids { get; }

    /// <summary>Starts and waits until the devices are connected; a <see cref="Cli.UserErrorException"/> when they cannot be.</summary>
    void Start(TimeSpan timeout);

    /// <summary>Graceful: every device publishes <c>offline</c> and disconnects.</summary>
    void Stop();
}
