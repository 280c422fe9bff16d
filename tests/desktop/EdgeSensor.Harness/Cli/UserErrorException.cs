using System;

namespace EdgeSensor.Harness.Cli;

/// <summary>A problem the user can fix (missing broker, bad URL, bad config): printed as one line saying what to do, exit code 1, no stack trace.</summary>
sealed class UserErrorException : Exception
{
    public UserErrorException(string message)
        : base(message)
    {
    }
}
