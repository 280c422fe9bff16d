using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace EdgeSensor.FleetProbe;

/// <summary>
/// Counts telemetry as the broker delivers it, with mosquitto_sub in a process of its own, so that receiving
/// a thousand messages a second does not show up in the fleet process's CPU and memory figures.
/// </summary>
sealed class TelemetryTap : IDisposable
{
    readonly Process process;
    readonly HashSet<string> senders = new HashSet<string>(StringComparer.Ordinal);
    readonly ManualResetEventSlim subscribed = new ManualResetEventSlim(false);
    long received;

    public TelemetryTap(string host, int port, string prefix)
    {
        // Line-buffered: into a pipe, mosquitto_sub's stdio would hold its output back in 4 KiB blocks.
        var start = new ProcessStartInfo("stdbuf")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-oL", "mosquitto_sub", "-h", host, "-p", port.ToString(), "-q", "0", "-t", prefix + "/+/telemetry", "-F", "%t", "-d" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_sub did not start");
        // -d prints the protocol exchange on stdout too; only topic lines count.
        process.OutputDataReceived += (_, e) => Count(e.Data);
        process.BeginOutputReadLine();
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
    }

    public long Received => Interlocked.Read(ref received);

    public int Senders
    {
        get { lock (senders) return senders.Count; }
    }

    public bool WaitSubscribed(TimeSpan timeout) => subscribed.Wait(timeout);

    public void Dispose()
    {
        try
        {
            process.Kill();
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    void Count(string line)
    {
        if (line == null) return;
        if (line.StartsWith("Client ", StringComparison.Ordinal))
        {
            if (line.Contains("received SUBACK", StringComparison.Ordinal)) subscribed.Set();
            return;
        }

        string[] levels = line.Split('/');
        if (levels.Length != 3 || levels[2] != "telemetry") return;
        Interlocked.Increment(ref received);
        lock (senders) senders.Add(levels[1]);
    }
}
