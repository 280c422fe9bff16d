using System;

namespace EdgeSensor.Device.Json;

/// <summary>
/// A document that is not strict RFC 8259 JSON. The message says what is wrong and where (line, column in
/// characters, byte), never which bytes were there: the document may hold secrets (passwords) that must not
/// reach a log.
/// </summary>
public sealed class JsonReaderException : Exception
{
    /// <summary>Byte index from the start of the document (not of the buffer holding it).</summary>
    public readonly int Position;

    /// <summary>A problem found at byte <paramref name="at"/> of the document that starts at <paramref name="start"/>.</summary>
    public JsonReaderException(string problem, byte[] buffer, int start, int at)
        : base(Describe(problem, buffer, start, at))
    {
        Position = at - start;
    }

    static string Describe(string problem, byte[] buffer, int start, int at)
    {
        // Lines end with '\n'; columns count characters (lead bytes), as editors show them.
        int line = 1;
        int column = 1;
        for (int index = start; index < at; index++)
        {
            byte current = buffer[index];
            if (current == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((current & 0xC0) != 0x80) column++;
        }

        return problem + " at line " + line.ToString() + ", column " + column.ToString() + " (byte " + (at - start).ToString() + ")";
    }
}
