using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// One `edgesensor` process with its output captured line by line (stdout and stderr together, in arrival order),
/// so a test can wait for the line it expects next. Started in its own session, so a SIGINT can go to the whole
/// process group, as a terminal's Ctrl+C does.
/// </summary>
sealed class HarnessProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly Process process;
    readonly BlockingCollection<string> lines = new();
    readonly List<string> seen = new();
    int streamsOpen = 2;

    HarnessProcess(string workingDirectory, IEnumerable<string> arguments, bool prefixDotnet = true)
    {
        var start = new ProcessStartInfo("/usr/bin/setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (prefixDotnet)
        {
            start.ArgumentList.Add("dotnet");
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A password in the test's environment must not change what the harness does.
        start.Environment.Remove("EDGESENSOR_PASSWORD");
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (seen)
            {
                return string.Join(Environment.NewLine, seen);
            }
        }
    }

    /// <summary><c>dotnet edgesensor.dll args</c>, the built harness.</summary>
    public static HarnessProcess Start(params string[] arguments)
    {
        var all = new List<string> { HarnessPaths.HarnessDll };
        all.AddRange(arguments);
        return new HarnessProcess(Environment.CurrentDirectory, all);
    }

    /// <summary>
    /// <c>dotnet edgesensor.dll args</c> on a terminal (a pseudo-terminal from util-linux <c>script</c>, 160 x 50), so the
    /// harness draws its live table as a user sees it; lines then carry terminal control sequences.
    /// </summary>
    public static HarnessProcess OnTerminal(params string[] arguments)
    {
        string command = "stty cols 160 rows 50; exec dotnet " + Quote(HarnessPaths.HarnessDll);
        foreach (string argument in arguments)
        {
            command += " " + Quote(argument);
        }

        return new HarnessProcess(Environment.CurrentDirectory, new[] { "/usr/bin/script", "-qfec", command, "/dev/null" }, prefixDotnet: false);
    }

    static string Quote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";

    /// <summary>Exactly the README's command line, from the repository root.</summary>
    public static HarnessProcess DotnetRun(params string[] arguments)
    {
        var all = new List<string> { "run", "--project", "tests/desktop/EdgeSensor.Harness", "--" };
        all.AddRange(arguments);
        return new HarnessProcess(HarnessPaths.RepositoryRoot, all);
    }

    /// <summary>Runs to completion: its exit code and its whole output.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        using HarnessProcess harness = Start(arguments);
        int code = harness.WaitForExit();
        return (code, harness.Output);
    }

    /// <summary>The first line from now on that matches <paramref name="pattern"/>; fails with the output so far.</summary>
    public Match WaitForLine(string pattern, TimeSpan? timeout = null)
    {
        var regex = new Regex(pattern);
        DateTime deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (true)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !lines.TryTake(out string line, left))
            {
                throw new TimeoutException("no line matching /" + pattern + "/ " + (lines.IsCompleted ? "before the process ended" : "within " + (timeout ?? Patience).TotalSeconds + " s") + "; output:" + Environment.NewLine + Output);
            }

            Match match = regex.Match(line);
            if (match.Success)
            {
                return match;
            }
        }
    }

    /// <summary>SIGINT to the process group: what Ctrl+C in a terminal sends.</summary>
    public void Interrupt()
    {
        using Process kill = Process.Start("/bin/kill", new[] { "-INT", "--", "-" + process.Id });
        kill.WaitForExit();
    }

    public int WaitForExit(TimeSpan? timeout = null)
    {
        if (!process.WaitForExit(timeout ?? Patience))
        {
            throw new TimeoutException("the harness did not exit within " + (timeout ?? Patience).TotalSeconds + " s; output:" + Environment.NewLine + Output);
        }

        process.WaitForExit(); // drains the redirected streams
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    void Receive(string line)
    {
        if (line == null)
        {
            if (System.Threading.Interlocked.Decrement(ref streamsOpen) == 0)
            {
                lines.CompleteAdding();
            }

            return;
        }

        lock (seen)
        {
            seen.Add(line);
        }

        lines.Add(line);
    }
}
