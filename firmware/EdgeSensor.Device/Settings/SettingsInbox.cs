using System.Threading;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Config.Parsing;
using EdgeSensor.Mqtt;

namespace EdgeSensor.Device.Settings;

/// <summary>
/// The desired settings document on its way from the MQTT thread to the device loop: copied chunk by chunk into one
/// buffer of <see cref="MaxLength"/> bytes (a longer document is refused by its length alone), then read by the loop
/// under the same lock, so a newer document waits until the reading is done. The buffer is all the memory a document
/// takes: nothing is stored in flash. A document identical to the last one taken, or to the one the device runs with,
/// is not taken again: the broker sends the retained document after every connect [MQTT-3.3.1-6], and an operator
/// puts the previous document back after a refused one.
/// </summary>
public sealed class SettingsInbox
{
    public const int MaxLength = 2048;

    // What Take found.
    public const int Nothing = 0;
    public const int Removed = 1;   // an empty payload: the retained document was deleted [MQTT-3.3.1-10]
    public const int Read = 2;      // Settings holds the configuration it describes
    public const int Refused = 3;   // Refusal names the field and the problem

    readonly byte[] buffer = new byte[MaxLength];
    readonly object gate = new object();
    int total;
    bool waiting;
    uint taken;
    uint kept;

    /// <summary>After Take answered Read: the compiled-in configuration with the document's settings.</summary>
    public DeviceConfig Settings;

    /// <summary>After Take answered Refused: why.</summary>
    public ConfigException Refusal;

    /// <summary>On the MQTT thread: one chunk of a document on <c>settings/desired</c>; the last one makes it wait for the loop.</summary>
    public void Receive(MqttMessage message)
    {
        Monitor.Enter(gate);
        try
        {
            if (message.IsFirstChunk) total = message.PayloadTotalLength;
            if (total < 0) return; // the session's notice of a topic too long for its buffer: no payload follows

            int room = MaxLength - message.PayloadPosition;
            int count = message.PayloadCount < room ? message.PayloadCount : room;
            if (count > 0) System.Array.Copy(message.Buffer, message.PayloadOffset, buffer, message.PayloadPosition, count);
            waiting = message.IsLastChunk;
        }
        finally { Monitor.Exit(gate); }
    }

    /// <summary>On the loop: the document last taken is the one the device now runs with.</summary>
    public void Keep()
    {
        kept = taken;
    }

    /// <summary>On the loop: the waiting document, read onto <paramref name="compiledIn"/>; Nothing when none is new.</summary>
    public int Take(DeviceConfig compiledIn)
    {
        Monitor.Enter(gate);
        try
        {
            if (!waiting) return Nothing;
            waiting = false;
            int length = total < MaxLength ? total : MaxLength;

            // FNV-1a over the bytes kept and the length: equal for the same document delivered again.
            uint hash = 2166136261;
            for (int i = 0; i < length; i++) hash = (hash ^ buffer[i]) * 16777619;
            hash = (hash ^ (uint)total) * 16777619;
            if (hash == taken || hash == kept) return Nothing;
            taken = hash;

            if (total == 0) return Removed;
            if (total > MaxLength)
            {
                Refusal = new ConfigException(ConfigText.Document, "expected at most " + MaxLength.ToString() + " bytes, got " + total.ToString());
                return Refused;
            }

            try
            {
                Settings = DeviceConfigParser.ParseSettings(buffer, 0, total, compiledIn);
                return Read;
            }
            catch (ConfigException refusal)
            {
                Refusal = refusal;
                return Refused;
            }
        }
        finally { Monitor.Exit(gate); }
    }
}
