using System;

namespace EdgeSensor.ApiListingTool;

/// <summary>A mistake in the command line or the toolchain: printed as one line, exit code 2.</summary>
sealed class UsageException : Exception
{
    public UsageException(string message) : base(message)
    {
    }
}
