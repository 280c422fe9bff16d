using EdgeSensor.Harness.Cli;
using EdgeSensor.Harness.Observer;
using EdgeSensor.Harness.View;

namespace EdgeSensor.Harness.Commands;

/// <summary>
/// `edgesensor watch`: every device under a prefix, from its retained status onwards; offline devices stay listed, marked,
/// and a device whose reported settings lag its desired ones is shown so.
/// </summary>
static class WatchCommand
{
    public static int Execute(string brokerText, string caFile, string userName, string prefix)
    {
        TopicPrefix.Check(prefix);
        BrokerAddress broker = BrokerAddress.Parse(brokerText ?? BrokerAddress.Default);
        Credentials credentials = Credentials.For(userName);
        using var stop = new StopSignal();
        var board = new DeviceBoard(prefix);
        IConsoleView view = IConsoleView.For(board, "edgesensor watch: " + prefix + "/+ on " + broker);
        using ObserverClient observer = ObserverClient.Open(broker, caFile, credentials, "watch", message =>
        {
            DeviceTopic topic = board.Apply(message);
            if (topic != null)
            {
                view.OnMessage(message, topic);
            }
        },
        prefix + "/+/" + DeviceTopic.Status,
        prefix + "/+/" + DeviceTopic.Telemetry,
        prefix + "/+/" + DeviceTopic.State + "/+",
        prefix + "/+/" + DeviceTopic.Event,
        prefix + "/+/" + DeviceTopic.Settings + "/+");

        view.Note("watching " + prefix + "/+ on " + broker);
        view.ShowUntil(stop);
        return ExitCodes.Ok;
    }
}
