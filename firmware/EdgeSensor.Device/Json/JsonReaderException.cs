using System;

namespace EdgeSensor.Device
{
    /// <summary>
    /// A document that is not strict RFC 8259 JSON. The message says what is wrong and where, never which bytes
    /// were there: the document may hold secrets (passwords) that must not reach a log.
    /// </summary>
    public sealed class JsonReaderException : Exception
    {
        readonly string problem;
        readonly int position;
        readonly int line;
        readonly int column;

        public JsonReaderException(string problem, int position, int line, int column)
            : base(problem + " at line " + line.ToString() + ", column " + column.ToString() + " (byte " + position.ToString() + ")")
        {
            this.problem = problem;
            this.position = position;
            this.line = line;
            this.column = column;
        }

        /// <summary>What is wrong, without the position.</summary>
        public string Problem { get { return problem; } }

        /// <summary>Byte index from the start of the document (not of the buffer holding it).</summary>
        public int Position { get { return position; } }

        /// <summary>1-based line (lines end with '\n').</summary>
        public int Line { get { return line; } }

        /// <summary>1-based column, counted in characters (code points), not bytes.</summary>
        public int Column { get { return column; } }
    }
}
