using System;
using System.Diagnostics;
using System.Threading;
using EdgeSensor.Device;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Esp32;

/// <summary>
/// The device's own thread: samples, publishes and applies what Tick decides, connected or not, and waits
/// for as long as Tick says nothing is due, or until an MQTT callback (a command, a connect) wakes it.
/// </summary>
sealed class DeviceLoop
{
    // A ceiling on each wait: the loop comes round at least this often whatever happens.
    const int MaxSleepMs = 1000;

    readonly EdgeDevice device;
    readonly IMonotonicClock clock;

    DeviceLoop(EdgeDevice device, IMonotonicClock clock)
    {
        this.device = device;
        this.clock = clock;
    }

    public static void Start(EdgeDevice device, IMonotonicClock clock)
    {
        new Thread(new DeviceLoop(device, clock).Run).Start();
    }

    void Run()
    {
        while (true)
        {
            long waitMs;
            try
            {
                waitMs = device.Tick(clock.NowMs);
            }
            catch (Exception e)
            {
                // One failing cycle must not stop sampling or leave the outputs unattended.
                Debug.WriteLine("device loop: " + e.Message);
                waitMs = MaxSleepMs;
            }

            if (waitMs > 0) device.WaitForWork(waitMs > MaxSleepMs ? MaxSleepMs : (int)waitMs);
        }
    }
}
