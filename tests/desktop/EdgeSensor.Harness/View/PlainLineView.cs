using System;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Observer;

namespace EdgeSensor.Harness.View;

/// <summary>
/// For logs and scripts (stdout redirected): one timestamped line per status, telemetry, state, event and settings
/// document, e.g. <c>12:00:01.250 sim-001 state relay1 ON</c>, and one when a sleeping board goes overdue. Lines are
/// stable text that tests and grep can rely on.
/// </summary>
sealed class PlainLineView : IConsoleView
{
    static readonly TimeSpan OverdueCheckEvery = TimeSpan.FromSeconds(1);

    readonly DeviceBoard board;
    readonly OverdueAlarm alarm = new();

    public PlainLineView(DeviceBoard board)
    {
        this.board = board;
    }

    public void Note(string line) => Write(line);

    public void DeviceLog(string line) => Write(line);

    public void OnMessage(ObservedMessage message, DeviceTopic topic)
    {
        string what = topic.Kind switch
        {
            DeviceTopic.Status => "status " + Status(topic.DeviceId, message.Text),
            DeviceTopic.Telemetry => "telemetry " + TelemetryText.Line(message.Text),
            DeviceTopic.State => "state " + topic.Name + " " + message.Text,
            DeviceTopic.Event => "event " + message.Text,
            DeviceTopic.Settings => "settings " + board.SettingsOf(topic.DeviceId),
            _ => null,
        };
        if (what != null)
        {
            Write(topic.DeviceId + " " + what + (message.Retain ? " (retained)" : ""));
        }
    }

    /// <summary>Until the stop, and meanwhile, every second, a line for each sleeping board that has just gone overdue.</summary>
    public void ShowUntil(StopSignal stop)
    {
        while (!stop.Wait(OverdueCheckEvery))
        {
            foreach (string line in alarm.Check(board.Snapshot(), DateTimeOffset.UtcNow))
            {
                Write(line);
            }
        }
    }

    string Status(string deviceId, string status)
    {
        StatusReading reading = StatusReading.Of(status, DateTimeOffset.UtcNow);
        alarm.Shown(deviceId, reading);
        return reading.Describe();
    }

    static void Write(string line) => Console.Out.WriteLine(DateTimeOffset.Now.ToString("HH:mm:ss.fff") + " " + line);
}
