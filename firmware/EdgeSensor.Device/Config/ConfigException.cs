using System;

namespace EdgeSensor.Device.Config;

/// <summary>
/// A configuration document that cannot be used: <see cref="Path"/> names the field (<c>sensors[1].address</c>)
/// and <see cref="Problem"/> says what is wrong with it. Messages quote values only from fields that hold no
/// secret: a password never appears in one.
/// </summary>
public sealed class ConfigException : Exception
{
    public readonly string Path;
    public readonly string Problem;

    /// <summary>Byte index in the document of a JSON syntax error; -1 for the other problems.</summary>
    public readonly int Position;

    public ConfigException(string path, string problem)
        : this(path, problem, -1)
    {
    }

    public ConfigException(string path, string problem, int position)
        : base(path + ": " + problem)
    {
        Path = path;
        Problem = problem;
        Position = position;
    }
}
