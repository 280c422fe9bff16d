using System.ComponentModel;
using System.Runtime.InteropServices;

namespace EdgeSensor.Desktop.Broker
{
    /// <summary>Sends SIGTERM, which .NET's Process cannot: mosquitto saves its persistence database only on a graceful stop.</summary>
    internal static class UnixSignal
    {
        private const int SigTerm = 15;
        private const int NoSuchProcess = 3; // ESRCH

        public static void Terminate(int pid)
        {
            if (kill(pid, SigTerm) != 0)
            {
                int error = Marshal.GetLastPInvokeError();
                if (error != NoSuchProcess)
                {
                    throw new Win32Exception(error);
                }
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
