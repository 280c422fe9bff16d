using System;
using System.IO;

namespace EdgeSensor.FleetProbe;

/// <summary>CPU time and peak memory of another process (the broker), from /proc.</summary>
static class LinuxProcessFigures
{
    /// <summary>utime + stime in seconds; fields 14 and 15 of /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux).</summary>
    public static double CpuSeconds(int pid)
    {
        string stat = File.ReadAllText("/proc/" + pid + "/stat");
        // The command name may contain spaces; the fields after it start behind its closing parenthesis.
        string[] fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    /// <summary>VmHWM (peak resident set) in MiB.</summary>
    public static double PeakRssMiB(int pid)
    {
        foreach (string line in File.ReadLines("/proc/" + pid + "/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Substring(6).Trim().Split(' ')[0]) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>The soft limit on open files of <paramref name="pid"/> ("self" for this process).</summary>
    public static string OpenFilesLimit(string pid)
    {
        foreach (string line in File.ReadLines("/proc/" + pid + "/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                return line.Substring("Max open files".Length).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            }
        }

        return "?";
    }
}
