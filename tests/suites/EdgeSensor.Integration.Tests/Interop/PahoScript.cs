using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using EdgeSensor.Integration.Tests.Client;

namespace EdgeSensor.Integration.Tests.Interop;

/// <summary>
/// One of the paho-mqtt scripts beside this file, run with the system Python. Each line it prints is a JSON
/// object with an "event"; the test waits for events. A missing Python or paho fails the test with how to install it.
/// </summary>
sealed class PahoScript : IDisposable
{
    public const string Python = "/usr/bin/python3";

    readonly Process process;
    readonly BlockingCollection<string> lines = new BlockingCollection<string>();
    readonly StringBuilder errors = new StringBuilder();
    readonly string name;

    PahoScript(string name, IEnumerable<string> arguments)
    {
        this.name = name;
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(Python + " is missing: the interop tests need it with paho-mqtt (apt-get install python3 python3-paho-mqtt).");
        }

        var start = new ProcessStartInfo(Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Interop", name));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == null)
            {
                lines.CompleteAdding();
            }
            else
            {
                lines.Add(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts paho_subscribe.py; wait for "subscribed" before publishing.</summary>
    public static PahoScript Subscribe(string host, int port, string topic, int qos, int count)
    {
        return new PahoScript("paho_subscribe.py", new[] { host, port.ToString(), topic, qos.ToString(), count.ToString() });
    }

    /// <summary>Starts paho_schedule.py: each [delay_ms, topic, payload] published at QoS 1 in turn; wait for "done".</summary>
    public static PahoScript Schedule(string host, int port, string scheduleJson)
    {
        return new PahoScript("paho_schedule.py", new[] { host, port.ToString(), scheduleJson });
    }

    /// <summary>Starts paho_publish.py; wait for "published".</summary>
    public static PahoScript Publish(string host, int port, string topic, int qos, bool retain, byte[] payload)
    {
        return new PahoScript("paho_publish.py", new[] { host, port.ToString(), topic, qos.ToString(), retain ? "1" : "0", Convert.ToBase64String(payload) });
    }

    /// <summary>The next line with this event; an "error" event, the script ending or the deadline fail the test.</summary>
    public JsonElement WaitFor(string eventName)
    {
        DateTime deadline = DateTime.UtcNow + RecordingHandler.Deadline;
        while (true)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (!lines.TryTake(out string line, left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                throw Failure(lines.IsCompleted ? "ended before printing \"" + eventName + "\"" : "printed no \"" + eventName + "\" within " + RecordingHandler.Deadline.TotalSeconds + " s");
            }

            JsonElement json = JsonDocument.Parse(line).RootElement;
            string seen = json.GetProperty("event").GetString();
            if (seen == "error")
            {
                throw Failure("reported: " + json.GetProperty("error").GetString());
            }

            if (seen == eventName)
            {
                return json;
            }
        }
    }

    public List<PahoMessage> WaitForMessages(int count)
    {
        var messages = new List<PahoMessage>();
        while (messages.Count < count)
        {
            messages.Add(NextMessage());
        }

        return messages;
    }

    /// <summary>The next message paho received, whatever it is.</summary>
    public PahoMessage NextMessage()
    {
        JsonElement json = WaitFor("message");
        return new PahoMessage(
            json.GetProperty("topic").GetString(),
            Convert.FromBase64String(json.GetProperty("payload").GetString()),
            json.GetProperty("qos").GetInt32(),
            json.GetProperty("retain").GetBoolean());
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        process.Dispose();
    }

    Exception Failure(string what)
    {
        string stderr;
        lock (errors)
        {
            stderr = errors.ToString().Trim();
        }

        if (lines.IsCompleted)
        {
            process.WaitForExit(5000); // its output has ended: let it finish so that its exit code can be shown
        }

        string exit = process.HasExited ? " (exit code " + process.ExitCode + ")" : "";
        return new InvalidOperationException(name + exit + " " + what + (stderr.Length > 0 ? "; stderr: " + stderr : ""));
    }
}
