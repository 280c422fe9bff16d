using System;
using System.Collections.Generic;
using System.Text.Json;
using EdgeSensor.Integration.Tests.Interop;

namespace EdgeSensor.Integration.Tests.Device;

/// <summary>
/// An operator's view of one device through paho-mqtt, an MQTT client independent of EdgeSensor: everything
/// under <c>&lt;base&gt;/#</c>, in arrival order, with waits on what the test expects next.
/// </summary>
sealed class DeviceObserver : IDisposable
{
    readonly PahoScript paho;
    readonly string host;
    readonly int port;

    public DeviceObserver(string host, int port, string deviceBase)
    {
        this.host = host;
        this.port = port;
        Base = deviceBase;
        paho = PahoScript.Subscribe(host, port, deviceBase + "/#", 1, int.MaxValue);
        paho.WaitFor("subscribed");
    }

    public string Base { get; }

    public List<PahoMessage> Seen { get; } = new List<PahoMessage>();

    /// <summary>The next message on <c>&lt;base&gt;/&lt;suffix&gt;</c> that satisfies <paramref name="accept"/>; others are kept in <see cref="Seen"/>.</summary>
    public PahoMessage Next(string suffix, Func<PahoMessage, bool> accept = null)
    {
        while (true)
        {
            PahoMessage message;
            try
            {
                message = paho.NextMessage();
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("waiting for " + suffix + ", having seen:\n" + string.Join("\n", Seen.ConvertAll(m => m.Topic + (m.Retain ? " (retained) " : " ") + m.Text)), e);
            }

            Seen.Add(message);
            if (message.Topic == Base + "/" + suffix && (accept == null || accept(message)))
            {
                return message;
            }
        }
    }

    public JsonElement NextJson(string suffix, Func<JsonElement, bool> accept = null)
    {
        return JsonDocument.Parse(Next(suffix, m => accept == null || accept(JsonDocument.Parse(m.Payload).RootElement)).Payload).RootElement;
    }

    /// <summary>Publishes a command the way an operator would, with paho, at QoS 1.</summary>
    public void Command(string actuator, byte[] payload, bool retain = false)
    {
        using PahoScript publisher = PahoScript.Publish(host, port, Base + "/cmd/" + actuator, 1, retain, payload);
        publisher.WaitFor("published");
    }

    /// <summary>Publishes a desired settings document as an operator does: retained, QoS 1; an empty one removes it [MQTT-3.3.1-10].</summary>
    public void Desire(byte[] document)
    {
        using PahoScript publisher = PahoScript.Publish(host, port, Base + "/settings/desired", 1, retain: true, document);
        publisher.WaitFor("published");
    }

    public void Dispose()
    {
        paho.Dispose();
    }
}
