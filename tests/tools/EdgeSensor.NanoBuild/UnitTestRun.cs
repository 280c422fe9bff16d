using System;
using System.Collections.Generic;
using System.IO;

namespace EdgeSensor.NanoBuild;

/// <summary>
/// One run of the NFUnitTest assembly on nanoCLR: nanoFramework's UnitTestLauncher prints a line per test
/// ("Test passed,Name.Method.0,ticks", "Test failed,Name.Method.0,message", "Test skipped,..."). Tests the assembly
/// declares but the log does not report (the interpreter crashed or hung) count as not run, which is a failure.
/// </summary>
sealed class UnitTestRun
{
    /// <param name="Test">Namespace.Class.Method, as the assembly declares it.</param>
    /// <param name="Reported">The launcher's own name, with the row index (".0", ".1"... for each [DataRow]).</param>
    public sealed record Outcome(string Test, string Reported, string Result, string Detail);

    public List<Outcome> Passed { get; } = new();
    public List<Outcome> Failed { get; } = new();
    public List<Outcome> Skipped { get; } = new();
    public List<string> NotRun { get; } = new();
    public bool TimedOut { get; private set; }
    public int ExitCode { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public bool Succeeded => Failed.Count == 0 && NotRun.Count == 0 && Passed.Count > 0 && !TimedOut;

    public static UnitTestRun Execute(Toolchain toolchain, IReadOnlyList<string> peFiles, IReadOnlyList<string> declaredTests, string logFile, TimeSpan limit)
    {
        DateTime started = DateTime.UtcNow;
        ProcessRunner.Result run = ProcessRunner.Run(toolchain.NanoClr, peFiles, Path.GetDirectoryName(logFile), limit);
        File.WriteAllText(logFile, run.Output);
        var result = Parse(run.Output, declaredTests);
        result.TimedOut = run.TimedOut;
        result.ExitCode = run.ExitCode;
        result.Elapsed = DateTime.UtcNow - started;
        return result;
    }

    public static UnitTestRun Parse(string log, IReadOnlyList<string> declaredTests)
    {
        var run = new UnitTestRun();
        var reported = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string raw in log.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (!line.StartsWith("Test ", StringComparison.Ordinal)) continue;
            int firstComma = line.IndexOf(',');
            if (firstComma < 0) continue;
            string result = line.Substring(5, firstComma - 5);
            int secondComma = line.IndexOf(',', firstComma + 1);
            string name = secondComma < 0 ? line.Substring(firstComma + 1) : line.Substring(firstComma + 1, secondComma - firstComma - 1);
            string detail = secondComma < 0 ? "" : line.Substring(secondComma + 1);
            var outcome = new Outcome(WithoutRowIndex(name), name, result, detail);
            switch (result)
            {
                case "passed": run.Passed.Add(outcome); break;
                case "failed": run.Failed.Add(outcome); break;
                case "skipped": run.Skipped.Add(outcome); break;
                default: continue;
            }
            reported[outcome.Test] = reported.GetValueOrDefault(outcome.Test) + 1;
        }
        foreach (string test in declaredTests)
        {
            if (reported.GetValueOrDefault(test) > 0) reported[test]--;
            else run.NotRun.Add(test);
        }
        return run;
    }

    /// <summary>"Ns.Class.Method.0" → "Ns.Class.Method": the launcher appends the attribute's index.</summary>
    static string WithoutRowIndex(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot > 0 && int.TryParse(name.AsSpan(dot + 1), out _) ? name.Substring(0, dot) : name;
    }
}
