using System;

namespace EdgeSensor.Harness.Cli;

/// <summary>
/// A problem the user can act on (bad input, missing broker, a broker that refuses): printed as one line saying what
/// happened and what to do, with the exit code of its cause (<see cref="ExitCodes"/>), never a stack trace.
/// </summary>
sealed class UserErrorException : Exception
{
    public UserErrorException(string message, int exitCode = ExitCodes.UserError)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
