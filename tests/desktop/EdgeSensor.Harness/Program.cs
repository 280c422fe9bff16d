using System;
using System.CommandLine;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness;

static class Program
{
    static int Main(string[] args)
    {
        try
        {
            ParseResult parse = HarnessCommandLine.Build().Parse(args);
            // Signals are ours: `run` turns Ctrl+C into a graceful stop rather than a cancelled token.
            return parse.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (UserErrorException e)
        {
            Console.Error.WriteLine("edgesensor: " + e.Message);
            return e.ExitCode;
        }
        catch (Exception e)
        {
            // No input may end in a stack trace: a fault of the harness itself is one line too, and says so.
            Console.Error.WriteLine("edgesensor: internal error (" + e.GetType().Name + ": " + e.Message + "); please report it with the command line that caused it");
            return ExitCodes.InternalError;
        }
    }
}
