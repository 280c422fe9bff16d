using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace EdgeSensor.Harness.Cli;

/// <summary>Ctrl+C (SIGINT) or SIGTERM asks for a graceful stop instead of killing the process, so the device can say goodbye.</summary>
sealed class StopSignal : IDisposable
{
    readonly ManualResetEventSlim requested = new();
    readonly PosixSignalRegistration interrupt;
    readonly PosixSignalRegistration terminate;

    public StopSignal()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public WaitHandle WaitHandle => requested.WaitHandle;

    public bool IsRequested => requested.IsSet;

    public bool Wait(TimeSpan timeout) => requested.Wait(timeout);

    void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        requested.Set();
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
    }
}
