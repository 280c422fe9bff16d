using System.ComponentModel;
using System.Runtime.InteropServices;

namespace EdgeSensor.Desktop.Broker;

/// <summary>Sends the signals .NET's Process cannot: SIGTERM (mosquitto saves its persistence database only on a
/// graceful stop) and SIGSTOP (to freeze it at a chosen moment).</summary>
static class UnixSignal
{
    const int SigTerm = 15;
    const int SigStop = 19; // Linux numbering
    const int NoSuchProcess = 3; // ESRCH

    public static void Terminate(int pid)
    {
        Send(pid, SigTerm);
    }

    public static void Freeze(int pid)
    {
        Send(pid, SigStop);
    }

    static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            if (error != NoSuchProcess)
            {
                throw new Win32Exception(error);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
