using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Power;

/// <summary>
/// Drives one wake of a battery board on its host's thread, the same on the ESP32 and the simulated board: starts
/// the MQTT client, ticks the device until <see cref="WakeCycle"/> says the wake is over, disconnects (connecting
/// again for commands that came during the DISCONNECT) and returns how long to sleep. The host sleeps.
/// </summary>
public static class WakeRunner
{
    // A ceiling on each wait, so the loop sees the awake limit and the outbox even without a callback.
    const int MaxWaitMs = 250;

    /// <summary>Runs the wake that <paramref name="cycle"/> began; returns the sleep in ms. The device is attached to the client.</summary>
    public static long Run(EdgeDevice device, MqttClient client, IMonotonicClock clock, WakeCycle cycle, int stopTimeoutMs)
    {
        client.Start();
        while (true)
        {
            long now = clock.NowMs;
            long due = device.Tick(now);
            if (cycle.Next(now, device.ReadyToSleep, client.OutboxCount == 0) == WakeStep.Work)
            {
                long limit = cycle.MsUntilLimit(now);
                long wait = due < limit ? due : limit;
                if (wait > 0) device.WaitForWork(wait > MaxWaitMs ? MaxWaitMs : (int)wait);
                continue;
            }

            // DISCONNECT: the broker discards the will, and keeps what it sends from now on for the next wake.
            client.Stop(stopTimeoutMs);
            if (cycle.AfterDisconnect(clock.NowMs, device.CommandsWaiting) == WakeStep.Sleep)
            {
                // Acknowledged commands are applied even when the limit forbids reporting them.
                if (device.CommandsWaiting) device.Tick(clock.NowMs);
                return cycle.SleepMs(clock.NowMs);
            }
            client.Start();
        }
    }
}
