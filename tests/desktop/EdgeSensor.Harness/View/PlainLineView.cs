using System;
using System.Threading;
using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Observer;

namespace EdgeSensor.Harness.View;

/// <summary>
/// For logs and scripts (stdout redirected): one timestamped line per status, telemetry, state, event and settings
/// document, e.g. <c>12:00:01.250 sim-001 state relay1 ON</c>. Lines are stable text that tests and grep can rely on.
/// </summary>
sealed class PlainLineView : IConsoleView
{
    readonly DeviceBoard board;

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
            DeviceTopic.Status => "status " + message.Text,
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

    public void ShowUntil(StopSignal stop) => stop.WaitHandle.WaitOne(Timeout.Infinite);

    static void Write(string line) => Console.Out.WriteLine(DateTimeOffset.Now.ToString("HH:mm:ss.fff") + " " + line);
}
