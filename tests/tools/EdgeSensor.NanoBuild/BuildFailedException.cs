using System;

namespace EdgeSensor.NanoBuild;

/// <summary>A step of the build failed (compiler errors, conversion, the interpreter): its output is in the message.</summary>
sealed class BuildFailedException : Exception
{
    public BuildFailedException(string message) : base(message) { }
}
