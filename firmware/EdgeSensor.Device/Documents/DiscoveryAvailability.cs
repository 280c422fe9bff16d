using EdgeSensor.Device.Config;
using EdgeSensor.Device.Json;

namespace EdgeSensor.Device.Documents;

/// <summary>
/// The availability members of every Home Assistant discovery document (docs/device-topics.md). A mains board says
/// <c>online</c>/<c>offline</c> on <c>status</c>, compared as they are. A battery board (docs/battery.md) spends most of
/// its life saying <c>asleep T</c>, so its documents carry three more members:
/// <list type="bullet">
/// <item><c>availability_template</c> maps <c>asleep ...</c> to <c>online</c> and passes any other status through, so a
/// sleeping board is available (also to a Home Assistant started while it sleeps: the status is retained), the will's
/// <c>offline</c> makes it unavailable, and <c>deaf</c> changes nothing, as on mains.</item>
/// <item><c>qos</c> 1: Home Assistant publishes commands at this QoS, and a broker keeps only QoS 1 and 2 messages for a
/// sleeping board's session (mosquitto's <c>queue_qos0_messages</c> is off by default).</item>
/// <item><c>expire_after</c> on sensors: an overdue board keeps saying <c>asleep T</c> (it cannot fire its will asleep), so
/// its readings go stale instead.</item>
/// </list>
/// </summary>
static class DiscoveryAvailability
{
    public static JsonWriter Write(JsonWriter json, DeviceConfig config, string baseTopic, bool sensor)
    {
        json.Member("availability_topic", baseTopic + "/status");
        if (config.Battery)
        {
            json.Member("availability_template", "{{ 'online' if value[:6] == 'asleep' else value }}").Name("qos").Number(1);
            // A reading stays valid until the next report is due at the latest (one interval and the awake limit after
            // the wake that sent it: the T of asleep T), plus a tenth of the interval, because the board times its deep
            // sleep on the ESP32's internal RTC oscillator, which runs off by percents.
            int interval = config.TelemetryIntervalSeconds;
            if (sensor) json.Name("expire_after").Number(interval + config.AwakeLimitSeconds + (interval / 10));
        }
        return json.Member("payload_available", "online").Member("payload_not_available", "offline");
    }
}
