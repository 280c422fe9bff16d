using EdgeSensor.Desktop.Broker;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>Broker set-ups several scenarios share.</summary>
static class TestBrokers
{
    /// <summary>
    /// Persistence saved on every change (so a kill loses as little as mosquitto allows), and no queue limit
    /// (so a slow persistent subscriber is delayed, never dropped).
    /// </summary>
    public static PrivateBrokerOptions PersistingOnEveryChange()
    {
        var options = new PrivateBrokerOptions { Persistence = true };
        options.ExtraConfigLines.Add("autosave_interval 1");
        options.ExtraConfigLines.Add("autosave_on_changes true");
        options.ExtraConfigLines.Add("max_queued_messages 0");
        return options;
    }
}
