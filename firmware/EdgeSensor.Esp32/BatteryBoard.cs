using System;
using System.Diagnostics;
using EdgeSensor.Device;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Power;
using EdgeSensor.Esp32.Adapters;
using EdgeSensor.Mqtt;
using nanoFramework.Hardware.Esp32;

namespace EdgeSensor.Esp32;

/// <summary>
/// Battery mode on the ESP32 (config <c>power.mode</c> "battery", docs/battery.md): one wake per boot. Joins Wi-Fi
/// within the awake limit, runs the wake (EdgeSensor.Device's WakeRunner), then deep sleep with a timer wake-up.
/// Waking from it is a reset: nothing of RAM survives, the wake-up cause tells a timer wake from a power-on.
/// </summary>
static class BatteryBoard
{
    const int StopTimeoutMs = 2000;
    const long UnixEpochTicks = 621355968000000000;

    public static void Run(DeviceConfig config, EdgeDevice device, MqttClient client, TickClock clock)
    {
        bool timerWake = Sleep.GetWakeupCause() == Sleep.WakeupCause.Timer;
        WakeCycle cycle = new WakeCycle(config.TelemetryIntervalSeconds, config.AwakeLimitSeconds);
        cycle.Begin(0); // the tick count starts at this boot, and so did the wake

        // A cold boot waits for SNTP, since asleep T is a date; the RTC keeps the time through deep sleep.
        long sleepMs;
        if (WifiConnection.ConnectWithin(config.Wifi.Ssid, config.Wifi.Password, !timerWake || config.Broker.Tls, (int)cycle.MsUntilLimit(clock.NowMs)))
        {
            device.IpAddress = WifiConnection.CurrentIpAddress();
            device.Wake(timerWake, (DateTime.UtcNow.Ticks - UnixEpochTicks) / TimeSpan.TicksPerSecond);
            device.Attach(client);
            sleepMs = WakeRunner.Run(device, client, clock, cycle, StopTimeoutMs);
        }
        else
        {
            sleepMs = cycle.SleepMs(clock.NowMs); // no network: the next wake tries again
        }

        Debug.WriteLine("awake " + clock.NowMs.ToString() + " ms" + (cycle.TimedOut ? " (awake limit)" : "") + "; deep sleep " + sleepMs.ToString() + " ms");
        Sleep.EnableWakeupByTimer(TimeSpan.FromMilliseconds(sleepMs));
        Sleep.StartDeepSleep();
    }
}
