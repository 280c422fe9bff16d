namespace EdgeSensor.Mqtt;

/// <summary>Milliseconds from an arbitrary origin that never go backwards: the driver's only clock.</summary>
public interface IMonotonicClock
{
    long NowMs { get; }
}
