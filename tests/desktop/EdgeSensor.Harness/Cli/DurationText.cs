using System;
using System.Globalization;

namespace EdgeSensor.Harness.Cli;

/// <summary>Durations as people type them: <c>5s</c>, <c>500ms</c>, <c>2m</c>, or a bare number of seconds.</summary>
static class DurationText
{
    public static TimeSpan Parse(string option, string text)
    {
        string trimmed = text.Trim().ToLowerInvariant();
        (string number, double scale) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
            _ => (trimmed, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0 || value * scale > 86400)
        {
            throw new UserErrorException("bad " + option + " '" + text + "': give a duration such as 5s, 500ms or 2m");
        }

        return TimeSpan.FromSeconds(value * scale);
    }
}
