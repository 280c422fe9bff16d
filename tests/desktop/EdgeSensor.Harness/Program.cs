using System;
using System.CommandLine;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness;

static class Program
{
    static int Main(string[] args)
    {
        ParseResult parse = HarnessCommandLine.Build().Parse(args);
        try
        {
            // Signals are ours: `run` turns Ctrl+C into a graceful stop rather than a cancelled token.
            return parse.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (UserErrorException e)
        {
            Console.Error.WriteLine("edgesensor: " + e.Message);
            return ExitCodes.UserError;
        }
    }
}
