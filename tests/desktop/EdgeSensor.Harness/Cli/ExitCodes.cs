namespace EdgeSensor.Harness.Cli;

/// <summary>
/// What the process returns; scripts branch on these. Each depends on the cause only (docs/reliability.md, "What the
/// harness tells its user"): never on a buffer size or on which side noticed the problem first.
/// </summary>
static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line, a broker URL, a prefix, a name or the config file is wrong, or the machine lacks mosquitto.</summary>
    public const int UserError = 1;

    /// <summary>The device refused the command (its reason is printed).</summary>
    public const int CommandRejected = 2;

    /// <summary>No answer from the device in time.</summary>
    public const int CommandTimedOut = 3;

    /// <summary>The broker cannot be reached: nothing listens there, the network or the TLS handshake failed.</summary>
    public const int BrokerUnreachable = 4;

    /// <summary>
    /// The broker answered but refused or broke the connection: a CONNACK refusal (by its code), a close before CONNACK, no
    /// CONNACK in time, a protocol violation, a refused subscription, or the connection lost while the harness needed it.
    /// </summary>
    public const int BrokerRefused = 5;

    /// <summary>A fault of the harness itself, printed as one line instead of a stack trace; please report it.</summary>
    public const int InternalError = 70;
}
