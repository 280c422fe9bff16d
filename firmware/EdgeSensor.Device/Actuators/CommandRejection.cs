namespace EdgeSensor.Device.Actuators;

/// <summary>Why a command changed nothing; published as the <c>reason</c> of a command_rejected event.</summary>
public enum CommandRejection
{
    None = 0,
    UnknownActuator,
    InvalidPayload,
    PayloadTooLarge,
    InvalidUtf8,
    Retained,
    /// <summary>The topic did not fit the receive buffer: only its first bytes were seen, so the name is unknown.</summary>
    TopicTooLong,
}
