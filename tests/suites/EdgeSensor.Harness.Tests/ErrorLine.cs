using System.Linq;
using Xunit;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// What every harness error must look like: one line, "edgesensor: " and the cause, with the exit code of that cause;
/// no stack trace. `run` may print its own notes (the broker address) too; stdout and stderr arrive in either order.
/// </summary>
static class ErrorLine
{
    /// <summary>Asserts the exit code and that the output has one error line, holding every one of <paramref name="expected"/>.</summary>
    public static void Assert((int ExitCode, string Output) result, int exitCode, params string[] expected)
    {
        Xunit.Assert.True(result.ExitCode == exitCode, "exit code " + result.ExitCode + ", expected " + exitCode + "; output:\n" + result.Output);
        string[] lines = result.Output.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        string[] errors = lines.Where(l => l.StartsWith("edgesensor: ")).ToArray();
        Xunit.Assert.True(errors.Length == 1, "expected one error line; got:\n" + result.Output);
        // A stack frame or an exception's type name would mean something escaped unexplained.
        Xunit.Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ") || l.Contains("Exception"));
        foreach (string text in expected)
        {
            Xunit.Assert.Contains(text, errors[0]);
        }
    }
}
