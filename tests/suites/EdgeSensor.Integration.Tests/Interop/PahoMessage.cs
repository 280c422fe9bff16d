using System.Text;

namespace EdgeSensor.Integration.Tests.Interop;

/// <summary>A message as paho-mqtt received it.</summary>
sealed record PahoMessage(string Topic, byte[] Payload, int Qos, bool Retain)
{
    public string Text => Encoding.UTF8.GetString(Payload);
}
