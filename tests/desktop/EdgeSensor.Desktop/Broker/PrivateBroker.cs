using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace EdgeSensor.Desktop.Broker;

/// <summary>
/// A mosquitto of our own on a free loopback port, for tests, the harness and benchmarks: no shared system broker,
/// no state leaking between runs. Restarts (graceful or after a kill) keep the same ports, so clients can reconnect.
/// Dispose stops it and deletes everything it wrote.
/// </summary>
public sealed class PrivateBroker : IDisposable
{
    internal const string LoopbackHost = "127.0.0.1";

    const int PollMilliseconds = 20;
    const int StartAttempts = 3;
    const int LogTailLines = 20;

    readonly PrivateBrokerOptions options;
    BrokerWorkDirectory files;
    MosquittoProcess process;
    bool portsChosen;
    bool disposed;

    public PrivateBroker(PrivateBrokerOptions options = null)
    {
        this.options = options ?? new PrivateBrokerOptions();
    }

    public string Host => LoopbackHost;

    /// <summary>The plain MQTT port; 0 until the first successful <see cref="Start"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The TLS port; 0 when no TLS listener is configured.</summary>
    public int TlsPort { get; private set; }

    /// <summary>mosquitto's log, appended to across restarts; null before the first <see cref="Start"/>.</summary>
    public string LogPath => files?.LogFile;

    /// <summary>The temporary directory the broker writes to (deleted on Dispose); null before the first <see cref="Start"/>.</summary>
    public string WorkDirectory => files?.Path;

    /// <summary>Process id of the running mosquitto; 0 when it is not running.</summary>
    public int Pid => IsRunning ? process.Pid : 0;

    public bool IsRunning => process != null && !process.HasExited;

    /// <summary>Creates and starts a broker, cleaning up if it fails to come up.</summary>
    public static PrivateBroker StartNew(PrivateBrokerOptions options = null)
    {
        var broker = new PrivateBroker(options);
        try
        {
            broker.Start();
            return broker;
        }
        catch
        {
            broker.Dispose();
            throw;
        }
    }

    /// <summary>Starts mosquitto and returns once every listener accepts TCP connections.
    /// The first start picks free ports; later starts reuse them.</summary>
    /// <exception cref="MosquittoNotInstalledException">mosquitto (or mosquitto_passwd) cannot be found.</exception>
    /// <exception cref="BrokerStartException">mosquitto exited or did not listen in time; the message has its log tail.</exception>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException("The broker is already running (pid " + process.Pid + ").");
        }

        string executable = MosquittoExecutables.FindBroker(options.MosquittoPath);
        if (files == null)
        {
            files = BrokerWorkDirectory.Create();
            try
            {
                WriteAuthorizationFiles(executable);
            }
            catch
            {
                // Start over next time rather than run later starts without their password or ACL file.
                files.Delete();
                files = null;
                throw;
            }
        }

        for (int attempt = 1; ; attempt++)
        {
            if (!portsChosen)
            {
                Port = FreeLoopbackPort.Next();
                TlsPort = options.Tls != null ? FreeLoopbackPort.Next() : 0;
            }

            long logStart = LogLength();
            File.WriteAllText(files.ConfigFile, MosquittoConfig.Render(options, files, Port, TlsPort));
            ReleaseProcess();
            process = MosquittoProcess.Launch(executable, files.ConfigFile);

            string failure = WaitUntilListening(logStart);
            if (failure == null)
            {
                portsChosen = true;
                return;
            }

            process.Kill();
            string log = ReadLog(logStart) + process.Output;
            // The free port may have been taken between choosing it and mosquitto binding it.
            if (attempt < StartAttempts && log.Contains("Address already in use", StringComparison.Ordinal))
            {
                continue;
            }

            throw new BrokerStartException(failure + " Last lines of its log (" + files.LogFile + "):" + Environment.NewLine + Tail(log));
        }
    }

    /// <summary>Graceful stop (SIGTERM, then SIGKILL after <see cref="PrivateBrokerOptions.StopTimeout"/>):
    /// clients are disconnected and persistence is saved. Does nothing when not running.</summary>
    public void Stop()
    {
        if (process != null)
        {
            process.Terminate(options.StopTimeout);
            ReleaseProcess();
        }
    }

    /// <summary>SIGKILL, to simulate a crash: nothing is saved and clients see their connections drop.</summary>
    public void Kill()
    {
        if (process != null)
        {
            process.Kill();
            ReleaseProcess();
        }
    }

    /// <summary>SIGSTOP: the broker stops processing anything, its connections stay open, and whatever clients send
    /// waits unread in its sockets. Follow with <see cref="Kill"/> to crash it at exactly this point.</summary>
    public void Freeze()
    {
        process?.Freeze();
    }

    /// <summary>Graceful stop, then start again on the same ports.</summary>
    public void Restart()
    {
        Stop();
        Start();
    }

    /// <summary>The whole log so far (all runs); empty before the first start.</summary>
    public string ReadLog()
    {
        return ReadLog(0);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Stop();
        files?.Delete();
    }

    void WriteAuthorizationFiles(string executable)
    {
        if (options.Users.Count > 0)
        {
            MosquittoPasswordFile.Write(MosquittoExecutables.FindPasswordTool(executable), files.PasswordFile, options.Users);
        }

        if (options.AclFileContent != null)
        {
            File.WriteAllText(files.AclFile, options.AclFileContent);
        }

        if (options.RefusedSubscriptions.Count > 0)
        {
            files.DynamicSecurityPlugin = MosquittoExecutables.FindDynamicSecurityPlugin(executable);
            File.WriteAllText(files.DynamicSecurityFile, MosquittoDynamicSecurity.Render(options));
        }
    }

    /// <summary>Null once mosquitto has bound every listener and they accept connections, otherwise why not.</summary>
    string WaitUntilListening(long logStart)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            // Waiting for exit doubles as the pause between connection attempts.
            if (process.WaitForExit(PollMilliseconds))
            {
                return "mosquitto exited during startup.";
            }

            // A connection alone is not proof: another process may hold our port while mosquitto is still failing to
            // bind it. mosquitto logs "running" only once every listener is bound.
            if (LogsRunning(ReadLog(logStart))
                && LoopbackPortProbe.AcceptsConnections(Port)
                && (TlsPort == 0 || LoopbackPortProbe.AcceptsConnections(TlsPort)))
            {
                return null;
            }

            if (elapsed.Elapsed > options.StartTimeout)
            {
                return "mosquitto did not accept connections on port " + Port + " within " + options.StartTimeout.TotalSeconds + " s.";
            }
        }
    }

    void ReleaseProcess()
    {
        process?.Dispose();
        process = null;
    }

    long LogLength()
    {
        return File.Exists(files.LogFile) ? new FileInfo(files.LogFile).Length : 0;
    }

    string ReadLog(long from)
    {
        if (files == null || !File.Exists(files.LogFile))
        {
            return "";
        }

        // mosquitto keeps the file open for writing while we read.
        using var stream = new FileStream(files.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(from, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>mosquitto 2.0 logs "mosquitto version 2.0.11 running" after binding its listeners.</summary>
    static bool LogsRunning(string log)
    {
        return log.Split('\n').Any(line => line.Contains("mosquitto version ", StringComparison.Ordinal)
            && line.TrimEnd().EndsWith(" running", StringComparison.Ordinal));
    }

    static string Tail(string log)
    {
        string[] lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - LogTailLines)));
    }
}
