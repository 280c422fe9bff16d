using System;

namespace EdgeSensor.Desktop.Broker;

/// <summary>mosquitto is installed but did not come up; the message carries the tail of its log.</summary>
public sealed class BrokerStartException : Exception
{
    public BrokerStartException(string message)
        : base(message)
    {
    }
}
