using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace EdgeSensor.NanoBuild;

/// <summary>Runs a program to completion (or a time limit) and keeps what it printed.</summary>
static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output, bool TimedOut);

    public static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // The SDK's build server would outlive us and keep CI's process tree alive.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool finished = process.WaitForExit(limit);
        if (!finished) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (output) return new Result(finished ? process.ExitCode : -1, output.ToString(), !finished);
    }
}
