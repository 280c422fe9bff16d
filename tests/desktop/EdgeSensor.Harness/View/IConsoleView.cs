using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Observer;

namespace EdgeSensor.Harness.View;

/// <summary>How `run` and `watch` show what the broker carries: a live table on a terminal, plain lines otherwise.</summary>
interface IConsoleView
{
    /// <summary>A line from the harness itself (broker address, hints); called before <see cref="ShowUntil"/>.</summary>
    void Note(string line);

    /// <summary>A line from a simulated device's own log (why it was offline, that it is deaf); called from any thread, at any time.</summary>
    void DeviceLog(string line);

    /// <summary>Called on the MQTT thread for every device message, after the board recorded it.</summary>
    void OnMessage(ObservedMessage message, DeviceTopic topic);

    /// <summary>Shows the board until a stop is requested.</summary>
    void ShowUntil(StopSignal stop);

    static IConsoleView For(DeviceBoard board, string title) =>
        System.Console.IsOutputRedirected ? new PlainLineView(board) : new LiveTableView(board, title);
}
