using System;

namespace EdgeSensor.NanoBuild;

/// <summary>A mistake in the command line, the toolchain or a project file: printed as one line, exit code 2.</summary>
sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
