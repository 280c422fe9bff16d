using System;
using System.Diagnostics;
using System.Text;

namespace EdgeSensor.Desktop.Broker;

/// <summary>One run of mosquitto in the foreground (no daemon, no pid file), with whatever it prints before
/// its log file is open (config errors) kept for error messages.</summary>
sealed class MosquittoProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder output = new StringBuilder();

    MosquittoProcess(Process process)
    {
        this.process = process;
    }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static MosquittoProcess Launch(string executable, string configFile)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configFile);

        var process = new Process { StartInfo = start };
        var launched = new MosquittoProcess(process);
        process.OutputDataReceived += launched.Collect;
        process.ErrorDataReceived += launched.Collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return launched;
    }

    /// <summary>Waits up to <paramref name="milliseconds"/> for the process to exit; true when it has.</summary>
    public bool WaitForExit(int milliseconds)
    {
        if (!process.WaitForExit(milliseconds))
        {
            return false;
        }

        // The parameterless overload also waits until the redirected output has been drained.
        process.WaitForExit();
        return true;
    }

    /// <summary>SIGTERM, so mosquitto closes its clients and saves persistence; SIGKILL if it takes longer than the timeout.</summary>
    public void Terminate(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        UnixSignal.Terminate(process.Id);
        if (!WaitForExit((int)timeout.TotalMilliseconds))
        {
            Kill();
        }
    }

    /// <summary>SIGSTOP: the process stops running but keeps its sockets open; only SIGKILL (or SIGCONT) moves it on.</summary>
    public void Freeze()
    {
        if (!process.HasExited)
        {
            UnixSignal.Freeze(process.Id);
        }
    }

    /// <summary>SIGKILL: a crash, as far as clients and persistence can tell.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit();
    }

    public void Dispose()
    {
        process.Dispose();
    }

    void Collect(object sender, DataReceivedEventArgs line)
    {
        if (line.Data == null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line.Data);
        }
    }
}
