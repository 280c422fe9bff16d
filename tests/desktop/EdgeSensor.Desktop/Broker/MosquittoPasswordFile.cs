using System.Collections.Generic;
using System.Diagnostics;

namespace EdgeSensor.Desktop.Broker;

/// <summary>Writes a password file with mosquitto_passwd, so the hashing is exactly what the broker expects.</summary>
static class MosquittoPasswordFile
{
    const int ToolTimeoutMilliseconds = 10_000;

    public static void Write(string passwordTool, string path, IDictionary<string, string> users)
    {
        bool first = true;
        foreach (KeyValuePair<string, string> user in users)
        {
            // -c creates (truncates) the file, so only the first user gets it.
            var arguments = new List<string> { "-b" };
            if (first)
            {
                arguments.Add("-c");
            }

            arguments.Add(path);
            arguments.Add(user.Key);
            arguments.Add(user.Value);
            Run(passwordTool, arguments);
            first = false;
        }
    }

    static void Run(string passwordTool, List<string> arguments)
    {
        var start = new ProcessStartInfo(passwordTool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process tool = Process.Start(start);
        var output = tool.StandardOutput.ReadToEndAsync();
        var errors = tool.StandardError.ReadToEndAsync();
        if (!tool.WaitForExit(ToolTimeoutMilliseconds))
        {
            tool.Kill();
            throw new BrokerStartException("mosquitto_passwd did not finish within " + ToolTimeoutMilliseconds + " ms");
        }

        if (tool.ExitCode != 0)
        {
            throw new BrokerStartException(
                "mosquitto_passwd failed with exit code " + tool.ExitCode + ": " + output.Result + errors.Result);
        }
    }
}
