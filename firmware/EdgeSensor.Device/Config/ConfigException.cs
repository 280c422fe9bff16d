using System;

namespace EdgeSensor.Device.Config
{
    /// <summary>
    /// A configuration document that cannot be used: <see cref="Path"/> names the field (<c>sensors[1].address</c>)
    /// and <see cref="Problem"/> says what is wrong with it. Messages quote values only from fields that hold no
    /// secret: a password never appears in one.
    /// </summary>
    public sealed class ConfigException : Exception
    {
        readonly string path;
        readonly string problem;
        readonly int position;

        public ConfigException(string path, string problem)
            : this(path, problem, -1)
        {
        }

        public ConfigException(string path, string problem, int position)
            : base(path + ": " + problem)
        {
            this.path = path;
            this.problem = problem;
            this.position = position;
        }

        public string Path { get { return path; } }

        public string Problem { get { return problem; } }

        /// <summary>Byte index in the document of a JSON syntax error; -1 for the other problems.</summary>
        public int Position { get { return position; } }
    }
}
