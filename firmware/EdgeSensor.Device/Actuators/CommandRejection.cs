namespace EdgeSensor.Device.Actuators
{
    /// <summary>Why a command changed nothing; published as the <c>reason</c> of a command_rejected event.</summary>
    public enum CommandRejection
    {
        None = 0,
        UnknownActuator,
        InvalidPayload,
        PayloadTooLarge,
        InvalidUtf8,
        Retained,
    }
}
